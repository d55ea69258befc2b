"""Settings: where the store lives and the limits of one run.

Values come from explicit arguments first, then environment variables
(``MISSIVE_DB``, ``MISSIVE_API_TOKEN``), then defaults. There is no global
singleton: callers build a ``Settings`` and pass it down.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DB_ENV = "MISSIVE_DB"
TOKEN_ENV = "MISSIVE_API_TOKEN"


def default_db_path() -> Path:
    """The per-user store, e.g. ``~/.local/share/missive/missive.db`` on Linux."""
    return Path(platformdirs.user_data_dir("missive")) / "missive.db"


def resolve_db(db: str | os.PathLike[str] | None = None) -> str:
    """Return the store location: ``db`` if given, else ``$MISSIVE_DB``, else the default.

    A PostgreSQL URL is returned as is; anything else is a SQLite file path.
    """
    if db:
        return str(db)
    env = os.environ.get(DB_ENV)
    if env:
        return env
    return str(default_db_path())


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one bad page from stalling or swamping a batch."""

    max_page_bytes: int = 20 * 1024 * 1024
    max_decompressed_bytes: int = 200 * 1024 * 1024
    page_timeout_s: float = 30.0
    batch_size: int = 200
