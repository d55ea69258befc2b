"""Messages carried by someone else: an envoy conveys a principal's greetings, a letter is handed over.

The principal is the sender, whoever speaks or carries ("conveyed X's greetings",
"on behalf of X"); the addressee is the one named or, failing that, the host who
received the envoy.
"""

from __future__ import annotations

import re

from ..model import Span
from .candidate import Context
from .mentions import Mention
from .people import people_after, subject_of
from .triggers import Cues, Trigger

# "Putin received Choe Son Hui, who conveyed ...": the host of the meeting is who the envoy's message is for.
_HOSTED = re.compile(r"\b(?:received|receives|receiving|met|meets|meeting with|welcomed)\b")
_OF_FROM = re.compile(r"\b(?:of|from)\b")
_TO_FOR = re.compile(r"\b(?:to|for)\b")
_BEHALF = re.compile(r"\bon behalf of\s+(?:[\w'’-]+\s+){0,6}?$")


def on_behalf(text: str, ms: list[Mention], lo: int, hi: int) -> Mention | None:
    """The person "on behalf of" whom this clause acts, if it names one."""
    for m in ms:
        if lo <= m.start < hi and _BEHALF.search(text, max(lo, m.start - 80), m.start):
            return m
    return None


def host(text: str, sent: Span, ms: list[Mention], pos: int, principals: list[Mention], cues: Cues) -> list[Mention]:
    """Who received the envoy in this sentence ("X received Y, who conveyed Z's greetings"): X, never Y or Z."""
    verbs = list(_HOSTED.finditer(text, sent.start, pos))
    if not verbs:
        return []
    at = verbs[-1].start()
    keys = {m.key for m in principals}
    found = subject_of(text, [m for m in ms if m.end <= at and m.key not in keys], sent, at, cues)
    return found[:1]


def read_conveyed(text: str, sent: Span, trig: Trigger, ms: list[Mention], ctx: Context, cues: Cues):
    """ "conveyed X's greetings to Y", "conveyed greetings from X", "... to Y on behalf of X": X to Y, never the envoy."""
    inside = [m for m in ms if m.start >= trig.start and m.end <= trig.end]
    owner = [m for m in inside if text[m.end : m.end + 2] == "'s"]
    senders = owner[:1] or people_after(text, ms, trig.end, _OF_FROM, 90)  # "from (Chairman of ... of the DPRK) X"
    to = [m for m in inside if m not in owner]
    if not to:
        after = max([trig.end, *(m.end for m in senders if m.start >= trig.end)])
        keys = {m.key for m in senders}  # "conveyed greetings to Y on behalf of X": Y is named before the principal
        to = people_after(text, ms, after, _TO_FOR, 60) or [m for m in people_after(text, ms, trig.end, _TO_FOR, 60) if m.key not in keys]
    if not to and re.search(r"\bto (?:him|her)\b", trig.text):
        involved = {m.key for m in ms}
        to = [m for m in reversed(ctx.subjects[:-1]) if m.key not in involved][:1]
    return senders, to or host(text, sent, ms, trig.start, senders, cues) or ctx.recipients[:1], "conveyed-from"
