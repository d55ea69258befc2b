"""The HTML desk: timeline, event, actor and page views, server-rendered with Jinja2.

Autoescape is on for every template; page text reaches templates only as
plain strings (see ``highlight``), so markup in a crawled page shows as text.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Form, Path, Request
from fastapi import Query as Param
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment

from ..analyse import RECURRING, UNKNOWN_SIDE, actor_profile, list_actors, readout_differences, sides, timeline
from ..errors import NotFoundError
from ..model import MESSAGE_TYPES, OCCASION_KINDS, Event
from ..store.base import Query
from .api import HASH, ID, customary_rows, reports_of_page
from .chart import MAX_ROWS, colour, layout
from .common import (
    DEFAULT_LIMIT,
    Filters,
    answered,
    clamp_limit,
    compare,
    event_or_moved,
    fetch_summaries,
    filters,
    replies_to,
    store_for,
)
from .highlight import sentence_parts, text_parts
from .security import CSRF_COOKIE, CSRF_FIELD, check_csrf, check_token, csrf_token

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
FIELDS = ("sender", "recipient", "type", "date", "occasion", "reply")


def install_filters(env: Environment) -> None:
    """Template helpers: type colours, query strings, highlighting."""
    env.globals.update(colour=colour, sentence_parts=sentence_parts, urlencode=urlencode)
    env.globals.update(MESSAGE_TYPES=MESSAGE_TYPES, OCCASION_KINDS=OCCASION_KINDS, CSRF_FIELD=CSRF_FIELD)
    env.globals.update(RECURRING=tuple(RECURRING), UNKNOWN_SIDE=UNKNOWN_SIDE)


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render a template with the session's CSRF token (set as a cookie when new)."""
    token, new = csrf_token(request)
    response = request.app.state.templates.TemplateResponse(
        request, name, {**context, "csrf": token, "writable": bool(request.app.state.token)}, status_code=status
    )
    if new:
        response.set_cookie(CSRF_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


@router.get("/")
def timeline_view(
    request: Request,
    f: Filters = Depends(filters),
    limit: int = Param(DEFAULT_LIMIT, ge=1),
    cursor: str | None = Param(None, max_length=500),
) -> Response:
    """The timeline chart and the event list, under the same filters as the API."""
    limit = clamp_limit(limit)
    query = f.query()
    with store_for(request) as store:
        chart = layout(timeline(store, query, rows=MAX_ROWS))  # the busiest pairs only
        events, nxt = fetch_summaries(store, query, cursor, limit)
    return render(
        request,
        "timeline.html",
        {"f": f, "chart": chart, "events": events, "next_cursor": nxt, "paged": bool(cursor), "limit": limit},
    )


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 72nd..."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _field_value(ev: Event, name: str) -> str:
    if name in ("sender", "recipient"):
        ref = getattr(ev, name)
        return ref.name
    if name == "date":
        return ev.date.iso() if ev.date else "unknown"
    if name == "occasion":
        occ = ev.occasion
        bits = [occ.kind.replace("_", " ")]
        if occ.anniversary:
            bits.append(f"({_ordinal(occ.anniversary)} anniversary)")
        if occ.of:
            bits.append(f"of {occ.of}")
        return " ".join(bits)
    if name == "reply":
        return "yes" if ev.reply else "no"
    return str(getattr(ev, name))


def _field_rows(ev: Event) -> list[dict[str, Any]]:
    """Each event field beside the first evidence sentence any report gives for it."""
    rows = []
    for name in FIELDS:
        evidence, source = None, None
        for rep in ev.reports:
            found = rep.evidence_for(name)
            if found:
                evidence, source = found, rep
                break
        rows.append({"field": name, "value": _field_value(ev, name), "evidence": evidence, "report": source})
    return rows


@router.get("/events/{event_id}")
def event_view(request: Request, event_id: str = Path(**ID), saved: int | None = None) -> Response:
    """An event: fields beside their evidence, reports side by side, replies."""
    with store_for(request) as store:
        ev = event_or_moved(store, event_id, "/events/")
        if not isinstance(ev, Event):
            return ev
        comparison = compare(store, ev)
        context = {
            "ev": ev,
            "fields": _field_rows(ev),
            "sides": sides(ev.reports),
            "customary_kind": ev.occasion.kind if ev.occasion.kind in RECURRING else None,
            "differences": readout_differences(ev),
            "comparison": comparison,
            "additions": {a.report_id: a for a in getattr(comparison, "additions", ())},
            "versions": {v.report_id: v for v in getattr(comparison, "versions", ())},
            "replies": replies_to(store, ev),
            "answers": answered(store, ev),
            "saved": saved,
        }
    return render(request, "event.html", context)


@router.get("/customary")
def customary_view(
    request: Request,
    sender: str = Param("", max_length=200),
    recipient: str = Param("", max_length=200),
    occasion: str = Param("anniversary", pattern=r"^(anniversary|national_day|birthday|new_year)$"),
    since: str = Param("", pattern=r"^\d{0,4}$"),  # text: a form sends an empty year as ""
    until: str = Param("", pattern=r"^\d{0,4}$"),
) -> Response:
    """A table per occasion: each year's customary message from sender to recipient, missing years marked."""
    asked = {"sender": sender.strip(), "recipient": recipient.strip(), "occasion": occasion,
             "since": int(since) if since else None, "until": int(until) if until else None}
    tables: dict[str, list] = {}
    if asked["sender"] and asked["recipient"]:
        with store_for(request) as store:
            for row in customary_rows(store, asked["sender"], asked["recipient"], occasion, None, asked["since"], asked["until"]):
                tables.setdefault(row.label, []).append(row)
    return render(request, "customary.html", {"asked": asked, "tables": tables})


@router.get("/actors")
def actors_view(request: Request, q: str | None = Param(None, max_length=200)) -> Response:
    with store_for(request) as store:
        actors = list_actors(store, q)
    return render(request, "actors.html", {"actors": actors, "q": q or ""})


@router.get("/actors/{actor_id:path}")
def actor_view(request: Request, actor_id: str = Path(**ID)) -> Response:
    """Offices over time, correspondents, counts per year."""
    with store_for(request) as store:
        profile = actor_profile(store, actor_id)
        events = {e.id: e for e in fetch_summaries(store, Query(party=actor_id), None, None)[0]}
    listed = [events[i] for i in profile.event_ids if i in events]
    peak = max((y.sent + y.received for y in profile.per_year), default=1)
    return render(request, "actor.html", {"p": profile, "events": listed, "peak": peak})


@router.get("/pages/{page_hash}")
def page_view(request: Request, page_hash: str = Path(pattern=HASH)) -> Response:
    """The cleaned text with extracted spans marked, and a link to the raw bytes."""
    with store_for(request) as store:
        page = store.page(page_hash)
        try:
            doc = store.document(page_hash)
        except NotFoundError:
            doc = None
        reports = reports_of_page(store, page_hash)
    spans = [(e.span.start, e.span.end, e.field) for r in reports for e in r.evidence]
    parts = text_parts(doc.text, spans) if doc else []
    return render(request, "page.html", {"page": page, "doc": doc, "parts": parts, "reports": reports})


@router.post("/overrides")
def override_form(
    request: Request,
    kind: str = Form(..., pattern=r"^(merge|split)$"),
    event_id: str = Form(..., max_length=200),
    report_ids: list[str] = Form(...),
    note: str = Form("", max_length=2000),
    token: str = Form("", max_length=500),
    csrf_token: str = Form("", alias=CSRF_FIELD, max_length=200),
) -> Response:
    """The event page's merge/split form: CSRF-checked, and the API token still required."""
    check_csrf(request, csrf_token)
    check_token(request.app.state.token, token or None)
    with store_for(request) as store:
        for rid in report_ids:
            store.report(rid)
        store.add_override(kind, report_ids, note)  # type: ignore[arg-type]
    return RedirectResponse(f"/events/{quote(event_id, safe='')}?saved=1", status_code=303)
