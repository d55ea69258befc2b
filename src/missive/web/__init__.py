"""The analyst's desk: REST API and server-rendered web app over the store.

    create_app(store_url, token=None, ingest=None) -> FastAPI
"""

from .app import create_app

__all__ = ["create_app"]
