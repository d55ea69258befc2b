"""Model objects <-> table rows, shared by both backends so they store alike.

Each ``*_row`` returns a dict keyed by column name; the SQL layer turns it into
an INSERT. Reading back goes through the JSON column (the full model, via
``missive.codec``) so nothing is lost, while the flat columns serve filters.
"""

from __future__ import annotations

import base64
import calendar
import datetime as _dt
import hashlib
import json
import zlib
from typing import Any

from ..codec import event_from_dict, report_from_dict, span_from_dict, to_dict
from ..errors import InputError
from ..model import ActorRef, DatedValue, Document, Event, Page, PartialDate, Report, Skip

#: The sort date of an undated row; its ``undated`` flag already puts it last in either order.
UNDATED_SORT = ""


def db_value(value: Any) -> Any:
    """A value as it is written: NUL in text becomes U+FFFD, since PostgreSQL refuses NUL;
    one code point for one keeps every Span offset valid, and both backends store alike."""
    return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


def now_iso() -> str:
    """The current UTC time as an ISO string, the form every timestamp column holds."""
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


def date_bounds(date: PartialDate | None) -> tuple[str | None, str | None]:
    """First and last day a partial date can stand for, as ISO strings."""
    if date is None:
        return None, None
    start = date.to_date()
    if date.day is not None:
        end = start
    elif date.month is not None:
        end = _dt.date(date.year, date.month, calendar.monthrange(date.year, date.month)[1])
    else:
        end = _dt.date(date.year, 12, 31)
    return start.isoformat(), end.isoformat()


def _date_columns(date: PartialDate | None) -> dict[str, Any]:
    start, end = date_bounds(date)
    return {
        "date": date.iso() if date else None,
        "date_precision": date.precision if date else None,
        "date_start": start,
        "date_end": end,
        "undated": 0 if date else 1,
        "sort_date": start or UNDATED_SORT,
    }


def _actor_columns(prefix: str, actor: ActorRef) -> dict[str, Any]:
    return {
        f"{prefix}_name": actor.name,
        f"{prefix}_key": actor.name.casefold(),
        f"{prefix}_id": actor.actor_id,
        f"{prefix}_kind": actor.kind,
    }


def page_row(page: Page, ingested_at: str, version: str | None = None) -> dict[str, Any]:
    """The pages row: metadata, the zlib-compressed raw bytes, the pipeline version that processed it."""
    return {
        "hash": page.hash,
        "source": page.source,
        "url": page.url,
        "container": page.container,
        "media_type": page.media_type,
        "encoding": page.encoding,
        "title_hint": page.title_hint,
        "published_hint": page.published_hint,
        "fetched_at": page.fetched_at,
        "raw": zlib.compress(page.raw, 6),
        "raw_size": len(page.raw),
        "ingested_at": ingested_at,
        "pipeline_version": version,
    }


def document_row(doc: Document) -> dict[str, Any]:
    """The documents row; the DatedValue is kept whole as JSON beside its ISO date."""
    return {
        "page_hash": doc.page_hash,
        "source": doc.source,
        "url": doc.url,
        "text": doc.text,
        "title": doc.title,
        "outlet": doc.outlet,
        "language": doc.language,
        "published": doc.published.date.iso() if doc.published else None,
        "published_json": json.dumps(to_dict(doc.published), ensure_ascii=False) if doc.published else None,
    }


def document_from_row(row: tuple) -> Document:
    """Rebuild a Document from (page_hash, source, url, text, title, outlet, language, published_json)."""
    page_hash, source, url, text, title, outlet, language, published_json = row
    published = None
    if published_json:
        d = json.loads(published_json)
        span = span_from_dict(d["span"]) if d.get("span") else None
        published = DatedValue(PartialDate.parse(d["date"]), span, d["rule"])
    return Document(page_hash, source, text, title, outlet, language, published, url)


def report_row(report: Report) -> dict[str, Any]:
    """The reports row: flat filter columns, evidence text for search, and the full JSON."""
    sentences = sorted({ev.sentence.text for ev in report.evidence})
    return {
        "id": report.id,
        "page_hash": report.page_hash,
        "doc": report.doc,
        **_actor_columns("sender", report.sender),
        **_actor_columns("recipient", report.recipient),
        "type": report.type,
        **_date_columns(report.date),
        "occasion_kind": report.occasion.kind,
        "anniversary": report.occasion.anniversary,
        "reply": int(report.reply),
        "outlet": report.outlet,
        "language": report.language.lower(),
        "evidence_text": "\n".join(sentences),
        "json": json.dumps(to_dict(report), ensure_ascii=False, sort_keys=True),
    }


def report_from_json(text: str) -> Report:
    return report_from_dict(json.loads(text))


def event_from_json(text: str) -> Event:
    """An event without its reports (they are joined from event_reports)."""
    return event_from_dict(json.loads(text))


def event_row(event: Event) -> dict[str, Any]:
    """The events row; its reports live in event_reports, so the JSON leaves them out."""
    body = to_dict(event)
    body["reports"] = []
    return {
        "id": event.id,
        **_actor_columns("sender", event.sender),
        **_actor_columns("recipient", event.recipient),
        "type": event.type,
        **_date_columns(event.date),
        "occasion_kind": event.occasion.kind,
        "anniversary": event.occasion.anniversary,
        "reply": int(event.reply),
        "reply_to": event.reply_to,
        "reply_lag_days": event.reply_lag_days,
        "json": json.dumps(body, ensure_ascii=False, sort_keys=True),
    }


def actor_row(actor: ActorRef) -> dict[str, Any]:
    """The actors row: registry actors by id, others by their casefolded name."""
    key = actor.actor_id or f"name:{actor.name.casefold()}"
    return {"id": key, "name": actor.name, "kind": actor.kind, "actor_id": actor.actor_id}


def skip_row(skip: Skip, at: str) -> dict[str, Any]:
    """The skips row; ``key`` makes the same skip recorded twice one row."""
    key = hashlib.sha1("\x1f".join((skip.source, skip.stage, skip.reason)).encode()).hexdigest()
    return {"source": skip.source, "stage": skip.stage, "reason": skip.reason, "at": at, "key": key}


# -- cursors -------------------------------------------------------------------


def encode_cursor(order: str, undated: int, sort_date: str, row_id: str) -> str:
    """An opaque, URL-safe cursor naming the last row of a page in its order."""
    raw = json.dumps([order, undated, sort_date, row_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, order: str) -> tuple[int, str, str]:
    """Read back :func:`encode_cursor`; a foreign or stale cursor is an InputError."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        got_order, undated, sort_date, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not (isinstance(undated, int) and isinstance(sort_date, str) and isinstance(row_id, str)):
            raise ValueError("wrong field types")
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise InputError(f"invalid cursor {cursor!r}") from exc
    if got_order != order:
        raise InputError(f"cursor was made for order {got_order!r}, not {order!r}")
    return undated, sort_date, row_id
