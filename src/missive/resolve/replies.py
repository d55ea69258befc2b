"""Link each reply to the message it answers: the same pair reversed, earlier, fitting occasion.

Rule: for a reply event from B to A, the candidates are events from A to B
whose earliest possible date is not after the reply's latest possible date
and at most ``reply_window_days`` before it. A reply whose occasion is
specific (not thanks, none or other) answers a message of a fitting
occasion. Among candidates, a non-reply is preferred (a reply answers a
message, rarely a reply), then the closest in time, then the smallest id.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from ..model import Event, Report
from .names import actor_key, name_keys
from .rules import date_span, config, occasion_rule

#: Reply occasions that answer any message ("thanks for your message").
_ANSWERS_ANY = frozenset({"thanks", "none", "other"})


def _as_report(e: Event) -> Report:
    """An event seen as one report, so the occasion rule can be reused."""
    return Report(doc="", page_hash=e.id, sender=e.sender, recipient=e.recipient, type=e.type,
                  date=e.date, occasion=e.occasion)


def _fits(reply: Event, msg: Event) -> bool:
    if msg.id == reply.id or reply.date is None or msg.date is None:
        return False
    (r0, r1), (m0, m1) = date_span(reply.date), date_span(msg.date)
    if m0 > r1 or (r0 - m1).days > config().reply_window_days:
        return False
    if reply.occasion.kind in _ANSWERS_ANY:
        return True
    return occasion_rule(_as_report(reply), _as_report(msg)) is not None


def _lag(reply: Event, msg: Event) -> int | None:
    """Days from message to reply where both dates are known to the day."""
    if reply.date and msg.date and reply.date.precision == msg.date.precision == "day":
        return (reply.date.to_date() - msg.date.to_date()).days
    return None


def link_replies(events: Sequence[Event]) -> list[Event]:
    """Set ``reply_to`` and ``reply_lag_days`` on every reply event whose message is found."""
    keys = name_keys([a for e in events for a in (e.sender, e.recipient)])
    by_pair: dict[tuple[str, str], list[Event]] = {}
    for e in events:
        by_pair.setdefault((actor_key(e.sender, keys), actor_key(e.recipient, keys)), []).append(e)
    out = []
    for e in events:
        if not e.reply:
            out.append(replace(e, reply_to=None, reply_lag_days=None))
            continue
        back = by_pair.get((actor_key(e.recipient, keys), actor_key(e.sender, keys)), [])
        cands = [m for m in back if _fits(e, m)]
        if not cands:
            out.append(replace(e, reply_to=None, reply_lag_days=None))
            continue
        reply_start = date_span(e.date)[0]  # type: ignore[arg-type]  # _fits checked the date
        best = min(cands, key=lambda m: (m.reply, abs((reply_start - date_span(m.date)[0]).days), m.id))  # type: ignore[arg-type]
        out.append(replace(e, reply_to=best.id, reply_lag_days=_lag(e, best)))
    return out
