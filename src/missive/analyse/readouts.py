"""What each report of an event states that the other reports do not.

A plain field-by-field comparison that the desk can always show; the richer
``missive.resolve.compare_readouts`` is preferred by the web layer when present.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Event, Report


@dataclass(frozen=True)
class Difference:
    """One field whose value only this report gives among the event's reports."""

    field: str
    value: str


def _facts(rep: Report) -> list[tuple[str, str]]:
    facts = [("type", rep.type), ("date_basis", rep.date_basis)]
    if rep.date:
        facts.append(("date", rep.date.iso()))
    if rep.occasion.kind not in ("none", ""):
        facts.append(("occasion", rep.occasion.kind))
    if rep.occasion.anniversary is not None:
        facts.append(("anniversary", str(rep.occasion.anniversary)))
    if rep.occasion.of:
        facts.append(("occasion_of", rep.occasion.of))
    if rep.reply:
        facts.append(("reply", "yes"))
    facts += [("sender_title", t) for t in rep.sender.titles]
    facts += [("recipient_title", t) for t in rep.recipient.titles]
    return facts


def readout_differences(event: Event) -> dict[str, tuple[Difference, ...]]:
    """Map each report id to the facts no other report of the event shares (empty alone)."""
    if len(event.reports) < 2:
        return {r.id: () for r in event.reports}
    facts = {r.id: _facts(r) for r in event.reports}
    out: dict[str, tuple[Difference, ...]] = {}
    for rid, mine in facts.items():
        others = {f for oid, theirs in facts.items() if oid != rid for f in theirs}
        unique = [Difference(f, v) for f, v in dict.fromkeys(mine) if (f, v) not in others]
        out[rid] = tuple(unique)
    return dict(sorted(out.items()))
