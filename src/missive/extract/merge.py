"""Merging readings: one act said several times on a page is one report; congratulations said in a call are that call."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..model import Occasion, PartialDate, Span
from .registry import Registry
from .candidate import Candidate


@dataclass
class Reading:
    """A candidate with its type, occasion and date fixed, ready to merge and report."""

    cand: Candidate
    type: str
    occasion: Occasion
    occ_span: tuple[Span, Span] | None
    date: PartialDate | None
    date_span: tuple[Span, Span] | None
    explicit: bool
    basis: str
    reply: bool
    headline: bool = False  # read from a headline, whose wording of the kind is loose


def apply_reply_markers(readings: list[Reading]) -> list[Reading]:
    """ "X thanked Y for his message": X's own message to Y, if it marks nothing else, is a reply of thanks."""
    markers = [r for r in readings if r.cand.type == "reply-marker"]
    out = [r for r in readings if r.cand.type != "reply-marker"]
    for mk in markers:
        for r in out:
            same = r.cand.sender.key == mk.cand.sender.key and r.cand.recipient.key == mk.cand.recipient.key
            if same and not r.cand.recalled and r.occasion.kind in ("none", "thanks", "other"):
                r.reply = True
                r.occasion = Occasion("thanks", None, "thanks for an earlier message")
                r.occ_span = (mk.cand.sentence, Span(mk.cand.trigger.start, mk.cand.trigger.end, mk.cand.trigger.text))
    return out


def fold_into_calls(readings: list[Reading]) -> list[Reading]:
    """Congratulations offered in a phone call are that call: one `call` event, which takes their occasion."""
    calls = [r for r in readings if r.type == "call"]
    out = []
    for r in readings:
        said = r.cand.trigger.id in ("congratulated", "congratulations-sent", "condolences-expressed")
        pair = {r.cand.sender.key, r.cand.recipient.key}
        call = next((c for c in calls if {c.cand.sender.key, c.cand.recipient.key} == pair and _compatible_dates(c, r)), None)
        if said and call is not None:
            if call.occasion.kind == "none" and r.occasion.kind != "none":
                call.occasion, call.occ_span = r.occasion, r.occ_span
            continue
        out.append(r)
    return out


def alive(r: Any, registry: Registry) -> bool:
    """False for an act dated on or after the death of its sender or recipient, or between two people
    who never lived at the same time: a misread, not a message.

    ``r`` is an English or a Chinese/Korean reading: anything with ``cand.sender``, ``cand.recipient`` and ``date``.
    """
    if not registry.contemporaries(r.cand.sender.actor_id, r.cand.recipient.actor_id):
        return False  # "the friendship Ho Chi Minh built" on a page with no date
    on = r.date.to_date() if r.date else None
    for m in (r.cand.sender, r.cand.recipient):
        actor = registry.actors.get(m.actor_id or "")
        if actor and actor.died and on and on >= actor.died:
            return False
    return True


def _compatible_dates(a: Reading, b: Reading) -> bool:
    if not (a.explicit and b.explicit) or a.date is None or b.date is None:
        return True
    if a.date.precision == "day" and b.date.precision == "day":
        return abs((a.date.to_date() - b.date.to_date()).days) <= 1
    return a.date.iso()[:7] == b.date.iso()[:7] or a.date.year == b.date.year and "month" not in (a.date.precision, b.date.precision)


def _news_and_earlier(a: Reading, b: Reading) -> bool:
    """ "X spoke with Y on Friday ... X last spoke with Y in December": the page's news and an earlier, dated act."""
    for old, new in ((a, b), (b, a)):
        if old.cand.recalled and old.explicit and not new.cand.recalled and new.basis == "published" \
                and old.date is not None and new.date is not None and old.date.iso()[:7] != new.date.iso()[:7]:
            return True
    return False


def _same_call(a: Reading, b: Reading) -> bool:
    """ "X phoned Y ... The phone conversation came ...": a call named again without who placed it is the same call."""
    loose = tuple(r for r in (a, b) if r.cand.rule.startswith(("call-between", "call-among")) or r.cand.rule.endswith("+context"))
    return a.type == b.type == "call" and bool(loose) and a.cand.sender.key == b.cand.recipient.key \
        and a.cand.recipient.key == b.cand.sender.key


def _types_ok(a: Reading, b: Reading) -> bool:
    """Two readings can be one act: same type, or one of them names no kind of its own."""
    if a.type == b.type or "message" in (a.type, b.type):
        return True
    if "call" in (a.type, b.type):
        return False
    if a.headline or b.headline:  # a headline's "sends greetings" over the body's congratulatory message
        return True
    loose = ("congratulated", "condolences-expressed")
    return a.cand.anaphoric or b.cand.anaphoric or a.cand.trigger.id in loose or b.cand.trigger.id in loose


def _rank(r: Reading) -> tuple:
    generic = r.cand.trigger.id in ("message", "congratulated", "condolences-expressed")
    return (r.cand.trigger.id == "reply-message", not generic, not r.headline, not r.cand.anaphoric, r.explicit, r.occasion.kind != "none", -r.cand.sentence.start)


def dedupe(readings: list[Reading]) -> list[Reading]:
    """One act said several times on a page is one report: merge same pair, compatible type and date."""
    groups: list[list[Reading]] = []
    for r in sorted(readings, key=lambda r: (not r.explicit, r.cand.sentence.start)):
        for g in groups:
            head = g[0]
            same = head.cand.sender.key == r.cand.sender.key and head.cand.recipient.key == r.cand.recipient.key
            same = same or _same_call(head, r)
            types_ok = _types_ok(head, r)
            if same and types_ok and all(_compatible_dates(x, r) and not _news_and_earlier(x, r) for x in g):
                g.append(r)
                break
        else:
            groups.append([r])
    merged = []
    for g in groups:
        best = max(g, key=_rank)
        dated = max(g, key=lambda r: (r.explicit, r.date is not None and r.date.precision == "day"))
        occ = max(g, key=lambda r: (r.occasion.kind != "none", r.occasion.anniversary is not None, r is best))
        if occ.occasion.kind == "congress" and any(r.occasion.kind == "election" for r in g):
            occ = next(r for r in g if r.occasion.kind == "election")  # elected at a congress: the election
        if any(r.reply for r in g) and any(r.occasion.kind == "thanks" for r in g):
            occ = next(r for r in g if r.occasion.kind == "thanks")
        merged.append(replace(best, date=dated.date, date_span=dated.date_span, explicit=dated.explicit, basis=dated.basis,
                              occasion=occ.occasion, occ_span=occ.occ_span, reply=any(r.reply for r in g)))
    return merged
