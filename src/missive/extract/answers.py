"""Messages a sentence recalls while telling another: thanks for one, replies to one, answers in return.

"X thanked Y for his message", "X replied to Y's letter", "X sent a letter to Y
in reply to his letter of May 2": each names an earlier message from the other
side (recalled, dated no finer than the page allows) besides the act told.
"""

from __future__ import annotations

import re

from ..model import Span
from .candidate import Candidate, Context
from .mentions import Mention
from .people import POSSESSIVE, subject_of
from .triggers import Cues, Trigger

RECALL = re.compile(r"\bfor (?:(?:having|his|her|their|your|the|a|sending|extending) )*(?:[\w-]+ ){0,3}$", re.I)
THANKS = re.compile(r"\b(?:thank\w*|gratitude|appreciation)\b", re.I)
IN_REPLY_TO = re.compile(r"\b(?:(?:in|a|his|her|their|the) (?:reply|response|answer) to|replying to|responding to|answering)\s+"
                         r"(?:(?:his|her|their|the|an?)\s+|(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*['’]s\s+)(?:[\w'’-]+\s+){0,3}$")
_OF_DATE = re.compile(r"(?<!\s)\s+(?:of|dated)\s+(?:last\b|this\b|early\b|late\b|mid-|\d|[A-Z])")
# "X replied to Y's letter", "X responded to Y's message": the verb, then the owner of the earlier message.
_REPLIED_TO = re.compile(r"\b(?:replied|responded|answered)(?:\s+to)?\s+(?:[\w'’-]+\s+){0,4}?$")


def reply_to_earlier(text: str, sent: Span, trig: Trigger, ms: list[Mention], out: list[Candidate],
                     answer: re.Match) -> list[Candidate]:
    """ "X sent a letter to Y in reply to his (Y's) letter": Y's earlier letter to X, recalled.

    ``out`` are the readings of this sentence so far, the reply last; when the
    earlier letter's own date follows it ("of last month"), the reply's words end
    before "in reply", so that date is not the reply's.
    """
    prev = out[-1]
    owner = [m for m in ms if sent.start + answer.start() <= m.start and m.end <= trig.start][-1:] or [prev.recipient]
    if owner[0].key == prev.sender.key:
        return []
    if _OF_DATE.match(text, trig.end):  # "... his letter of last month": that date is the earlier letter's
        for c in out:
            c.until = c.until or sent.start + answer.start()
    return [Candidate(owner[0], prev.sender, trig, sent, "reply-to-earlier", recalled=True)]


def answered(text: str, sent: Span, trig: Trigger, ms: list[Mention], cues: Cues) -> list[Candidate]:
    """ "X replied to Y's message": Y's earlier message to X (recalled) and X's reply to Y, a `message`."""
    owner = [m for m in ms if m.end <= trig.start and POSSESSIVE.match(text[m.end : trig.start])]
    verb = _REPLIED_TO.search(text, sent.start, owner[-1].start) if owner else None
    if not verb:
        return []
    writer = subject_of(text, [m for m in ms if m.end <= verb.start()], sent, verb.start(), cues)
    if len(writer) != 1 or writer[0].key == owner[-1].key:
        return []
    said = Trigger(verb.start(), verb.end(), verb.group(0).strip(), "reply-message", "message")
    return [Candidate(owner[-1], writer[0], trig, sent, "answered-earlier", recalled=True),
            Candidate(writer[0], owner[-1], said, sent, "answered", reply=True)]


def recalled(text: str, sent: Span, trig: Trigger, ms: list[Mention], ctx: Context, pre: str) -> list[Candidate]:
    """ "X thanked Y for sending a message": an earlier message from Y to X, recalled here."""
    thanks = list(THANKS.finditer(pre))[-1]
    thanks_at = sent.start + thanks.start()
    subject = [m for m in ms if m.end <= thanks_at]
    thanked = [m for m in ms if thanks_at <= m.start < trig.start]
    sender = thanked[:1]
    if not sender and re.search(r"\b(?:him|her)\b", text[thanks_at : trig.start]):
        sender = [m for m in ctx.recipients if all(m.key != s.key for s in subject)][:1] or ctx.recipients[:1]
    recipient = subject[:1] or ctx.senders[:1]
    if not recipient and ctx.speaker:
        recipient = [ctx.speaker]
    if not sender or not recipient or sender[0].key == recipient[0].key:
        return []
    ctx_reply = Candidate(recipient[0], sender[0], trig, sent, "thanks-for", reply=True, recalled=False)
    ctx_reply.type = "reply-marker"
    return [Candidate(sender[0], recipient[0], trig, sent, "recalled-by-thanks", recalled=True), ctx_reply]
