"""The kernel's data types: what moves between pipeline stages.

Every stage takes and returns these frozen dataclasses and nothing else, so a
stage can be tested alone and mapped over a cluster (they pickle).

    ingest:  bytes -> Page
    clean:   Page -> Document
    extract: Document -> [Report]
    resolve: [Report] -> [Event]

A ``Skip`` is what a stage yields instead of its output when an item cannot be
processed: it names the item and says why, so that no input is lost silently.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
from dataclasses import dataclass, field
from typing import Literal

Precision = Literal["day", "month", "year"]
ActorKind = Literal["person", "organization"]

#: The message types of GUIDELINES.md, in the order they are tried.
MESSAGE_TYPES: tuple[str, ...] = (
    "congratulatory",
    "greetings",
    "verbal",
    "letter",
    "condolence",
    "thanks",
    "call",
    "message",
)

#: The occasion kinds of GUIDELINES.md.
OCCASION_KINDS: tuple[str, ...] = (
    "anniversary",
    "national_day",
    "election",
    "birthday",
    "new_year",
    "congress",
    "condolence",
    "thanks",
    "victory",
    "other",
    "none",
)


def content_hash(raw: bytes) -> str:
    """Return the hex SHA-256 of a page's raw bytes: its identity in the store."""
    return hashlib.sha256(raw).hexdigest()


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A calendar date known to day, month or year precision.

    ``month``/``day`` are None below the precision, so ``PartialDate(2021)`` is
    "some day in 2021", never January 1st.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Validates the calendar (raises ValueError for 2021-02-30, and for month or day 0).
        _dt.date(self.year, 1 if self.month is None else self.month, 1 if self.day is None else self.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def iso(self) -> str:
        """Return ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` as the precision allows."""
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse the output of :meth:`iso` (and a full ISO datetime's date part)."""
        parts = text.strip()[:10].split("-")
        nums = [int(p) for p in parts if p]
        return cls(*nums[:3])

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def to_date(self) -> _dt.date:
        """The first day this partial date can stand for."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def __str__(self) -> str:
        return self.iso()

    def sort_key(self) -> tuple[int, int, int]:
        """Order by the first day the date can stand for; a coarser date sorts first on a tie."""
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()


@dataclass(frozen=True)
class Page:
    """One raw page exactly as read, with what its container said about it.

    ``raw`` is kept byte for byte; ``text`` is its decoding. ``published_hint``
    and ``title_hint`` come from the container (a JSONL field), never from a
    crawler's fetch time, which is kept apart in ``fetched_at``.
    """

    source: str  # file path, or URL for records inside a JSONL dump or WARC
    raw: bytes
    text: str
    media_type: Literal["text", "html"]
    encoding: str
    container: str  # txt | html | jsonl | json | warc | stdin
    url: str | None = None
    title_hint: str | None = None
    published_hint: str | None = None
    fetched_at: str | None = None
    hash: str = ""

    def __post_init__(self) -> None:
        if not self.hash:
            object.__setattr__(self, "hash", content_hash(self.raw))

    @property
    def name(self) -> str:
        """The document name used by the evaluation contract (file name or URL)."""
        return self.url or self.source


@dataclass(frozen=True)
class Skip:
    """An item a stage could not process, with the reason, so nothing is lost silently.

    ``ignored`` marks an input that holds no page at all (a JSON file of
    annotations beside the pages, say): it is reported, but it is not a
    failure and there is nothing of it to keep.
    """

    source: str
    stage: str  # ingest | clean | extract | store
    reason: str
    ignored: bool = False


@dataclass(frozen=True)
class Span:
    """A stretch of a document's cleaned text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class DatedValue:
    """A date found in a document, with where it was found and by which rule."""

    date: PartialDate
    span: Span | None
    rule: str


@dataclass(frozen=True)
class Document:
    """A page reduced to the article: its own text, title, outlet, language, date."""

    page_hash: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    language: str = "und"
    published: DatedValue | None = None
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    """Why one field of a report has its value: the sentence, the span, the rule."""

    field: str  # sender | recipient | type | date | occasion | reply
    sentence: Span
    span: Span
    rule: str


@dataclass(frozen=True)
class ActorRef:
    """A sender or recipient as the page names it, resolved where the registry knows it.

    ``name`` is the canonical English name for a registry actor, else the name
    as written; ``titles`` are the titles exactly as the page writes them.
    """

    name: str
    kind: ActorKind = "person"
    actor_id: str | None = None
    titles: tuple[str, ...] = ()
    mention: str = ""


@dataclass(frozen=True)
class Occasion:
    """What the message marks: kind, anniversary number, and of what."""

    kind: str = "none"
    anniversary: int | None = None
    of: str | None = None
    check: str | None = None  # a note when the anniversary number disagrees with the knowledge base


@dataclass(frozen=True)
class Report:
    """One act of correspondence as one page states it."""

    doc: str  # the page's name (file name or URL)
    page_hash: str
    sender: ActorRef
    recipient: ActorRef
    type: str
    date: PartialDate | None
    occasion: Occasion
    reply: bool = False
    date_basis: str = "sent"  # sent | received | published | conveyed
    language: str = "en"
    evidence: tuple[Evidence, ...] = ()
    rule: str = ""
    outlet: str | None = None
    published: PartialDate | None = None

    @property
    def id(self) -> str:
        """Stable id: the same page stating the same act gives the same id on any backend."""
        return hashlib.sha1("|".join((self.page_hash, *self.key)).encode()).hexdigest()[:16]

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Identity within one page: the same pair, type and date is one report."""
        return (
            self.sender.actor_id or self.sender.name,
            self.recipient.actor_id or self.recipient.name,
            self.type,
            self.date.iso() if self.date else "",
        )

    def evidence_for(self, field_name: str) -> Evidence | None:
        """Return the evidence behind one field, if any."""
        for ev in self.evidence:
            if ev.field == field_name:
                return ev
        return None


@dataclass(frozen=True)
class Event:
    """One act of correspondence, merged from the reports of every page that states it."""

    id: str
    sender: ActorRef
    recipient: ActorRef
    type: str
    date: PartialDate | None
    occasion: Occasion
    reply: bool
    reports: tuple[Report, ...] = field(default_factory=tuple)
    reply_to: str | None = None  # id of the event this one answers
    reply_lag_days: int | None = None
    # Ids of reports whose page near-duplicates another page of this event:
    # kept in ``reports``, but not counted as independent confirmation.
    duplicate_reports: tuple[str, ...] = ()
