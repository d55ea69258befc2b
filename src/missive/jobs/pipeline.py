"""Chain the stages: read -> clean -> extract -> store -> resolve.

The stages know nothing of each other; this module is the runner that feeds
one's output to the next and turns any per-page failure into a ``Skip`` with
its reason, so one bad page never stops a batch:

1. ``ingest.read_pages`` yields Pages (or Skips for unreadable items);
2. pages whose hash the store already holds are counted and dropped;
3. ``clean.clean_page`` and ``extract.extract_reports`` run per page, under a
   time limit (``Limits.page_timeout_s``);
4. every ``Limits.batch_size`` pages, one atomic ``Store.write_batch``;
   a killed run therefore resumes at the last committed batch, and the
   hash check of step 2 skips what was already stored;
5. ``resolve_store`` re-resolves all stored reports into events.
"""

from __future__ import annotations

import io
import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Sequence

from .. import clean, extract, ingest, screen
from ..errors import MissiveError
from ..model import Document, Page, Report, Skip
from ..settings import Limits
from ..store.base import Batch, Store
from .resolving import resolve_store
from .version import pipeline_version


@dataclass(frozen=True)
class PageResult:
    """What the pipeline made of one page: its document and reports, or why it was skipped."""

    page: Page
    document: Document | None
    reports: tuple[Report, ...]
    skip: Skip | None = None
    screened: str | None = None  # why the pre-filter set the page aside (kept, never cleaned)


@dataclass
class IngestSummary:
    """Counts for the end-of-run summary; ``skips`` keeps every reason."""

    read: int = 0
    new: int = 0
    known: int = 0
    screened: int = 0  # stored without a document: no correspondence cue (not a skip)
    reports: int = 0
    events: int = 0
    skips: list[Skip] = field(default_factory=list)
    ignored: list[Skip] = field(default_factory=list)  # inputs that hold no page (not failures)

    @property
    def skipped(self) -> int:
        return len(self.skips)


class PageTimeout(MissiveError):
    """A page took longer than the per-page limit and was abandoned."""

    code = "timeout"


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Abandon the block after ``seconds`` (SIGALRM; only in the main thread, else no limit)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread() or os.name != "posix":
        yield
        return

    def _on_alarm(signum: int, frame: object) -> None:
        raise PageTimeout(f"abandoned after {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process_page(page: Page, limits: Limits = Limits(), screen_first: bool = True) -> PageResult:
    """Screen, clean and extract one page; any failure becomes a Skip naming the stage and reason."""
    stage = "screen"
    try:
        # The screen is linear in the page's size; it runs outside the timer, which costs more than it does.
        if screen_first and (reason := screen.screen_page(page)):
            return PageResult(page, None, (), screened=reason)
        stage = "clean"
        with _time_limit(limits.page_timeout_s):
            document = clean.clean_page(page)
            stage = "extract"
            reports = tuple(extract.extract_reports(document))
    except MissiveError as exc:
        return PageResult(page, None, (), Skip(page.source, stage, str(exc)))
    except RecursionError:
        return PageResult(page, None, (), Skip(page.source, stage, "page too deeply nested"))
    except Exception as exc:  # noqa: BLE001 - the runner, not the stage, owns error handling
        reason = f"internal error in {stage}: {type(exc).__name__}: {exc}"
        return PageResult(page, None, (), Skip(page.source, stage, reason))
    return PageResult(page, document, reports)


def note_read_skip(item: Skip, summary: IngestSummary, store: Store) -> None:
    """Count an input the reader could not turn into a page; keep a real skip in the store."""
    if item.ignored:
        summary.ignored.append(item)
        return
    summary.skips.append(item)
    store.write_batch(Batch(skips=[item]))


def results_batch(results: Sequence[PageResult]) -> Batch:
    """One atomic store write for processed pages, stamped with the pipeline version."""
    return Batch(
        pages=[r.page for r in results],
        documents=[r.document for r in results if r.document is not None],
        reports=[rep for r in results for rep in r.reports],
        skips=[r.skip for r in results if r.skip is not None],
        version=pipeline_version(),
    )


def extract_paths(paths: Iterable[str], limits: Limits = Limits()) -> Iterator[PageResult | Skip]:
    """Read, clean and extract pages without storing anything (``missive extract``)."""
    for item in ingest.read_pages(paths, limits=limits):
        if isinstance(item, Skip):
            yield item
        else:
            # No screen here: the per-page contract reports every page's published date.
            yield process_page(item, limits, screen_first=False)


def ingest_paths(
    paths: Iterable[str],
    store: Store,
    limits: Limits = Limits(),
    on_progress: Callable[[IngestSummary], None] | None = None,
    resolve: bool = True,
) -> IngestSummary:
    """Read pages from files, folders or stdin into the store, then re-resolve events."""
    return ingest_items(ingest.read_pages(paths, limits=limits), store, limits, on_progress, resolve)


def ingest_uploads(files: Sequence[tuple[str, bytes]], store: Store, limits: Limits = Limits()) -> IngestSummary:
    """Ingest uploaded files (name, bytes), sniffing each one's format (the API's page upload)."""
    items = (
        item
        for name, data in files
        for item in ingest.read_stream(io.BytesIO(data), name=name, limits=limits)
    )
    return ingest_items(items, store, limits)


def ingest_items(
    items: Iterable[Page | Skip],
    store: Store,
    limits: Limits = Limits(),
    on_progress: Callable[[IngestSummary], None] | None = None,
    resolve: bool = True,
) -> IngestSummary:
    """Store read pages in atomic batches (known pages skipped), then re-resolve events."""
    summary = IngestSummary()
    pending: list[Page] = []

    def flush() -> None:
        if not pending:
            return
        known = store.known_pages(p.hash for p in pending)
        results: list[PageResult] = []
        seen: set[str] = set()
        for page in pending:
            if page.hash in known or page.hash in seen:
                summary.known += 1
                continue
            seen.add(page.hash)
            results.append(process_page(page, limits))
        batch = results_batch(results)
        written = store.write_batch(batch)
        summary.new += written.new_pages
        summary.known += written.known_pages
        summary.reports += written.new_reports
        summary.screened += sum(1 for r in results if r.screened)
        summary.skips.extend(batch.skips)
        pending.clear()
        if on_progress:
            on_progress(summary)

    for item in items:
        if isinstance(item, Skip):
            note_read_skip(item, summary, store)
            continue
        summary.read += 1
        pending.append(item)
        if len(pending) >= limits.batch_size:
            flush()
    flush()
    if resolve:
        summary.events = resolve_store(store)
    return summary
