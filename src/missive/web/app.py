"""The app factory behind ``missive serve``: REST API, HTML desk, static assets.

The web layer only reads the store; the one write that needs the pipeline
(uploading pages) goes through the ``ingest`` function handed in by the CLI,
so this package never imports ingest/clean/extract/jobs.
"""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

from importlib import resources
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Sequence

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..store.base import Store
from .api import router as api_router
from .cache import ENTRIES as CACHE_ENTRIES
from .cache import ReadCache
from .common import app_store
from .errors import install_error_handlers
from .security import GuardMiddleware, RateLimiter
from .views import install_filters
from .views import router as html_router

#: ``ingest(files, store)``: files are (name, raw bytes); returns a summary (any JSON-able value).
IngestFn = Callable[[Sequence[tuple[str, bytes]], Store], Any]

MAX_BODY = 25 * 1024 * 1024  # above one page's cap (Limits.max_page_bytes) plus multipart overhead
MAX_FILES = 100
WRITES_PER_MINUTE = 60


def _default_opener(url: str) -> Store:
    from ..store import open_store  # imported late: the backend is chosen by the URL

    return open_store(url)


@asynccontextmanager
async def _close_store_at_shutdown(app: FastAPI) -> AsyncIterator[None]:
    yield
    if app.state.store is not None:
        app.state.store.close()
        app.state.store = None


def create_app(
    store_url: str,
    token: str | None = None,
    ingest: IngestFn | None = None,
    resolve: Callable[[Store], Any] | None = None,
    *,
    max_body: int = MAX_BODY,
    writes_per_minute: int = WRITES_PER_MINUTE,
    open_store: Callable[[str], Store] | None = None,
    cache_entries: int = CACHE_ENTRIES,
) -> FastAPI:
    """Build the desk over the store at ``store_url``.

    Without ``token`` the API is read-only (writes answer 403); ``ingest`` is
    what ``POST /api/pages`` calls with the uploaded files and an open store;
    ``resolve`` re-merges events after an override is stored (the CLI passes
    ``jobs.resolve_store``; without it, events change at the next resolve).
    ``cache_entries`` bounds the read cache of API answers (0 turns it off).
    """
    app = FastAPI(
        title="missive",
        summary="The record of correspondence between world leaders, with the evidence for every field.",
        version="1",
        docs_url=None,  # the stock docs pages load scripts from a CDN: the CSP forbids that
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=_close_store_at_shutdown,
    )
    app.state.store_url = store_url
    app.state.token = token or None
    app.state.ingest = ingest
    app.state.open_store = open_store or _default_opener
    app.state.store = None
    app.state.store_lock = threading.Lock()
    app.state.resolve = resolve
    app.state.max_files = MAX_FILES
    app.state.rate_limiter = RateLimiter(writes_per_minute)
    here = Path(str(resources.files("missive.web")))
    # Autoescape everywhere (not only for .html names): page text is untrusted.
    env = Environment(loader=FileSystemLoader(str(here / "templates")), autoescape=True)
    install_filters(env)
    templates = Jinja2Templates(env=env)
    app.state.templates = templates
    install_error_handlers(app)
    app.include_router(api_router)
    app.include_router(html_router)
    app.mount("/static", StaticFiles(directory=str(here / "static")), name="static")
    # Inside the guard (added first), so cached answers get the security headers too.
    app.add_middleware(ReadCache, store=lambda: app_store(app), opened=lambda: app.state.store, entries=cache_entries)
    app.add_middleware(GuardMiddleware, max_body=max_body)

    return app
