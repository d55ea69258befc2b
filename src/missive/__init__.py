"""missive: track the correspondence between world leaders from raw news pages.

The library is the product; the CLI, the REST API and the web app are thin
skins over it. Typical use::

    import missive
    for result in missive.extract_paths(["pages/"]):
        ...
    with missive.open_store("missive.db") as store:
        missive.ingest_paths(["pages/"], store)
        store.events(missive.Query(sender="Xi Jinping"))

Heavy modules are imported on first use, so ``import missive`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

from .errors import ConfigError, DataError, InputError, MissiveError, NotFoundError, StoreError
from .model import (
    ActorRef,
    Document,
    Event,
    Evidence,
    Occasion,
    Page,
    PartialDate,
    Report,
    Skip,
    Span,
)

__version__ = "0.1.0"

_LAZY = {
    "read_pages": "missive.ingest",
    "clean_page": "missive.clean",
    "extract_reports": "missive.extract",
    "resolve_events": "missive.resolve",
    "open_store": "missive.store",
    "Query": "missive.store.base",
    "extract_paths": "missive.jobs",
    "ingest_paths": "missive.jobs",
    "resolve_store": "missive.jobs",
}

__all__ = [
    "ActorRef", "ConfigError", "DataError", "Document", "Event", "Evidence", "InputError",
    "MissiveError", "NotFoundError", "Occasion", "Page", "PartialDate", "Report", "Skip", "Span",
    "StoreError", *_LAZY,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'missive' has no attribute {name!r}")
