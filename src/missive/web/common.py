"""What the API and the HTML views share: store access, filters, paging, summaries."""

from __future__ import annotations

import base64
import binascii
import json
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, Iterator, Sequence, TypeVar
from urllib.parse import quote

from fastapi import Query as Param
from fastapi import Request
from fastapi.responses import RedirectResponse

from ..codec import to_dict
from ..errors import InputError, NotFoundError
from ..model import Document, Event, PartialDate, Report
from ..resolve import report_id_in
from ..store.base import Query, Store
from ..store.summaries import EventSummary
from .errors import ApiError
from .schemas import EventOut

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
_TEXT = {"max_length": 200}
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: a form left blank
T = TypeVar("T")
#: EventOut's top-level fields, each with the value a stored event lacking it stands for.
EVENT_FIELDS: dict[str, Any] = {
    name: None if info.is_required() else info.get_default(call_default_factory=True)
    for name, info in EventOut.model_fields.items()
}


def event_or_moved(store: Store, event_id: str, base: str) -> Event | RedirectResponse:
    """The event, or a permanent redirect to where an event whose id is gone lives now.

    Ids survive re-resolution, except when two events merge (an event id names one
    of its reports); an analyst's link to the one that lost its id then still leads
    to the merged event. ``base`` is the route's prefix ("/events/" or "/api/events/").
    """
    try:
        return store.event(event_id)
    except NotFoundError:
        report_id = report_id_in(event_id)
        moved = store.event_of_report(report_id) if report_id else None
        if moved is None or moved == event_id:
            raise
        return RedirectResponse(base + quote(moved, safe=""), status_code=301)


@contextmanager
def store_for(request: Request) -> Iterator[Store]:
    """The app's one long-lived store, opened on first use and closed at shutdown.

    Opening per request would redo the connection and migration check on every
    call; the stores are made for sharing (SQLite: a reader connection per
    thread and one writer; PostgreSQL: a locked connection).
    """
    yield app_store(request.app)


def app_store(app: Any) -> Store:
    """The app's store, opened on first use (see :func:`store_for`)."""
    state = app.state
    with state.store_lock:
        if state.store is None:
            state.store = state.open_store(state.store_url)
        return state.store


def _date(value: str | None, name: str) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value)
    except (ValueError, TypeError) as exc:
        raise ApiError(400, f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") from exc


@dataclass(frozen=True)
class Filters:
    """The event filters as given in the URL (kept as text so forms can echo them)."""

    sender: str | None = None
    recipient: str | None = None
    party: str | None = None
    type: str | None = None
    occasion: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    language: str | None = None
    q: str | None = None
    sort: str = "date"
    pair: tuple[str, str] | None = None  # both directions between two actors
    page: str | None = None  # the hash of the page the reports come from

    def query(self) -> Query:
        """The store Query these filters stand for (400 on a malformed date)."""
        return Query(
            pair=self.pair,
            page_hash=self.page or None,
            sender=self.sender or None,
            recipient=self.recipient or None,
            party=self.party or None,
            type=self.type or None,
            occasion=self.occasion or None,
            since=_date(self.since, "since"),
            until=_date(self.until, "until"),
            outlet=self.outlet or None,
            language=self.language or None,
            text=self.q or None,
            order="-date" if self.sort == "-date" else "date",
        )

    def params(self, **changes: Any) -> dict[str, str]:
        """The non-empty filters as URL parameters, with ``changes`` applied."""
        values = {k: v for k, v in vars(self).items() if v and not (k == "sort" and v == "date")}
        if self.pair:
            values["pair"] = ",".join(self.pair)
        values.update({k: v for k, v in changes.items() if v is not None})
        return {k: str(v) for k, v in values.items() if v}


async def filters(  # async: pure parsing, so FastAPI runs it on the loop instead of a thread hop
    sender: str | None = Param(None, description="sender: canonical name or actor id", **_TEXT),
    recipient: str | None = Param(None, description="recipient: canonical name or actor id", **_TEXT),
    party: str | None = Param(None, description="either side: canonical name or actor id", **_TEXT),
    type: str | None = Param(None, description="message type (congratulatory, condolence, ...)", **_TEXT),
    occasion: str | None = Param(None, description="occasion kind (anniversary, national_day, ...)", **_TEXT),
    since: str | None = Param(None, description="earliest date, YYYY[-MM[-DD]]", pattern=DATE_PATTERN),
    until: str | None = Param(None, description="latest date, YYYY[-MM[-DD]]", pattern=DATE_PATTERN),
    outlet: str | None = Param(None, description="news outlet of a report", **_TEXT),
    language: str | None = Param(None, description="language of a report (en, zh, ko)", **_TEXT),
    q: str | None = Param(None, description="text search over evidence and page text", **_TEXT),
    sort: str = Param("date", description="date (oldest first) or -date (newest first)", pattern=r"^-?date$"),
    pair: str | None = Param(None, description="two actors, either direction: A,B", max_length=401),
    between: list[str] | None = Param(None, description="two actors, either direction: between=A&between=B"),
    page: str | None = Param(None, description="reports from this page (its hash)", pattern=r"^([0-9a-f]{64})?$"),
) -> Filters:
    """FastAPI dependency: the event filters of a request."""
    return Filters(sender, recipient, party, type, occasion, since, until, outlet, language, q, sort, _pair(pair, between), page)


def _pair(pair: str | None, between: list[str] | None) -> tuple[str, str] | None:
    """Two actors from ``pair=A,B`` or ``between=A&between=B`` (400 unless exactly two, each under 200)."""
    if pair and between:
        raise ApiError(400, "pair: give either pair=A,B or between=A&between=B, not both")
    names = [n.strip() for n in (pair.split(",") if pair else between or [])]
    if not names:
        return None
    if len(names) != 2 or not all(names) or any(len(n) > 200 for n in names):
        raise ApiError(400, "pair: name exactly two actors, as pair=A,B or between=A&between=B")
    return names[0], names[1]


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    """The offset an opaque cursor of ours stands for (400 when it was not made by us)."""
    if not cursor:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        offset = int(data["o"])
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise ApiError(400, "cursor: not a cursor returned by this API") from exc
    if offset < 0:
        raise ApiError(400, "cursor: not a cursor returned by this API")
    return offset


def clamp_limit(limit: int) -> int:
    return max(1, min(limit, MAX_LIMIT))


def page_of(items: Sequence[T], cursor: str | None, limit: int) -> tuple[list[T], str | None]:
    """One page of a listing computed in full (offset cursor), and the next page's cursor."""
    offset = decode_cursor(cursor)
    chunk = list(items[offset : offset + limit])
    more = len(items) > offset + limit
    return chunk, encode_cursor(offset + limit) if more else None


def _store_page(store: Store, method: str, query: Query, cursor: str | None, limit: int) -> tuple[list, str | None]:
    """Page through the store's keyset cursor; a cursor it rejects is the client's error."""
    try:
        return getattr(store, method)(replace(query, limit=limit, after=cursor or None))
    except InputError as exc:
        raise ApiError(400, f"cursor: {exc}") from exc


def fetch_events(store: Store, query: Query, cursor: str | None, limit: int) -> tuple[list[Event], str | None]:
    """One page of events and the next cursor: the store's keyset paging when it offers it."""
    if hasattr(store, "events_page"):
        return _store_page(store, "events_page", query, cursor, limit)
    offset = decode_cursor(cursor)
    events = store.events(replace(query, limit=offset + limit + 1, after=None))
    return page_of(events, cursor, limit)


def fetch_reports(store: Store, query: Query, cursor: str | None, limit: int) -> tuple[list[Report], str | None]:
    """One page of reports and the next cursor, like :func:`fetch_events`."""
    if hasattr(store, "reports_page"):
        return _store_page(store, "reports_page", query, cursor, limit)
    offset = decode_cursor(cursor)
    reports = store.reports(replace(query, limit=offset + limit + 1, after=None))
    return page_of(reports, cursor, limit)


def fetch_summaries(store: Store, query: Query, cursor: str | None, limit: int | None) -> tuple[list[EventSummary], str | None]:
    """One page of event summaries (no report JSON decoded) and the next cursor; ``limit`` None: all."""
    if hasattr(store, "event_summaries_page"):
        if limit is None:
            return store.event_summaries_page(replace(query, limit=None, after=None))
        return _store_page(store, "event_summaries_page", query, cursor, limit)
    if limit is None:  # a store without summaries: summarise full events
        return [summarise(e) for e in store.events(replace(query, limit=None, after=None))], None
    events, nxt = fetch_events(store, query, cursor, limit)
    return [summarise(e) for e in events], nxt


def summarise(ev: Event) -> EventSummary:
    """The listing form of a full event (what the store's summaries give without decoding reports)."""
    data = to_dict(ev)
    data.pop("reports", None)
    outlets = sorted({r.outlet for r in ev.reports if r.outlet})
    languages = sorted({r.language.lower() for r in ev.reports if r.language})
    return EventSummary(data, len(ev.reports), tuple(outlets), tuple(languages))


def summary_out(s: EventSummary) -> dict[str, Any]:
    """An event summary as the API's EventOut (the stored event dict, its report counts)."""
    data = {k: s.data.get(k, default) for k, default in EVENT_FIELDS.items()}
    data.update(report_count=s.report_count, outlets=list(s.outlets), languages=list(s.languages))
    return data


def event_summary(ev: Event) -> dict[str, Any]:
    """An event without its reports, with how many reports and which outlets and languages back it."""
    return summary_out(summarise(ev))


def replies_to(store: Store, ev: Event) -> list[Event]:
    """The events that answer ``ev``: they share its pair, so only that pair's events are read."""
    pair = (ev.sender.actor_id or ev.sender.name, ev.recipient.actor_id or ev.recipient.name)
    return [e for e in store.events(Query(pair=pair)) if e.reply_to == ev.id]


def answered(store: Store, ev: Event) -> Event | None:
    """The event ``ev`` answers, if it names one that the store still has."""
    if not ev.reply_to:
        return None
    try:
        return store.event(ev.reply_to)
    except NotFoundError:  # a dangling reply link is shown as absent, not as a failure
        return None


def documents_of(store: Store, ev: Event) -> dict[str, Document]:
    """page_hash -> cleaned document behind an event's reports (pages without one left out)."""
    docs = {}
    for page_hash in sorted({r.page_hash for r in ev.reports}):
        try:
            docs[page_hash] = store.document(page_hash)
        except NotFoundError:
            continue  # a report whose page has no document still shows; only its text is missing
    return docs


def compare(store: Store, ev: Event) -> Any:
    """``missive.resolve.compare_readouts`` for the event, or None where resolve lacks it."""
    try:
        from ..resolve import compare_readouts
    except ImportError:
        return None
    return compare_readouts(ev, documents_of(store, ev))
