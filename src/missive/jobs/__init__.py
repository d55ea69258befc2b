"""Orchestration: the only place (besides the CLI) where pipeline stages are chained."""

from .pipeline import IngestSummary, PageResult, extract_paths, ingest_items, ingest_paths, ingest_uploads, process_page
from .reprocess import ReprocessSummary, page_from_stored, reprocess_store
from .resolving import resolve_store
from .version import pipeline_version

__all__ = [
    "IngestSummary",
    "PageResult",
    "ReprocessSummary",
    "extract_paths",
    "ingest_items",
    "ingest_paths",
    "ingest_uploads",
    "page_from_stored",
    "pipeline_version",
    "process_page",
    "reprocess_store",
    "resolve_store",
]
