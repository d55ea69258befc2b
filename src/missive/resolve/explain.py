"""Why an event holds the reports it holds: the matching rules per pair, and the disagreements."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..model import Event, Report
from .rules import pair_verdict


@dataclass(frozen=True)
class ReportLine:
    """One report of the event, reduced to what an analyst compares."""

    id: str
    doc: str
    outlet: str | None
    language: str
    type: str
    date: str | None
    date_basis: str
    occasion: str
    reply: bool
    sender_titles: tuple[str, ...]
    recipient_titles: tuple[str, ...]
    near_duplicate: bool


@dataclass(frozen=True)
class PairMatch:
    """How two reports of the event relate: the rules that matched, or what failed."""

    a: str
    b: str
    compatible: bool  # False: the pair is together only by an override (or a forced group)
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    """Which reports make an event, how each pair matched, and where they disagree."""

    event_id: str
    reports: tuple[ReportLine, ...]
    pairs: tuple[PairMatch, ...]
    # field -> value -> ids of the reports giving that value; only fields with 2+ values.
    disagreements: dict[str, dict[str, tuple[str, ...]]]
    near_duplicates: tuple[str, ...]
    independent_pages: int


def _occasion(r: Report) -> str:
    o = r.occasion
    return o.kind if o.anniversary is None else f"{o.kind} {o.anniversary}"


def _line(r: Report, flagged: set[str]) -> ReportLine:
    return ReportLine(
        id=r.id, doc=r.doc, outlet=r.outlet, language=r.language, type=r.type,
        date=r.date.iso() if r.date else None, date_basis=r.date_basis, occasion=_occasion(r),
        reply=r.reply, sender_titles=r.sender.titles, recipient_titles=r.recipient.titles,
        near_duplicate=r.id in flagged,
    )


_FIELDS = {
    "date": lambda r: r.date.iso() if r.date else "unknown",
    "type": lambda r: r.type,
    "occasion": _occasion,
    "reply": lambda r: "reply" if r.reply else "not a reply",
    "sender": lambda r: r.sender.name,
    "recipient": lambda r: r.recipient.name,
    "sender titles": lambda r: "; ".join(r.sender.titles) or "none",
    "recipient titles": lambda r: "; ".join(r.recipient.titles) or "none",
}


def explain_event(event: Event) -> Explanation:
    """Explain an event: its reports, the rule behind each pair, disagreements, near-duplicates."""
    reports = sorted(event.reports, key=lambda r: r.id)
    flagged = set(event.duplicate_reports)
    pairs = []
    for a, b in combinations(reports, 2):
        verdict = pair_verdict(a, b)
        pairs.append(PairMatch(a.id, b.id, verdict.compatible, verdict.rules))
    disagreements: dict[str, dict[str, tuple[str, ...]]] = {}
    for name, get in _FIELDS.items():
        values: dict[str, list[str]] = {}
        for r in reports:
            values.setdefault(str(get(r)), []).append(r.id)
        if len(values) > 1:
            disagreements[name] = {v: tuple(ids) for v, ids in sorted(values.items())}
    return Explanation(
        event_id=event.id,
        reports=tuple(_line(r, flagged) for r in reports),
        pairs=tuple(pairs),
        disagreements=disagreements,
        near_duplicates=tuple(sorted(flagged)),
        independent_pages=len({r.page_hash for r in reports if r.id not in flagged}),
    )
