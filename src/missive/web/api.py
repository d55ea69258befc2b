"""The REST API under ``/api/``: read the record freely, write only with the token."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, is_dataclass
from typing import Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi import Query as Param
from fastapi.responses import Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from ..analyse import CountTable, actor_profile, count_events, count_page, customary_messages, list_actors, readout_differences
from ..analyse.counts import TOP
from ..codec import to_dict
from ..errors import NotFoundError
from ..model import Event
from ..store.base import SEARCH_CANDIDATES, Query, Store
from .common import (
    DEFAULT_LIMIT,
    Filters,
    answered,
    event_or_moved,
    clamp_limit,
    compare,
    event_summary,
    fetch_reports,
    fetch_summaries,
    filters,
    page_of,
    replies_to,
    store_for,
    summary_out,
)
from .errors import ERROR_SCHEMA, ApiError
from .responses import json_response
from .schemas import (
    ActorDetailOut,
    ActorPage,
    CountsOut,
    CustomaryOut,
    EventDetailOut,
    EventPage,
    IngestOut,
    OverrideIn,
    OverrideOut,
    PageOut,
    ReportOut,
    ReportPage,
    SearchOut,
)
from .security import bearer, check_token

HASH = r"^[0-9a-f]{64}$"
ID = {"min_length": 1, "max_length": 200}
_ERR = {"content": {"application/json": {"schema": ERROR_SCHEMA}}}
READ_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "bad request", **_ERR},
    404: {"description": "not found", **_ERR},
    422: {"description": "invalid parameters", **_ERR},
}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    **READ_ERRORS,
    401: {"description": "missing or wrong token", **_ERR},
    403: {"description": "the server is read-only", **_ERR},
    413: {"description": "body too large", **_ERR},
    429: {"description": "too many writes", **_ERR},
}
MAX_YEARS = 200
#: Groups one count page may hold; ``all=true`` gives every group (an export, not a view).
MAX_COUNT_ROWS = 1000
_CHARSET = re.compile(r"^[A-Za-z0-9._-]{1,40}$")

router = APIRouter(prefix="/api", responses=READ_ERRORS)
#: Beyond any store's number of groups, and within a 64-bit SQL integer.
MAX_OFFSET = 1_000_000_000


# The two below are async for the same reason as common.filters: no thread hop for parsing.
async def _limit(limit: int = Param(DEFAULT_LIMIT, ge=1, description="page size (capped at 200)")) -> int:
    return clamp_limit(limit)


async def _cursor(cursor: str | None = Param(None, max_length=500, description="next_cursor of the previous page")) -> str | None:
    return cursor or None


@router.get("/events", response_model=EventPage, summary="List events")
def list_events(request: Request, f: Filters = Depends(filters), limit: int = Depends(_limit), cursor: str | None = Depends(_cursor)) -> Response:
    """Events matching the filters, with report counts, one page at a time (no report is decoded)."""
    with store_for(request) as store:
        items, nxt = fetch_summaries(store, f.query(), cursor, limit)
    # summary_out builds EventOut's fields by construction: encoded once, not re-validated.
    return json_response({"items": [summary_out(s) for s in items], "next_cursor": nxt, "limit": limit})


def event_detail(store: Store, ev: Event) -> dict:
    """An event with its reports, evidence, reply links and readout comparison."""
    data = event_summary(ev)
    data["reports"] = [to_dict(r) for r in ev.reports]
    data["replies"] = [event_summary(e) for e in replies_to(store, ev)]
    parent = answered(store, ev)
    data["answers"] = event_summary(parent) if parent else None
    diffs = readout_differences(ev)
    data["readouts"] = {"differences": {k: [to_dict(d) for d in v] for k, v in diffs.items()}, "comparison": to_dict(compare(store, ev))}
    return data


@router.get(
    "/events/{event_id}", response_model=EventDetailOut, summary="One event",
    responses={301: {"description": "The event was merged into another; Location names it"}},
)
def get_event(request: Request, event_id: str = Path(**ID)) -> dict | Response:
    """One event with everything the desk knows about it."""
    with store_for(request) as store:
        ev = event_or_moved(store, event_id, "/api/events/")
        return event_detail(store, ev) if isinstance(ev, Event) else ev


@router.get("/reports", response_model=ReportPage, summary="List reports")
def list_reports(request: Request, f: Filters = Depends(filters), limit: int = Depends(_limit), cursor: str | None = Depends(_cursor)) -> dict:
    """Reports (one page's statement each) matching the filters."""
    with store_for(request) as store:
        items, nxt = fetch_reports(store, f.query(), cursor, limit)
    return {"items": [to_dict(r) for r in items], "next_cursor": nxt, "limit": limit}


@router.get("/reports/{report_id}", response_model=ReportOut, summary="One report")
def get_report(request: Request, report_id: str = Path(**ID)) -> dict:
    with store_for(request) as store:
        return to_dict(store.report(report_id))


@router.get("/actors", response_model=ActorPage, summary="List actors")
def get_actors(
    request: Request,
    q: str | None = Param(None, max_length=200, description="part of an id or name"),
    limit: int = Depends(_limit),
    cursor: str | None = Depends(_cursor),
) -> dict:
    """Registry actors and actors named in the store, busiest first."""
    with store_for(request) as store:
        actors = list_actors(store, q)
    items, nxt = page_of(actors, cursor, limit)
    return {"items": [asdict(a) for a in items], "next_cursor": nxt, "limit": limit}


@router.get("/actors/{actor_id:path}", response_model=ActorDetailOut, summary="One actor")
def get_actor(request: Request, actor_id: str = Path(**ID)) -> dict:
    """Offices over time (registry), correspondents and counts per year (store)."""
    with store_for(request) as store:
        return asdict(actor_profile(store, actor_id))


def reports_of_page(store: Store, page_hash: str) -> list:
    """The reports extracted from one page, in a stable order (the store's page filter, no scan)."""
    return sorted(store.reports(Query(page_hash=page_hash)), key=lambda r: r.id)


def page_data(store: Store, page_hash: str) -> dict:
    """A stored page's metadata, its cleaned document when there is one, and its reports."""
    page = store.page(page_hash)
    data: dict[str, Any] = {
        "hash": page.hash, "source": page.source, "url": page.url, "container": page.container,
        "media_type": page.media_type, "encoding": page.encoding, "ingested_at": page.ingested_at,
        "size": len(page.raw),
    }  # fmt: skip
    try:
        doc = store.document(page_hash)
    except NotFoundError:
        doc = None  # skipped before cleaning: metadata and raw bytes only
    if doc is not None:
        data.update(
            title=doc.title, outlet=doc.outlet, language=doc.language, text=doc.text,
            published=doc.published.date.iso() if doc.published else None,
        )  # fmt: skip
    reports = reports_of_page(store, page_hash)
    data["report_ids"] = [r.id for r in reports]
    data["reports"] = [to_dict(r) for r in reports]
    return data


@router.get("/pages/{page_hash}", response_model=PageOut, summary="One page: cleaned text and metadata")
def get_page(request: Request, page_hash: str = Path(pattern=HASH)) -> dict:
    with store_for(request) as store:
        return page_data(store, page_hash)


@router.get(
    "/pages/{page_hash}/raw",
    summary="The raw page bytes, as a text attachment",
    response_class=Response,
    responses={200: {"content": {"text/plain": {"schema": {"type": "string"}}}, "description": "raw bytes"}},
)
def get_page_raw(request: Request, page_hash: str = Path(pattern=HASH)) -> Response:
    """Raw bytes as text/plain attachment: never rendered as HTML by a browser."""
    with store_for(request) as store:
        page = store.page(page_hash)
    charset = page.encoding if _CHARSET.match(page.encoding or "") else "utf-8"
    return Response(
        content=page.raw,
        media_type=f"text/plain; charset={charset}",
        headers={
            "Content-Disposition": f'attachment; filename="{page.hash}.txt"',
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, max-age=3600",
        },
    )


@router.get("/stats/counts", response_model=CountsOut, summary="Event counts per pair, type or year")
def get_counts(
    request: Request,
    by: str = Param("pair", pattern=r"^(pair|type|year)$", description="pair | type | year"),
    limit: int = Param(TOP, ge=1, le=MAX_COUNT_ROWS, description="groups per page: the most frequent first"),
    offset: int = Param(0, ge=0, le=MAX_OFFSET, description="groups to skip (the next page starts at offset + limit)"),
    every: bool = Param(False, alias="all", description="every group at once, for export (limit and offset are ignored)"),
    f: Filters = Depends(filters),
) -> dict:
    """Pairs and types most frequent first, years in calendar order; ``total`` is the number of groups."""
    with store_for(request) as store:
        if every:
            rows = count_events(store, by, f.query())
            table = CountTable(rows, len(rows), len(rows), 0)
        else:
            table = count_page(store, by, f.query(), limit, offset)
    return {
        "by": by,
        "rows": [{"key": list(r.key), "label": r.label, "count": r.count} for r in table.rows],
        "total": table.total,
        "limit": None if every else table.limit,
        "offset": table.offset,
    }


def customary_rows(store: Store, sender: str, recipient: str, occasion: str, of: str | None, since: int | None, until: int | None) -> list:
    """The customary-message rows for a request, years bounded when asked (400 on a bad kind or span)."""
    years = None
    if since is not None and until is not None:
        if not 0 <= until - since < MAX_YEARS:
            raise ApiError(400, f"since/until: give a span of 1 to {MAX_YEARS} years, not {since}-{until}")
        years = range(since, until + 1)  # every year asked shows, messages or not
    rows = customary_messages(store, sender, recipient, occasion, years=years, of=of or None)
    return [r for r in rows if (since is None or r.year >= since) and (until is None or r.year <= until)]


@router.get("/customary", response_model=CustomaryOut, summary="Was the customary message sent each year, and when")
def get_customary(
    request: Request,
    sender: str = Param(..., min_length=1, max_length=200, description="sender: canonical name or actor id"),
    recipient: str = Param(..., min_length=1, max_length=200, description="recipient: canonical name or actor id"),
    occasion: str = Param("anniversary", pattern=r"^(anniversary|national_day|birthday|new_year)$",
                          description="recurring occasion kind: anniversary | national_day | birthday | new_year"),
    of: str | None = Param(None, max_length=200, description="one occasion only, e.g. dprk-founding"),
    since: int | None = Param(None, ge=1, le=9999, description="first year"),
    until: int | None = Param(None, ge=1, le=9999, description="last year"),
) -> dict:
    """Per occasion and year: the message from sender to recipient (or its absence), its lag, who was first."""
    with store_for(request) as store:
        rows = customary_rows(store, sender, recipient, occasion, of, since, until)
    return {"sender": sender, "recipient": recipient, "occasion": occasion, "rows": [to_dict(r) for r in rows]}


@router.get("/search", response_model=SearchOut, summary="Full-text search over pages")
def search(
    request: Request,
    q: str = Param(..., min_length=1, max_length=200, description="words to find"),
    limit: int = Param(20, ge=1, le=100),
    order: str = Param("relevance", pattern=r"^(relevance|newest)$", description=(
        f"relevance: the best of the {SEARCH_CANDIDATES:,} most recently stored matches (all of them when"
        " there are fewer); newest: the most recently stored pages first")),
) -> dict:
    """Pages holding every word; ``candidates`` is how many of the newest matches were ranked at most."""
    with store_for(request) as store:
        hits = store.search(q, limit=limit, order=order)
    return {"q": q, "order": order, "candidates": SEARCH_CANDIDATES, "hits": [to_dict(h) for h in hits]}


def _authorize(request: Request) -> None:
    check_token(request.app.state.token, bearer(request))
    client = request.client.host if request.client else "unknown"
    request.app.state.rate_limiter.check(client)


def _plain(value: Any) -> Any:
    """An ingest summary as JSON-ready data whatever its type."""
    if is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    try:
        json.dumps(value)
        return value
    except TypeError:
        return str(value)


@router.post(
    "/pages",
    response_model=IngestOut,
    status_code=201,
    summary="Upload pages to ingest (token required)",
    responses=WRITE_ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["files"],
                        "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                    }
                }
            },
        }
    },
)
async def upload_pages(request: Request) -> dict:
    """Hand uploaded files to the ingest function the server was built with."""
    _authorize(request)  # before reading the body: an unauthorised client costs nothing
    ingest = request.app.state.ingest
    if ingest is None:
        raise ApiError(403, "this server was started without an ingest function: uploads are off")
    form = await request.form(max_files=request.app.state.max_files)
    files = []
    for item in form.getlist("files"):
        if isinstance(item, str) or not hasattr(item, "read"):
            raise ApiError(400, "files: each part must be a file upload")
        files.append((item.filename or "upload", await item.read()))
    if not files:
        raise ApiError(400, "files: upload at least one file")
    def run() -> Any:
        with store_for(request) as store:
            return ingest(files, store)

    summary = await run_in_threadpool(run)
    return {"files": len(files), "summary": _plain(summary)}


@router.post(
    "/overrides",
    response_model=OverrideOut,
    status_code=201,
    summary="Record an analyst's merge or split (token required)",
    responses=WRITE_ERRORS,
    openapi_extra={
        "requestBody": {"required": True, "content": {"application/json": {"schema": OverrideIn.model_json_schema()}}}
    },
)
async def post_override(request: Request) -> dict:
    """Store a merge/split decision and re-merge the events (when the server can resolve)."""
    _authorize(request)
    try:
        body = OverrideIn.model_validate_json(await request.body())
    except ValidationError as exc:
        raise ApiError(422, "invalid override: " + "; ".join(e["msg"] for e in exc.errors()[:3])) from exc
    def run() -> Any:
        with store_for(request) as store:
            for rid in body.report_ids:
                store.report(rid)  # 404 for an unknown report rather than a dangling override
            override = store.add_override(body.kind, body.report_ids, body.note)
            if request.app.state.resolve is not None:
                request.app.state.resolve(store)
            return override

    return to_dict(await run_in_threadpool(run))
