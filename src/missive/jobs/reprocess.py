"""Re-run the current cleaner and extractor over pages already in the store.

The store keeps every page's raw bytes, so an improved pipeline can be applied
without re-reading the crawls (``missive reprocess``):

1. pages not stamped with the current ``pipeline_version()`` are streamed from
   the store (``all_pages`` first forgets every stamp, so all of them are);
2. each is rebuilt as the Page ingest made (same bytes, encoding, media type,
   container and hints) and goes through ``process_page``;
3. every ``Limits.batch_size`` pages, one atomic ``Store.replace_batch`` swaps
   the page's document, reports and skips and stamps the version;
4. ``resolve_store`` re-resolves all reports into events, honouring overrides.

Idempotent: a second run finds no stale page and (unless reports changed since
the last resolve) does nothing. Killable: each batch commits whole and stamps
its pages, and the store remembers that events are stale until a resolve
replaces them, so a rerun after a kill finishes the job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ..ingest.encoding import bom_encoding
from ..model import Page, Skip
from ..settings import Limits
from ..store.base import Override, PageResults, Store, StoredPage
from .pipeline import process_page
from .resolving import resolve_store
from .version import pipeline_version

#: Containers whose raw bytes are the UTF-8 encoding of a JSON string (no BOM was stripped).
_JSON_CONTAINERS = ("json", "jsonl")


@dataclass
class ReprocessSummary:
    """Counts for the end-of-run summary; ``skips`` and ``orphaned_overrides`` keep the details."""

    version: str = ""
    pages: int = 0  # pages re-processed
    screened: int = 0  # of those, set aside by the screen (stored without a document)
    reports_before: int = 0
    reports_after: int = 0
    added: int = 0
    removed: int = 0
    kept: int = 0  # same report id before and after (rewritten in place)
    events: int | None = None  # None: no resolve was needed
    skips: list[Skip] = field(default_factory=list)
    #: Overrides naming at least one report that is no longer stored (kept; the resolver ignores those ids).
    orphaned_overrides: list[Override] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.skips)


def page_from_stored(stored: StoredPage) -> Page | Skip:
    """Rebuild the Page that ingest made from what the store kept, or a Skip saying why not."""
    raw = stored.raw
    body = raw
    bom = bom_encoding(raw)
    if bom and stored.container not in _JSON_CONTAINERS:
        body = raw[bom[1] :]  # ingest decoded the bytes after a byte-order mark
    try:
        text = body.decode(stored.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        return Skip(stored.source, "ingest", f"stored bytes no longer decode as {stored.encoding}: {exc}")
    page = Page(
        source=stored.source,
        raw=raw,
        text=text,
        media_type="html" if stored.media_type == "html" else "text",
        encoding=stored.encoding,
        container=stored.container,
        url=stored.url,
        title_hint=stored.title_hint,
        published_hint=stored.published_hint,
        fetched_at=stored.fetched_at,
    )
    if page.hash != stored.hash:
        return Skip(stored.source, "ingest", f"stored bytes do not match their hash {stored.hash}")
    return page


def reprocess_store(
    store: Store,
    limits: Limits = Limits(),
    all_pages: bool = False,
    on_progress: Callable[[ReprocessSummary], None] | None = None,
    version: str | None = None,
) -> ReprocessSummary:
    """Re-process stale stored pages (every page with ``all_pages``), then re-resolve events.

    ``version`` defaults to ``pipeline_version()``; tests pass their own.
    """
    summary = ReprocessSummary(version=version or pipeline_version())
    summary.reports_before = store.stats()["reports"]
    if all_pages:
        store.mark_pages_stale()  # a kill after this is finished by a plain rerun
    pending: list[PageResults] = []

    def flush() -> None:
        if not pending:
            return
        done = store.replace_batch(pending, summary.version)
        summary.pages += done.pages
        summary.added += done.added_reports
        summary.removed += done.removed_reports
        summary.kept += done.kept_reports
        pending.clear()
        if on_progress:
            on_progress(summary)

    for stored in store.iter_pages(stale_for=summary.version):
        pending.append(_results(stored, limits, summary))
        if len(pending) >= limits.batch_size:
            flush()
    flush()
    if summary.pages or store.events_stale():
        summary.events = resolve_store(store)
    summary.reports_after = store.stats()["reports"]
    summary.orphaned_overrides = orphaned_overrides(store)
    return summary


def _results(stored: StoredPage, limits: Limits, summary: ReprocessSummary) -> PageResults:
    """The page's new results; a page that cannot be rebuilt keeps no document or report."""
    page = page_from_stored(stored)
    if isinstance(page, Skip):
        summary.skips.append(page)
        return PageResults(stored.hash, None, (), page)
    result = process_page(page, limits)
    if result.skip is not None:
        summary.skips.append(result.skip)
    if result.screened:
        summary.screened += 1
    return PageResults(stored.hash, result.document, result.reports, result.skip)


def orphaned_overrides(store: Store) -> list[Override]:
    """The analysts' overrides that name a report the store no longer holds."""
    overrides = store.overrides()
    known = store.known_reports(rid for o in overrides for rid in o.report_ids)
    return [o for o in overrides if any(rid not in known for rid in o.report_ids)]
