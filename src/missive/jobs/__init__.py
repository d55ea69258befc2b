"""Orchestration: the only place (besides the CLI) where pipeline stages are chained."""

from .pipeline import IngestSummary, PageResult, extract_paths, ingest_items, ingest_paths, ingest_uploads, process_page
from .resolving import resolve_store

__all__ = ["IngestSummary", "PageResult", "extract_paths", "ingest_items", "ingest_paths", "ingest_uploads", "process_page", "resolve_store"]
