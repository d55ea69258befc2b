"""The one store interface; SQLite and PostgreSQL implement it.

Everything above the store (jobs, CLI, analyse, web) talks to this Protocol
only, so a backend can be swapped by the database URL alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator, Literal, Protocol, Sequence

from ..model import ActorRef, Document, Event, Page, PartialDate, Report, Skip


@dataclass(frozen=True)
class Batch:
    """What one atomic write holds: pages with their documents and reports, and skips."""

    pages: Sequence[Page] = ()
    documents: Sequence[Document] = ()
    reports: Sequence[Report] = ()
    skips: Sequence[Skip] = ()


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


@dataclass(frozen=True)
class Query:
    """Filters shared by report and event listings; None means no filter.

    ``party`` matches either sender or recipient; names match canonical names
    or actor ids, case-insensitively.
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


@dataclass(frozen=True)
class Override:
    """An analyst's decision that survives re-resolution."""

    id: int
    kind: Literal["merge", "split"]
    report_ids: tuple[str, ...]
    note: str = ""
    created_at: str = ""


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
    def replace_events(self, events: Sequence[Event]) -> None: ...
    def add_override(self, kind: Literal["merge", "split"], report_ids: Sequence[str], note: str = "") -> Override: ...

    # -- reading --
    def page(self, page_hash: str) -> StoredPage: ...
    def document(self, page_hash: str) -> Document: ...
    def report(self, report_id: str) -> Report: ...
    def reports(self, query: Query = Query()) -> list[Report]: ...
    def iter_reports(self) -> Iterator[Report]: ...
    def event(self, event_id: str) -> Event: ...
    def events(self, query: Query = Query()) -> list[Event]: ...
    def overrides(self) -> list[Override]: ...
    def skips(self) -> list[Skip]: ...
    def search(self, text: str, limit: int = 20) -> list[SearchHit]: ...
    def stats(self) -> dict[str, int]: ...

    # -- additions: pages with their next cursor (None on the last page), actors seen --
    def reports_page(self, query: Query = Query()) -> tuple[list[Report], str | None]: ...
    def events_page(self, query: Query = Query()) -> tuple[list[Event], str | None]: ...
    def actors(self) -> list[ActorRef]: ...
