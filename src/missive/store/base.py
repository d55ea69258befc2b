"""The one store interface; SQLite and PostgreSQL implement it.

Everything above the store (jobs, CLI, analyse, web) talks to this Protocol
only, so a backend can be swapped by the database URL alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, Protocol, Sequence

from ..model import ActorRef, Document, Event, Page, PartialDate, Report, Skip

if TYPE_CHECKING:
    from .prepared import BatchRows
    from .summaries import EventSummary


@dataclass(frozen=True)
class Batch:
    """What one atomic write holds: pages with their documents and reports, and skips."""

    pages: Sequence[Page] = ()
    documents: Sequence[Document] = ()
    reports: Sequence[Report] = ()
    skips: Sequence[Skip] = ()
    #: The pipeline version that made the documents and reports; stamped on the new pages
    #: (None = unknown: ``iter_pages(stale_for=...)`` then counts them as stale).
    version: str | None = None


@dataclass(frozen=True)
class BatchResult:
    new_pages: int = 0
    known_pages: int = 0
    new_reports: int = 0


@dataclass(frozen=True)
class StoredPage:
    """A page as kept: metadata plus the raw bytes (decompressed on read)."""

    hash: str
    source: str
    url: str | None
    container: str
    media_type: str
    encoding: str
    raw: bytes
    ingested_at: str
    title_hint: str | None = None
    published_hint: str | None = None
    fetched_at: str | None = None
    version: str | None = None  # the pipeline version that last processed it (None = unknown)


@dataclass(frozen=True)
class PageResults:
    """A page's new processing results, replacing what the store holds for it.

    ``document`` None: the page was screened out or skipped (``skip`` says why).
    """

    page_hash: str
    document: Document | None = None
    reports: Sequence[Report] = ()
    skip: Skip | None = None


@dataclass(frozen=True)
class ReplaceResult:
    """What one ``replace_batch`` changed: pages and reports removed, added, rewritten."""

    pages: int = 0
    removed_reports: int = 0
    added_reports: int = 0
    kept_reports: int = 0  # same id before and after, row rewritten with the new content


@dataclass(frozen=True)
class Query:
    """Filters shared by report and event listings; None means no filter.

    ``party`` matches either sender or recipient, ``pair`` either direction
    between two actors; names match canonical names or actor ids, case-insensitively.
    """

    sender: str | None = None
    recipient: str | None = None
    party: str | None = None
    type: str | None = None
    occasion: str | None = None
    since: PartialDate | None = None
    until: PartialDate | None = None
    outlet: str | None = None
    language: str | None = None
    text: str | None = None  # full-text search over evidence and page text
    order: Literal["date", "-date"] = "date"
    limit: int | None = None
    after: str | None = None  # opaque cursor from the previous page
    # -- additions: both directions between two actors; the reports of one page --
    pair: tuple[str, str] | None = None  # (A, B): sent by A to B or by B to A
    page_hash: str | None = None  # events: those with a report from this page


#: How search hits are ordered: "relevance" ranks the most recently stored matches
#: (at most ``SEARCH_CANDIDATES`` of them), "newest" lists the most recently stored first.
SearchOrder = Literal["relevance", "newest"]
SEARCH_ORDERS: tuple[str, ...] = ("relevance", "newest")
#: How many of the most recently stored matches a relevance search ranks: exact while a search
#: matches fewer pages, bounded when a common word matches most of them (docs/performance.md).
SEARCH_CANDIDATES = 1000


@dataclass(frozen=True)
class Override:
    """An analyst's decision that survives re-resolution."""

    id: int
    kind: Literal["merge", "split"]
    report_ids: tuple[str, ...]
    note: str = ""
    created_at: str = ""


@dataclass(frozen=True)
class CountPage:
    """One page of a count in the order it is shown, and how many groups there are in all.

    Pairs and types come most frequent first (ties by label, then key), years in
    calendar order with undated last; ``rows`` holds (key, label, count).
    """

    rows: list[tuple[tuple[str, ...], str, int]]
    total: int


@dataclass(frozen=True)
class SearchHit:
    page_hash: str
    source: str
    snippet: str
    rank: float = 0.0


class Store(Protocol):
    """Persistence for pages, documents, reports, events and overrides."""

    url: str

    def close(self) -> None: ...

    # -- writing the pipeline's output (each call one transaction) --
    def known_pages(self, hashes: Iterable[str]) -> set[str]: ...
    def write_batch(self, batch: Batch) -> BatchResult: ...
    def write_rows(self, batch: BatchRows) -> BatchResult: ...
    def replace_events(self, events: Sequence[Event]) -> None: ...
    def add_override(self, kind: Literal["merge", "split"], report_ids: Sequence[str], note: str = "") -> Override: ...

    # -- re-processing stored pages with a newer pipeline --
    def iter_pages(self, stale_for: str | None = None) -> Iterator[StoredPage]: ...
    def mark_pages_stale(self) -> int: ...
    def replace_batch(self, items: Sequence[PageResults], version: str) -> ReplaceResult: ...
    def replace_page_results(
        self, page_hash: str, document: Document | None, reports: Sequence[Report], version: str, skip: Skip | None = None
    ) -> tuple[int, int]: ...
    def known_reports(self, ids: Iterable[str]) -> set[str]: ...
    def events_stale(self) -> bool: ...

    # -- reading --
    def page(self, page_hash: str) -> StoredPage: ...
    def document(self, page_hash: str) -> Document: ...
    def report(self, report_id: str) -> Report: ...
    def reports(self, query: Query = Query()) -> list[Report]: ...
    def iter_reports(self) -> Iterator[Report]: ...
    def event(self, event_id: str) -> Event: ...
    # An event id that vanished (its events merged) leads on through the report that named it.
    def event_of_report(self, report_id: str) -> str | None: ...
    # The ids events have now, so that a re-resolve keeps them (links and notes stay valid).
    def event_ids(self) -> set[str]: ...
    def events(self, query: Query = Query()) -> list[Event]: ...
    def overrides(self) -> list[Override]: ...
    def skips(self) -> list[Skip]: ...
    def search(self, text: str, limit: int = 20, order: SearchOrder = "relevance") -> list[SearchHit]: ...
    def stats(self) -> dict[str, int]: ...

    # -- additions: pages with their next cursor (None on the last page), actors seen --
    def reports_page(self, query: Query = Query()) -> tuple[list[Report], str | None]: ...
    def events_page(self, query: Query = Query()) -> tuple[list[Event], str | None]: ...
    def actors(self) -> list[ActorRef]: ...

    # -- addition: aggregate counts in the database, (key, label, count) sorted by key --
    def count_events(self, query: Query = Query(), by: str = "pair") -> list[tuple[tuple[str, ...], str, int]]: ...
    # -- addition: the first ``limit`` groups of a count in display order, with the number of groups --
    def count_page(self, query: Query = Query(), by: str = "pair", limit: int = 100, offset: int = 0) -> CountPage: ...
    # -- addition: every stored page hash (Dask workers skip the pages already stored) --
    def page_hashes(self) -> set[str]: ...
    # -- addition: light listings (report counts, no report JSON) and the write generation --
    def event_summaries_page(self, query: Query = Query()) -> tuple[list[EventSummary], str | None]: ...
    def generation(self) -> int: ...
