"""The resolve output contract of the evaluation README: one dict per merged event."""

from __future__ import annotations

from typing import Iterable, Iterator

from ..model import Event


def event_contract(event: Event) -> dict:
    """One event as the contract's dict; ``reports`` lists each page name once, sorted."""
    return {
        "id": event.id,
        "sender": {"name": event.sender.name, "kind": event.sender.kind},
        "recipient": {"name": event.recipient.name, "kind": event.recipient.kind},
        "date": event.date.iso() if event.date else None,
        "type": event.type,
        "occasion": {"kind": event.occasion.kind, "anniversary": event.occasion.anniversary},
        "reply": event.reply,
        "reply_to": event.reply_to,
        "reports": sorted({str(r.doc) for r in event.reports}),
    }


def events_contract(events: Iterable[Event]) -> Iterator[dict]:
    """Yield the contract dict of each event, in the order given."""
    for event in events:
        yield event_contract(event)
