"""Phone calls: which "called" is a call, who placed it, and congratulations said on the phone.

GUIDELINES: the sender of a call is the one who placed or asked for it where
the page says so, else the first-named leader; congratulations offered in a
call are that call.
"""

from __future__ import annotations

import re

from ..model import Span
from .mentions import Mention
from .people import list_from, people_after
from .registry import load_registry
from .triggers import Trigger

SAID_IN_CALL = ("congratulated", "congratulations-sent", "condolences-expressed")  # cues a call on the same pair absorbs
# "called Fidel a symbol", "called him a friend", "called Y's remarks ...": naming someone or something, not a phone call.
_NAMING = re.compile(r"\s{1,40}(?:him|her|them|(?:[A-Z][\w'-]*\s+){1,3})(?:a|an|the|one of)\s|\s{1,40}(?:\w+\s+){0,3}[\"“']"
                     r"|\s{1,40}(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['’]s?\s")
_BY_PHONE = re.compile(r"(?<!\s)\s+(?:[\w'’-]+\s+){1,6}?(?:by|over the|on the) (?:tele)?phone\b")
_REQUEST_SIDE = re.compile(r"\b[Aa]t the (?:request|initiative) of the ([A-Z][A-Za-z.]+) side\b")  # "the Russian side", "the US side"
_OPENING_CALL = re.compile(r"^(?:[Ii]n|[Dd]uring|[Oo]ver) (?:a|an|the|their|his|her) (?:\w+ )?$")
_WITH = re.compile(r"\bwith\b")


def by_phone(text: str, trig: Trigger, hi: int) -> Trigger:
    """ "congratulated Y by telephone": the same cue, read as a call."""
    if trig.id == "congratulated" and _BY_PHONE.match(text, trig.end, hi):
        return Trigger(trig.start, trig.end, trig.text, "phone-call", "call")
    return trig


def names_someone(text: str, trig: Trigger) -> bool:
    """ "called Y a friend", "called Y's remarks ...": this "called" is no phone call."""
    return trig.id == "phone-call" and trig.text.lower().endswith("called") and bool(_NAMING.match(text, trig.end))


def asked_by(text: str, sent: Span, other: Mention) -> bool:
    """ "at the latter's request", "at the request of Y" (or "of the Russian side"): the call's addressee asked for it."""
    stext = text[sent.start : sent.end]
    if re.search(r"\bat the latter['’]s (?:request|initiative)\b", stext):
        return True
    side = _REQUEST_SIDE.search(stext)
    actor = load_registry().actors.get(other.actor_id or "") if side else None
    if actor and any(t.startswith(side.group(1).lower() + " ") for o in actor.offices for t in o.titles):
        return True
    m = re.search(r"\b[Aa]t the (?:request|initiative) of\s+(?:[\w'’-]+\s+){0,4}?$", text[sent.start : other.start])
    # "at Trump's request": the name between "at" and "'s request"
    own = re.match(r"['’]s\s+(?:request|initiative)\b", text[other.end : sent.end]) and re.search(
        r"\b[Aa]t\s+(?:[\w.'’-]+\s+){0,3}$", text[sent.start : other.start])
    return bool(m or own)


def opening_call(text: str, ms: list[Mention], trig: Trigger, pre: str, before: list[Mention]):
    """ "In a phone call with Y on Monday, X said ...": X, the clause's subject, spoke with Y; else None."""
    if trig.id != "phone-call" or before or not _OPENING_CALL.match(pre):
        return None
    partner = people_after(text, ms, trig.end, _WITH, 20)
    rest = [m for m in ms if partner and m.start > partner[-1].end and all(m.key != p.key for p in partner)]
    if partner and rest:
        return list_from(text, rest, 0)[:1], partner[:1], "call-opening"
    return None
