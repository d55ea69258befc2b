"""Plain-dict forms of the model types, for JSON output, the store and the API.

``to_dict`` works for every model type; ``*_from_dict`` rebuild the types the
store and the API read back. Dates are ISO strings (``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``) so that precision survives the round trip.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .model import (
    ActorRef,
    DatedValue,
    Document,
    Event,
    Evidence,
    Occasion,
    PartialDate,
    Report,
    Span,
)


def to_dict(obj: Any) -> Any:
    """Convert a model object (recursively) to JSON-ready dicts, lists and scalars."""
    if isinstance(obj, PartialDate):
        return obj.iso()
    if isinstance(obj, bytes):
        return None  # raw bytes never go into JSON
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out = {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
        if isinstance(obj, Report):
            out["id"] = obj.id
        return out
    if isinstance(obj, (list, tuple)):
        return [to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _date(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def span_from_dict(d: dict) -> Span:
    return Span(int(d["start"]), int(d["end"]), d["text"])


def evidence_from_dict(d: dict) -> Evidence:
    return Evidence(d["field"], span_from_dict(d["sentence"]), span_from_dict(d["span"]), d["rule"])


def actor_from_dict(d: dict) -> ActorRef:
    return ActorRef(
        name=d["name"],
        kind=d.get("kind", "person"),
        actor_id=d.get("actor_id"),
        titles=tuple(d.get("titles") or ()),
        mention=d.get("mention", ""),
    )


def occasion_from_dict(d: dict) -> Occasion:
    return Occasion(d.get("kind", "none"), d.get("anniversary"), d.get("of"), d.get("check"))


def report_from_dict(d: dict) -> Report:
    """Rebuild a Report from :func:`to_dict` output (the extra ``id`` key is ignored)."""
    return Report(
        doc=d["doc"],
        page_hash=d["page_hash"],
        sender=actor_from_dict(d["sender"]),
        recipient=actor_from_dict(d["recipient"]),
        type=d["type"],
        date=_date(d.get("date")),
        occasion=occasion_from_dict(d.get("occasion") or {}),
        reply=bool(d.get("reply", False)),
        date_basis=d.get("date_basis", "sent"),
        language=d.get("language", "en"),
        evidence=tuple(evidence_from_dict(e) for e in d.get("evidence") or ()),
        rule=d.get("rule", ""),
        outlet=d.get("outlet"),
        published=_date(d.get("published")),
    )


def document_from_dict(d: dict) -> Document:
    pub = d.get("published")
    published = None
    if pub:
        published = DatedValue(
            PartialDate.parse(pub["date"]),
            span_from_dict(pub["span"]) if pub.get("span") else None,
            pub["rule"],
        )
    return Document(
        page_hash=d["page_hash"],
        source=d["source"],
        text=d["text"],
        title=d.get("title"),
        outlet=d.get("outlet"),
        language=d.get("language", "und"),
        published=published,
        url=d.get("url"),
    )


def event_from_dict(d: dict) -> Event:
    return Event(
        id=d["id"],
        sender=actor_from_dict(d["sender"]),
        recipient=actor_from_dict(d["recipient"]),
        type=d["type"],
        date=_date(d.get("date")),
        occasion=occasion_from_dict(d.get("occasion") or {}),
        reply=bool(d.get("reply", False)),
        reports=tuple(report_from_dict(r) for r in d.get("reports") or ()),
        reply_to=d.get("reply_to"),
        reply_lag_days=d.get("reply_lag_days"),
        duplicate_reports=tuple(d.get("duplicate_reports") or ()),
    )
