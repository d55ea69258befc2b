"""Persistence: one Store interface, SQLite and PostgreSQL behind it.

    with open_store("missive.db") as store:            # SQLite file
        store.write_batch(Batch(pages=..., reports=...))
    with open_store("postgresql://localhost/missive") as store:
        ...
"""

from __future__ import annotations

import re

from ..errors import ConfigError
from ..settings import resolve_db
from .base import Batch, BatchResult, CountPage, Override, PageResults, Query, ReplaceResult, SearchHit, Store, StoredPage
from .summaries import EventSummary

__all__ = [
    "Batch",
    "BatchResult",
    "CountPage",
    "EventSummary",
    "Override",
    "PageResults",
    "Query",
    "ReplaceResult",
    "SearchHit",
    "Store",
    "StoredPage",
    "open_store",
]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_POSTGRES_SCHEMES = ("postgresql", "postgres")


def open_store(url: str | None = None) -> Store:
    """Open (creating and migrating as needed) the store at ``url``.

    ``postgresql://`` / ``postgres://`` URLs open PostgreSQL; any other value
    without a scheme is a SQLite file path (``:memory:`` for a throwaway store);
    ``None`` means ``missive.settings.resolve_db()``. Another scheme is a ConfigError.
    """
    target = resolve_db(url)
    match = _SCHEME.match(target)
    if match:
        scheme = match[1].lower()
        if scheme in _POSTGRES_SCHEMES:
            from .postgres import PostgresStore

            return PostgresStore(target)
        if scheme == "sqlite":
            # sqlite:///abs/path or sqlite://rel/path: accepted for convenience.
            path = target[len(match[0]) :]
            from .sqlite import SQLiteStore

            return SQLiteStore(path or ":memory:")
        raise ConfigError(f"unknown database URL scheme {scheme!r} in {target!r}; use a file path or postgresql://")
    from .sqlite import SQLiteStore

    return SQLiteStore(target)
