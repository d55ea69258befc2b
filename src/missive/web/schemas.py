"""Response shapes of the API (pydantic), mirroring ``missive.codec.to_dict`` output.

They exist for the OpenAPI schema that clients and schemathesis check
responses against; the data itself is built from the model types.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class SpanOut(BaseModel):
    start: int
    end: int
    text: str


class EvidenceOut(BaseModel):
    field: str
    sentence: SpanOut
    span: SpanOut
    rule: str


class ActorOut(BaseModel):
    name: str
    kind: str
    actor_id: str | None = None
    titles: list[str] = []
    mention: str = ""


class OccasionOut(BaseModel):
    kind: str
    anniversary: int | None = None
    of: str | None = None
    check: str | None = None


class ReportOut(BaseModel):
    id: str
    doc: str
    page_hash: str
    sender: ActorOut
    recipient: ActorOut
    type: str
    date: str | None = None
    occasion: OccasionOut
    reply: bool
    date_basis: str
    language: str
    evidence: list[EvidenceOut] = []
    rule: str = ""
    outlet: str | None = None
    published: str | None = None


class EventOut(BaseModel):
    id: str
    sender: ActorOut
    recipient: ActorOut
    type: str
    date: str | None = None
    occasion: OccasionOut
    reply: bool
    reply_to: str | None = None
    reply_lag_days: int | None = None
    duplicate_reports: list[str] = Field([], description="ids of reports that near-duplicate another page")
    report_count: int
    outlets: list[str] = []
    languages: list[str] = Field([], description="languages of the reports, lowercased (en, zh, ko)")


class DifferenceOut(BaseModel):
    field: str
    value: str


class ReadoutsOut(BaseModel):
    differences: dict[str, list[DifferenceOut]] = Field(
        description="report id -> the facts only that report states among the event's reports"
    )
    comparison: Any = Field(None, description="missive.resolve.compare_readouts output, when available")


class EventDetailOut(EventOut):
    reports: list[ReportOut]
    replies: list[EventOut] = Field(description="events that answer this one")
    answers: EventOut | None = Field(None, description="the event this one answers")
    readouts: ReadoutsOut


class EventPage(BaseModel):
    items: list[EventOut]
    next_cursor: str | None = None
    limit: int


class ReportPage(BaseModel):
    items: list[ReportOut]
    next_cursor: str | None = None
    limit: int


class ActorSummary(BaseModel):
    id: str
    name: str
    kind: str
    in_registry: bool
    sent: int
    received: int


class ActorPage(BaseModel):
    items: list[ActorSummary]
    next_cursor: str | None = None
    limit: int


class OfficeOut(BaseModel):
    title: str
    country: str | None = None
    start: str | None = None
    end: str | None = None


class CorrespondentOut(BaseModel):
    key: str
    name: str
    sent: int
    received: int


class YearCountOut(BaseModel):
    year: int | None
    sent: int
    received: int


class ActorDetailOut(BaseModel):
    id: str
    name: str
    kind: str
    in_registry: bool
    country: str | None = None
    aliases: list[str] = []
    offices: list[OfficeOut] = []
    correspondents: list[CorrespondentOut] = []
    per_year: list[YearCountOut] = []
    by_type: dict[str, int] = {}
    event_ids: list[str] = []


class PageOut(BaseModel):
    hash: str
    source: str
    url: str | None = None
    container: str
    media_type: str
    encoding: str
    ingested_at: str
    size: int
    title: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: str | None = None
    text: str | None = Field(None, description="the cleaned text; null when the page was skipped before cleaning")
    report_ids: list[str] = []
    reports: list[ReportOut] = Field([], description="the reports extracted from this page")


class CountRowOut(BaseModel):
    key: list[str]
    label: str
    count: int


class CountsOut(BaseModel):
    by: Literal["pair", "type", "year"]
    rows: list[CountRowOut]
    total: int = Field(description="how many groups the whole count has")
    limit: int | None = Field(description="groups per page; null when every group was asked for (all=true)")
    offset: int


class YearRowOut(BaseModel):
    year: int
    occasion: str = Field(description="founding id from occasions.yaml, birthday:<actor>, new-year, or of:<text>")
    label: str
    occasion_date: str | None = Field(None, description="the day the occasion fell on that year, where known")
    sent: bool
    date: str | None = None
    event_id: str | None = None
    messages: int = 0
    lag_days: int | None = Field(None, description="days after the occasion; negative: sent ahead")
    reverse_date: str | None = Field(None, description="date of the recipient's message to the sender that year")
    reverse_event_id: str | None = None
    first: Literal["sender", "recipient", "same day"] | None = None


class CustomaryOut(BaseModel):
    sender: str
    recipient: str
    occasion: str
    rows: list[YearRowOut]


class SearchHitOut(BaseModel):
    page_hash: str
    source: str
    snippet: str
    rank: float


class SearchOut(BaseModel):
    q: str
    order: Literal["relevance", "newest"]
    candidates: int = Field(description="relevance ranks at most this many of the most recently stored matches")
    hits: list[SearchHitOut]


class OverrideIn(BaseModel):
    kind: Literal["merge", "split"]
    report_ids: list[str] = Field(min_length=1, max_length=200)
    note: str = Field("", max_length=2000)


class OverrideOut(BaseModel):
    id: int
    kind: str
    report_ids: list[str]
    note: str
    created_at: str


class IngestOut(BaseModel):
    files: int
    summary: Any = None
