"""Who sent and who received: sender and recipient of each cue, from the sentence's phrasing.

Each rule reads one phrasing (active, passive, "In his message, X", "X's
message to Y", exchanges, round-ups, thanks for an earlier message) and has a
stable id that becomes the report's ``rule``. People a sentence only refers to
("he", "their message", no addressee) come from the page's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Span
from .mentions import Mention, title_words
from .registry import load_registry
from .people import distinct, item_pairs, list_from, pair_up, people_after, subject_of
from .triggers import Cues, Trigger

_PASSIVE_SENT = re.compile(r"\s{1,40}(?:\w+\s+){0,3}?(?:were|was|have been|has been|had been)\s+(?:also\s+)?(?:sent|addressed|dispatched|extended|conveyed|cabled|delivered)\b")
_BY = re.compile(r"\bby\b")
# "Messages sent on August 3 by X to Y": a passive without its auxiliary, read only when "by" names the sender.
_REDUCED_PASSIVE = re.compile(r"\s{1,40}(?:sent|addressed|dispatched|delivered)\s+(?:[^.;]{0,40}?\s)?(?=by\b)")
_IN_A_MESSAGE = re.compile(r"\b(?:in|via|through|by) (?:a |an )?(?:separate |written |brief |short )?$", re.I)
_SAID_IN_CALL = ("congratulated", "congratulations-sent", "condolences-expressed")
_SAID_IN_PERSON = ("congratulated", "condolences-expressed")  # no medium named: a message only if nothing says they met
_RECALL = re.compile(r"\bfor (?:(?:having|his|her|their|your|the|a|sending|extending) )*(?:[\w-]+ ){0,3}$", re.I)
_THANKS = re.compile(r"\b(?:thank\w*|gratitude|appreciation)\b", re.I)
_POSSESSIVE = re.compile(r"^['’]s?\s+(?:\w+\s+){0,3}$")
_IN_MESSAGE = re.compile(r"\b(?:[Ii]n|[Tt]hrough) (?:his|her|their|the|a|its|this)\s+(?:\w+\s+){0,2}$")
_EXCHANGE = re.compile(r"\bexchang\w*\s+(?:\w+\s+){0,2}$", re.I)
_EXCHANGED_BETWEEN = re.compile(r"\s{1,40}(?:were|have been|had been|was)\s+(?:also\s+)?exchanged\s+between\b")
_FROM = re.compile(r"\bfrom\b")
_IN_A_CALL = re.compile(r"\b(?:in|during|over|by) (?:a|an|the|their) (?:\w+ )?$")
_TO_WITH = re.compile(r"\b(?:to|with)\s+(?:[\w'’-]+\s+){0,3}$")
_TO = re.compile(r"\b(?:to|addressed to)\b")
_MEETING = re.compile(r"\b(?:met|meets|meeting|talks with|visit\w*|banquet|reception|during (?:the|their|a) (?:\w+ )?(?:conversation|call|talks|meeting)"
                      r"|(?:at|during|in) (?:the|their|his|her|a) (?:\w+ ){0,2}(?:talks|summit|ceremony)|held talks(?! by (?:tele)?phone)|in person|face-to-face|on the sidelines)\b", re.I)
# "He sent ...", and a bare title as subject ("The President also sent ...") is the leader just named.
_PRONOUN_SUBJECT = re.compile(r"^(?:[A-Z]\w+,\s+)?(?:He|She|They|Their|His|Her|It|The (?:President|Prime Minister|Premier|Chairman|General Secretary|Head of State|King|Emperor)(?! of\b))\b")
_OBJ_PRONOUN = re.compile(r"\b(?:to|with) (?:him|her|me|us)\b")
_ANAPHORIC = re.compile(r"(?:\b(?:the|this|that|his|her|their|its)\s+|\b(?:in|through) (?:his|her|their|the|a) (?:\w+ ){0,2})$", re.I)
_INSIDE_MESSAGE = re.compile(r"\b(?:in|through) (?:his|her|their|the|its) (?:\w+ )?(?:messages?|letters?|telegrams?)\b", re.I)
_SPEAKS = re.compile(r"^\s*+,?\s*+(?:(?:said|wrote|noted|stressed|added|stated)\s*+)?$")
_GROUP_SENDERS = re.compile(r"\b(?:leaders|heads of (?:\w+ )?(?:states?|governments?)|personages|dignitaries)\b", re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.I)
_ME = re.compile(r"\b(?:me|us)\b")
# "X was the first to congratulate Y, sending a message": the message is the main subject's.
_PARTICIPLE = re.compile(r",\s*(?:sending|having sent|and sent|writing|in which)\s+(?:\w+\s+){0,2}$", re.I)
# "called Fidel a symbol", "called him a friend": naming someone, not a phone call.
_NAMING = re.compile(r"\s{1,40}(?:him|her|them|(?:[A-Z][\w'-]*\s+){1,3})(?:a|an|the|one of)\s|\s{1,40}(?:\w+\s+){0,3}[\"“']"
                     r"|\s{1,40}(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['’]s?\s")  # "called Y's remarks ...": naming a thing
_YOU_SENT = re.compile(r"\b[Yy]ou\b[^.]{0,60}?\b(?:sent|wrote|extended|conveyed|addressed)\s+(?:\w+\s+){0,2}$")
_FROM_CUE = re.compile(r"^\s*(?:from|of)\s+(?:the\s+)?$")
# "Putin received Choe Son Hui, who conveyed ...": the host of the meeting is who the envoy's message is for.
_HOSTED = re.compile(r"\b(?:received|receives|receiving|met|meets|meeting with|welcomed)\b")
_OF_FROM = re.compile(r"\b(?:of|from)\b")
_TO_FOR = re.compile(r"\b(?:to|for)\b")
_RELATIVE = re.compile(r"^\s+(?:that\s+|which\s+)?$")
# "to" then words that name no one the page knows: the addressee is given and is not a person.
_TO_SOMEONE_ELSE = re.compile(r"\s{1,40}to\s+(?!(?:him|her|them|me|us|his|her|their|the|its|[A-Z]))[a-z]|\s{1,40}to\s+(?:the\s+)?[A-Z][a-z]+(?:ns?|ese|ian|ish|i)\s+(?:athletes|people|nation|team|workers|citizens|youth|students|women|veterans)\b")
# A sentence that names the addressees of a cue before it: "Among them were ...", "They are ...".
_LIST_INTRO = re.compile(r"(?:Among (?:them|the recipients|those) (?:were|are)|They (?:are|were|include|included)|"
                         r"(?:The|Its|Their) (?:recipients|addressees) (?:are|were|include|included)|These (?:are|were|include|included))\b")
_SENT_VERB = re.compile(r"\s{0,40}(?:had\s+|has\s+)?(?:sent|wrote|delivered|addressed|dispatched)\b")


@dataclass
class Candidate:
    """One sender-recipient reading of one cue, before dates and occasions are fixed."""

    sender: Mention
    recipient: Mention
    trigger: Trigger
    sentence: Span
    rule: str
    reply: bool = False
    recalled: bool = False
    type: str = ""
    hint: str = ""  # the type the page's last named cue gave, for a generic "message" read from context
    weak: bool = False  # "the letter ...": may confirm an act named elsewhere, never names a new one
    anaphoric: bool = False  # "the letter", "in his message": the same message as one named before
    until: int | None = None  # where this act's own words end: "..., in reply to his letter of May 2" dates the other


@dataclass
class Context:
    """What earlier sentences of the page said: the last senders and addressees, the speaker."""

    senders: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    speaker: Mention | None = None
    last_type: str = ""
    subjects: list[Mention] = field(default_factory=list)  # the first person each sentence names
    # "sent cards to heads of state ..." / "received cards from heads of state ...": who, the cue, and
    # whether the people a later list names are the addressees (True) or the senders (False)
    pending: tuple[list[Mention], Trigger, bool] | None = None
    sentence_of: dict[int, Span] = field(default_factory=dict)
    two: list[Mention] = field(default_factory=list)  # the last sentence naming two people or more: its first two
    prev_two: list[Mention] = field(default_factory=list)  # the same, before this sentence ("the two leaders")
    met: list[set[str]] = field(default_factory=list)  # per sentence, who a meeting, talks or visit brought together


def assign(text: str, sent: Span, triggers: list[Trigger], ms: list[Mention], ctx: Context, cues: Cues,
           items: list[Mention] | None = None) -> list[Candidate]:
    """Read sender and recipient for every cue of one sentence.

    ``items`` are the people of a list that follows the sentence, one per line
    ("sent New Year cards to the following leaders:"): the addressees when the
    sentence names none.
    """
    out: list[Candidate] = []
    stext = text[sent.start : sent.end]
    for m in ms:
        ctx.sentence_of[m.start] = sent
    subjects_before = list(ctx.subjects)
    ctx.prev_two = list(ctx.two)
    if len(distinct(ms)) >= 2:
        ctx.two = distinct(ms)[:2]
    if ms:
        ctx.subjects.append(ms[0])
    listed = _LIST_INTRO.match(stext)
    if listed and ctx.pending and not triggers:  # "They are A, president of X, B and C.": the addressees of the cue before
        known, trig, to_listed = ctx.pending
        ctx.pending = None
        named = [m for m in ms if m.start >= sent.start + listed.end()]
        people = list_from(text, named, 0) if named else []
        pairs = [(s, r) for s in known for r in people] if to_listed else [(s, r) for s in people for r in known]
        return [Candidate(s, r, trig, sent, "listed", hint=ctx.last_type) for s, r in pairs if s.key != r.key]
    plan = next((rid for rid, rx in cues.negative if rid in ("plan", "not-done") and rx.search(stext)), None)
    statement = any(rx.search(stext) for rid, rx in cues.negative if rid == "not-message")
    question = stext.rstrip(" \"'”’)").endswith("?")  # "Will Xi send a message?" states no act
    call = any(t.id == "phone-call" for t in triggers)
    # "X held talks with Y in Beijing. X congratulated Y on his re-election.": said in person, unless a medium is named
    met = set().union(*ctx.met[-3:])
    ctx.met.append({m.key for m in ms} if _MEETING.search(stext) else set())
    in_person = bool(met) and all(t.id in _SAID_IN_PERSON for t in triggers)
    bounds = _own_clauses(text, sent, triggers)
    all_ms = ms
    for k, trig in enumerate(triggers):
        lo, hi = bounds[k]  # "A sent X to B, and C sent Y to D": each cue reads only the people of its own clause
        ms = [m for m in all_ms if lo <= m.start and m.end <= hi]
        if trig.id == "congratulated" and _BY_PHONE.match(text, trig.end, hi):
            trig = Trigger(trig.start, trig.end, trig.text, "phone-call", "call")  # "congratulated Y by telephone": a call
        if trig.type != "message" and trig.id not in ("congratulated",):
            ctx.last_type = trig.type
        if plan or question:
            continue
        pre = text[sent.start : trig.start]
        if trig.id in ("congratulated", "message", "congratulations-sent", "condolences-expressed") and (statement or _MEETING.search(stext)):
            continue
        if trig.id in _SAID_IN_CALL and call:  # congratulations offered in a call: the call is the one event
            continue
        if k and trig.id in ("message", "letter") and triggers[k - 1].id in ("congratulated", "congratulations-sent", "wrote-to") \
                and _IN_A_MESSAGE.search(pre) and ";" not in text[triggers[k - 1].end : trig.start]:
            continue  # "congratulated X in a separate message": the cue before already named this act
        if trig.id == "phone-call" and trig.text.lower().endswith("called") and _NAMING.match(text, trig.end):
            continue
        if trig.id == "message" and cues.word("figurative").search(pre):
            continue
        if trig.id == "congratulated" and _MEETING.search(stext):
            continue
        if k and trig.id == "congratulated" and re.search(r"\bto\s+$", pre):
            continue  # "cabled Y to congratulate him": the purpose of the cue before, not a second act
        clause = _clause(text, sent, trig)  # "A sent a letter on April 20, and B replied ...": A's letter is no reply
        reply = trig.id == "reply-message" or any(rx.search(clause) for _, rx in cues.reply)
        recall = _RECALL.search(pre)
        if recall and _THANKS.search(pre):
            out.extend(_recalled(text, sent, trig, ms, ctx, pre))
            continue
        answer = _IN_REPLY_TO.search(pre)
        if answer and out:  # "X sent a letter to Y in reply to his (Y's) letter": Y's earlier letter to X, recalled
            prev = out[-1]
            owner = [m for m in ms if sent.start + answer.start() <= m.start and m.end <= trig.start][-1:] or [prev.recipient]
            if owner[0].key != prev.sender.key:
                if _OF_DATE.match(text, trig.end):  # "... his letter of last month": that date is the earlier letter's
                    for c in out:
                        c.until = c.until or sent.start + answer.start()
                out.append(Candidate(owner[0], prev.sender, trig, sent, "reply-to-earlier", recalled=True))
            continue
        answered = _answered(text, sent, trig, ms, cues)
        if answered:
            out.extend(answered)
            ctx.senders, ctx.recipients = [answered[1].sender], [answered[1].recipient]
            continue
        senders, recipients, rule = _read(text, sent, trig, ms, ctx, cues, pre)
        principal = _on_behalf(text, ms, lo, hi)
        if principal and len(senders) <= 1 and recipients and all(principal.key != m.key for m in (*senders, *recipients)):
            senders, rule = [principal], rule + "+behalf"  # "the envoy, on behalf of X, handed a letter to Y": X wrote
        if rule.startswith("passive") and senders and recipients:
            # "sent to B by A, and by C to D": the later "by" items are pairs of their own
            extra = item_pairs(text, [m for m in ms if m.start > recipients[-1].end], _BY_SEP)
            senders = [s for s in senders if all(s.key != a.key for a, _ in extra)]
            out.extend(Candidate(a, b, trig, sent, "passive-items", reply, hint=ctx.last_type) for a, b in extra if a.key != b.key)
        paired = item_pairs(text, [m for m in ms if m.start >= trig.end])
        head = [m for m in ms if paired and trig.end <= m.start < paired[0][0].start]
        later = [m for m in ms if m.start >= trig.end]
        by_items = item_pairs(text, later, _BY_SEP) if later and _BY_ITEMS.search(text, trig.start, later[0].start) else []
        if len(by_items) >= 2:  # "... were sent by A to B, and by C to D": each "by" item its pair
            senders, head, paired = [], [], by_items
        elif paired and not senders and len(paired) < 2 or paired and senders and not head:
            paired = []
        if paired:
            # "Vietnamese leaders sent condolences to Chinese leaders: A to B, C to D and E to F": each item its
            # pair, never across items; "A sent a message to B, President C to President D, ...": A-B, then the items
            pairs = [(a, b) for a in senders for b in list_from(text, head, 0)] if senders and ":" not in text[trig.end : paired[0][0].start] else []
            out.extend(Candidate(a, b, trig, sent, "paired-items", reply, hint=ctx.last_type) for a, b in pairs + paired if a.key != b.key)
            ctx.senders, ctx.recipients = [a for a, _ in paired], [b for _, b in paired]
            continue
        if not senders and items and rule == "offered-by":  # "Messages came from:" then one giver a line
            senders, rule = list(items), rule + "+list"
        if not senders:
            addressee = _GROUP_SENDERS.search(pre) or rule == "received-from" or trig.id == "congratulations-noun"
            if recipients and addressee:
                # "Leaders of ... sent messages to X", "X received congratulations from ...",
                # "Congratulations to X": X is the page's addressee; the senders follow.
                ctx.recipients = recipients
                ctx.pending = (recipients, trig, False)  # "X received cards from heads of state. Among them were ..."
            continue
        if not recipients and items and not rule.startswith("offered-by"):
            recipients, rule = list(items), rule + "+list"
        if not recipients and _TO_SOMEONE_ELSE.match(text, trig.end, sent.end):
            ctx.senders = senders  # "sends greetings to Belarusian athletes": addressed, but to no person
            ctx.pending = (senders, trig, True)  # "... heads of state. Among them were A, B and C."
            continue
        if not recipients:
            recipients = _from_context(senders, ctx)
            if not recipients and rule.startswith("offered-by"):
                # "X was re-elected. Congratulations came from A and B.": the one the page is about
                keys = {s.key for s in senders}
                recipients = [m for m in reversed(subjects_before) if m.key not in keys][:1]
            rule += "+context"
            if not recipients:
                ctx.senders = senders  # "X sent a message to Lao leaders": their names may follow
                ctx.pending = (senders, trig, True)
                continue
        anaphoric = bool(_ANAPHORIC.search(pre) or _INSIDE_MESSAGE.search(pre)) or rule.startswith(("in-message", "named-in-message"))
        # an earlier message, not the one reported: quoted back, "the message X had sent", "X last spoke with Y in May"
        # "The letter from X was handed to Y on Monday": the act itself, told in the passive
        delivered = rule.startswith("message-from") and bool(_DELIVERED_TO.search(text, trig.end, hi))
        earlier = rule == "quoted-you" or rule.startswith("relative-earlier") or bool(_LAST.search(pre))
        for s, r in pair_up(text, sent, senders, recipients, ms):
            if s.key != r.key and not (in_person and {s.key, r.key} <= met):
                out.append(Candidate(s, r, trig, sent, rule, reply and not earlier, recalled=earlier,
                                     anaphoric=anaphoric, hint=ctx.last_type,
                                     weak=bool(_DEFINITE.search(pre)) and "in-message" not in rule and not earlier and not delivered))
        if rule == "exchange":
            for s in senders:
                for r in recipients:
                    if s.key != r.key:
                        out.append(Candidate(r, s, trig, sent, rule, reply, hint=ctx.last_type))
        if not rule.startswith("exchange"):  # "X sent congratulations to Y, as did Z": Z wrote to Y too
            did = _AS_DID.search(text, max([trig.end, *(r.end for r in recipients)]), hi)
            also = list_from(text, [m for m in ms if m.start >= did.end()], 0) if did and any(m.start >= did.end() for m in ms) else []
            if also and text[also[0].start - len(did.group(0)) : also[0].start] == did.group(0):
                out.extend(Candidate(a, r, trig, sent, "as-did", reply, hint=ctx.last_type) for a in also for r in recipients if a.key != r.key)
        did = _AS_DID.search(text, trig.end, hi) if rule.startswith("exchange") else None
        pair = list_from(text, [m for m in ms if m.start >= did.end()], 0) if did and any(m.start >= did.end() for m in ms) else []
        if len(pair) == 2:  # "A and B exchanged messages, as did C and his counterpart D": C and D wrote to each other too
            out.extend(Candidate(a, b, trig, sent, "exchange-as-did", reply, hint=ctx.last_type)
                       for a, b in (pair, pair[::-1]) if a.key != b.key)
        if senders and recipients and rule != "quoted-you":
            ctx.senders, ctx.recipients = senders, recipients
    return out


_IN_REPLY_TO = re.compile(r"\b(?:(?:in|a|his|her|their|the) (?:reply|response|answer) to|replying to|responding to|answering)\s+"
                          r"(?:(?:his|her|their|the|an?)\s+|(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*['’]s\s+)(?:[\w'’-]+\s+){0,3}$")
_OF_DATE = re.compile(r"\s+(?:of|dated)\s+(?:last\b|this\b|early\b|late\b|mid-|\d|[A-Z])")
_EACH_OTHER = re.compile(r"\beach other\s+(?:[\w'’-]+\s+){0,2}$")
_TO_EACH_OTHER = re.compile(r"\s+(?:to|with) each other\b")
_THE_TWO = re.compile(r"\b(?:[Tt]he two|[Bb]oth)(?: \w+)? (?:leaders|presidents|heads of state|prime ministers|premiers|ministers|sides|men|women)\b")
_BY_PHONE = re.compile(r"\s+(?:[\w'’-]+\s+){1,6}?(?:by|over the|on the) (?:tele)?phone\b")
_REQUEST_SIDE = re.compile(r"\b[Aa]t the (?:request|initiative) of the ([A-Z][a-z]+) side\b")
_OPENING_CALL = re.compile(r"^(?:[Ii]n|[Dd]uring|[Oo]ver) (?:a|an|the|their|his|her) (?:\w+ )?$")
_WITH = re.compile(r"\bwith\b")
_DOBJ_PRONOUN = re.compile(r"\b(?:sent|sends|send|sending|cabled|handed|wrote)\s+(?:him|her)\s+(?:a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,3}$")
_AS_DID = re.compile(r",?\s+(?:as did|and so did|as were)\s+")
_LAST = re.compile(r"\b(?:last|previously)\s+$", re.I)
_BY_SEP = re.compile(r"\bby\s+(?:[A-Z][\w'’-]*\s+){0,3}$")
# "... were sent by A to B, and by C to D": the pairs follow the passive's "by" at once.
_BY_ITEMS = re.compile(r"\b(?:were|was|have been|has been|had been)\s+(?:also\s+)?(?:sent|addressed|extended|conveyed|cabled|offered|dispatched)\s+by\s+(?:[A-Z][\w'’-]*\s+){0,3}$")
_TITLE_GAP = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}$")  # "to (the Russian President) X"
_BE = re.compile(r"\b(?:was|were|been|being|is|are)\s{1,3}$")
_DOBJ_VERB = re.compile(r"\b(?:sent|sends|send|sending|cabled|handed)\s+(?:[\w'’-]+\s+){0,4}$")
_DOBJ_AFTER = re.compile(r"^\s+(?:a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,3}$")
_HIM = re.compile(r"[^\S\n]{1,3}(?:him|her)\b")
_TOLD = re.compile(r"^[^\S\n]{1,3}(?:\w+[^\S\n]{1,3})?(?:told|assured|informed|wished|urged)[^\S\n]{1,3}(?:[\w'’-]+[^\S\n]{1,3}){0,3}$")
_CAME_FROM = re.compile(r"\b(?:came|come|arrived|poured in|flowed in)(?: in)? from\b")


_DELIVERED_TO = re.compile(r"\b(?:was|were|has been|had been)\s+(?:\w+ly\s+)?(?:handed|delivered|sent|conveyed|passed|transmitted|given)(?: over)? to\b")
_BEHALF = re.compile(r"\bon behalf of\s+(?:[\w'’-]+\s+){0,6}?$")


def _on_behalf(text: str, ms: list[Mention], lo: int, hi: int) -> Mention | None:
    """The person "on behalf of" whom this clause acts, if it names one."""
    for m in ms:
        if lo <= m.start < hi and _BEHALF.search(text, max(lo, m.start - 80), m.start):
            return m
    return None


def _host(text: str, sent: Span, ms: list[Mention], pos: int, principals: list[Mention], cues: Cues) -> list[Mention]:
    """Who received the envoy in this sentence ("X received Y, who conveyed Z's greetings"): X, never Y or Z."""
    verbs = list(_HOSTED.finditer(text, sent.start, pos))
    if not verbs:
        return []
    at = verbs[-1].start()
    keys = {m.key for m in principals}
    host = subject_of(text, [m for m in ms if m.end <= at and m.key not in keys], sent, at, cues)
    return host[:1]


_CLAUSE_CUT = re.compile(r";|,\s*(?:and|while|whereas|but)\s+(?=[A-Z])|\.\s")


# Where a sentence joins two clauses that each state an act: "; B sent ...", ", and C cabled ...".
_JOIN = re.compile(r";|,\s*(?:and|while|whereas|but)\s+(?=[A-Z])")


def _own_clauses(text: str, sent: Span, triggers: list[Trigger]) -> list[tuple[int, int]]:
    """For each cue, the span of its own clause: cut only at a join with a cue on both sides."""
    cuts = [m for m in _JOIN.finditer(text, sent.start, sent.end)]
    real = [m for m in cuts if any(t.end <= m.start() for t in triggers) and any(t.start >= m.end() for t in triggers)]
    out = []
    for t in triggers:
        lo = max([m.end() for m in real if m.end() <= t.start], default=sent.start)
        hi = min([m.start() for m in real if m.start() >= t.end], default=sent.end)
        out.append((lo, hi))
    return out


def _clause(text: str, sent: Span, trig: Trigger) -> str:
    """The clause of a cue: from the last cut before it to the next cut after it."""
    cuts = [m for m in _CLAUSE_CUT.finditer(text, sent.start, sent.end)]
    start = max([m.end() for m in cuts if m.end() <= trig.start], default=sent.start)
    end = min([m.start() for m in cuts if m.start() >= trig.end], default=sent.end)
    return text[start:end]


def _from_context(senders: list[Mention], ctx: Context) -> list[Mention]:
    keys = {s.key for s in senders}
    if any(s.key in keys for s in ctx.senders):
        return ctx.recipients
    if any(r.key in keys for r in ctx.recipients):
        return ctx.senders
    return ctx.recipients


def _pronoun_target(text: str, pos: int, ctx: Context) -> list[Mention]:
    """Who "to him/me" after ``pos`` stands for: the speaker for me/us, else the last addressee."""
    m = _OBJ_PRONOUN.search(text, pos, pos + 40)
    if not m:
        return []
    if _ME.search(m.group(0)):
        return [ctx.speaker] if ctx.speaker else []
    return ctx.recipients[:1] or ctx.senders[:1] or ctx.subjects[-1:]


def _read(text: str, sent: Span, trig: Trigger, ms: list[Mention], ctx: Context, cues: Cues, pre: str):
    before = [m for m in ms if m.end <= trig.start]
    stext_after = text[trig.end : sent.end]
    if _EXCHANGED_BETWEEN.match(text, trig.end, sent.end):  # "Messages were also exchanged between A and B"
        people = people_after(text, ms, trig.end, re.compile(r"\bbetween\b"), 80)
        return people, people, "exchange-among"
    each_other = _EACH_OTHER.search(pre) or _TO_EACH_OTHER.match(text, trig.end)  # "A and B sent each other messages"
    if _EXCHANGE.search(pre) or trig.text.lower().startswith("exchang") or each_other:
        subject = subject_of(text, before, sent, trig.start, cues)
        if not subject and _THE_TWO.search(pre) and not _MEETING.search(sent.text):  # "The two leaders exchanged messages": the two just named
            subject = list(ctx.prev_two)
        if each_other:
            return subject, subject, "exchange-among"
        partners = people_after(text, ms, trig.end, re.compile(r"\bwith\b"))
        if not partners and len(subject) >= 2:  # "A and B exchanged messages": each wrote to the other
            return subject, subject, "exchange-among"
        return subject, partners, "exchange"
    if trig.id in ("congratulations-offered", "compliments", "condolences-came", "congratulations-came", "greetings-came", "similar-came"):
        givers = people_after(text, ms, trig.end, re.compile(r""), 80)
        if trig.id == "compliments":
            return givers, subject_of(text, before, sent, trig.start, cues), "compliments-of"
        return givers, [], "offered-by"
    if trig.id.endswith("-to-came"):  # "Congratulations to X on ... came from A and B"
        came = _CAME_FROM.search(text, trig.end, sent.end)
        to = [m for m in people_after(text, ms, trig.end, _TITLE_GAP, 40) if came and m.end <= came.start()]
        return (people_after(text, ms, came.end(), re.compile(r""), 80) if came else []), to, "came-from"
    if trig.id == "conveyed-greetings":
        # The principal: "conveyed X's greetings", else "greetings of/from X"; never the envoy.
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
        return senders, to or _host(text, sent, ms, trig.start, senders, cues) or ctx.recipients[:1], "conveyed-from"
    recv = cues.receive.search(text, max(sent.start, trig.start - 40), trig.start)
    if recv:
        senders = people_after(text, ms, trig.end, _FROM, 120)
        poss = [m for m in ms if recv.end() <= m.start and m.end <= trig.start and _POSSESSIVE.match(text[m.end : trig.start])]
        receivers = subject_of(text, [m for m in before if m.end <= recv.start()], sent, recv.start(), cues)
        if not receivers and ctx.speaker and re.search(r"\bI\b|\bwe\b", text[sent.start : recv.start()]):
            receivers = [ctx.speaker]
        return senders or poss[:1], receivers, "received-from"
    passive = _PASSIVE_SENT.match(text, trig.end, sent.end) or _REDUCED_PASSIVE.match(text, trig.end, sent.end)
    if passive:  # "Messages were also sent to A, B and C (by X)": the sender named last, unless "by" says
        to = people_after(text, ms, trig.end, _TO, 60)
        by = [m for m in people_after(text, ms, passive.end(), _BY, 200) if all(m.key != r.key for r in to)]
        owner = [m for m in before if _POSSESSIVE.match(text[m.end : trig.start])]  # "X's verbal message was conveyed to Y by Z"
        return owner[-1:] or by or list(ctx.senders), to, "passive" if owner or by else "passive+context"
    sender_from = people_after(text, ms, trig.end, _FROM_CUE, 30)
    if sender_from:  # "delivered a letter from X to Y": X wrote it, whoever carried it
        to = people_after(text, ms, sender_from[0].end, _TO, 60) or _host(text, sent, ms, trig.start, sender_from, cues)
        return sender_from[:1], to, "message-from"
    relative = people_after(text, ms, trig.end, _RELATIVE, 20)
    verb = _SENT_VERB.match(text, relative[0].end) if relative else None
    if verb:  # "the message X sent (to Y) on ..."; "the message X had sent him": an earlier one, recalled
        return relative[:1], people_after(text, ms, relative[0].end, _TO, 60), "relative-earlier" if "had" in verb.group(0) else "relative"
    poss = [m for m in before if _POSSESSIVE.match(text[m.end : trig.start])]
    if poss:
        return poss[-1:], people_after(text, ms, trig.end, _TO, 60) or _pronoun_target(text, trig.end, ctx), "possessive"
    if trig.id in ("message", "letter") and _IN_A_MESSAGE.search(pre) and len(distinct(before)) >= 2 and not _IN_MESSAGE.search(pre[:-len(_IN_A_MESSAGE.search(pre).group(0))] or "x"):
        # "X wished Y a happy birthday in a message": the clause's subject wrote to its object
        writer = list_from(text, before, 0)
        rest = [m for m in before if all(m.key != w.key for w in writer)]
        if rest and not re.search(r"[.;]", text[writer[-1].end : rest[0].start]):
            return writer, list_from(text, rest, 0), "in-a-message"
    if trig.id == "phone-call" and _IN_A_CALL.search(pre) and before:
        # "X expressed condolences to Y in a phone call": the clause's subject called the one it addressed
        caller = list_from(text, before, 0)
        to = [m for m in before if all(m.key != c.key for c in caller) and _TO_WITH.search(text[sent.start : m.start])]
        if to:
            return caller, to[:1], "call-said"
    if trig.id == "phone-call" and not before and _OPENING_CALL.match(pre):
        # "In a phone call with Y on Monday, X said ...": X, the clause's subject, spoke with Y
        partner = people_after(text, ms, trig.end, _WITH, 20)
        rest = [m for m in ms if partner and m.start > partner[-1].end and all(m.key != p.key for p in partner)]
        if partner and rest:
            return list_from(text, rest, 0)[:1], partner[:1], "call-opening"
    inm = _IN_MESSAGE.search(pre)
    if inm:
        at = sent.start + inm.start()
        right_before = [m for m in before if m.end <= at and _SPEAKS.match(text[m.end : at])]
        if right_before:
            to = people_after(text, ms, trig.end, _TO, 80)
            return right_before, to, "named-in-message"
        lead = [m for m in before if m.start < at]
        if not lead:
            senders = _list_after_comma(text, ms, trig, sent)
            to = people_after(text, ms, trig.end, _TO, 80)
            if senders:
                rest = [m for m in ms if m.start > senders[-1].end]
                # "In a message sent on Monday, X told Y that ...": Y, the object of the telling verb
                to = to or people_after(text, rest, senders[-1].end, _TO) or people_after(text, rest, senders[-1].end, _TOLD, 60)
                return senders, to, "in-message"
            if _PRONOUN_SUBJECT.search(text[sent.start : sent.end]) or re.search(r"\b(?:his|her|their)\b", pre):
                return ctx.senders, to or people_after(text, ms, trig.end, _TO), "in-message-pronoun"
            return [], to, "in-message"
    if _PARTICIPLE.search(pre) and ms and ms[0].start < trig.start:
        return list_from(text, ms, 0), people_after(text, ms, trig.end, _TO, 60), "participle"
    if _DOBJ_PRONOUN.search(pre):  # "The Chinese president sent him a message": him, the one the page is about
        writer = subject_of(text, before, sent, trig.start, cues) or ([] if before else list(ctx.senders[:1]))
        keys = {w.key for w in writer}
        him = [m for m in ctx.recipients if m.key not in keys][:1] or [m for m in reversed(ctx.subjects[:-1]) if m.key not in keys][:1]
        if writer and him:
            return writer, him, "double-object-pronoun"
    dobj = _double_object(text, sent, before, trig)
    if dobj is not None:  # "X sent Y a message": Y, right after the verb, is the addressee
        rec, verb_at = dobj
        writer = subject_of(text, [m for m in before if m.end <= verb_at], sent, verb_at, cues)
        if writer:
            return writer, [rec], "double-object"
    senders = subject_of(text, before, sent, trig.start, cues)
    if trig.id == "congratulated":
        by = people_after(text, ms, trig.end, _BY, 40) if _BE.search(pre) else []
        if by:  # "X was congratulated by A and by B": the ones named after "by" sent
            return by, senders, "congratulated-by"
        after = [m for m in ms if m.start >= trig.end]
        rec = list_from(text, after, 0) if after and not re.search(r"[.;]", text[trig.end : after[0].start]) and after[0].start - trig.end < 60 else []
        if not rec and not ctx.recipients and _HIM.match(text, trig.end):
            # "Putin was re-elected. Xi congratulated him": the one the sentences before were about
            keys = {s.key for s in senders}
            rec = [m for m in reversed(ctx.subjects[:-1]) if m.key not in keys][:1]
        return senders, rec, "congratulated"
    if not senders and _YOU_SENT.search(text[sent.start : trig.start]) and ctx.recipients and ctx.senders:
        # Quoted from a message: "you sent a message of condolence" is its addressee's earlier message to its writer.
        return ctx.recipients[:1], ctx.senders[:1], "quoted-you"
    if not senders and _PRONOUN_SUBJECT.search(text[sent.start : trig.start]):
        senders = list(ctx.senders)
        rule = "pronoun-subject"
    else:
        rule = "active" if trig.id != "phone-call" else "call"
    if trig.id == "phone-call" and not senders:
        people = distinct(ms)
        if len(people) < 2 and _THE_TWO.search(pre):  # "The two presidents last spoke by phone in May"
            people = list(ctx.prev_two)
        return people[:1], people[1:2], "call-between"
    if trig.text.lower().endswith(" to") or trig.id == "cabled":  # "wrote to Y", "cabled Y": the addressee follows at once
        to = people_after(text, ms, trig.end, re.compile(r"^\s*$"), 30)
    else:
        to = people_after(text, ms, trig.end, _TO if trig.id != "phone-call" else re.compile(r"\b(?:to|with|his|her)\b|^\s*$"), 200)
    him = _OBJ_PRONOUN.search(text, trig.end, min(sent.end, trig.end + 40))
    if not to and him and not _ME.search(him.group(0)):
        # "At the request of X, Y held a conversation with him": "him" is the other one this sentence named
        to = [m for m in ms if m.end <= trig.start and all(m.key != s.key for s in senders)][:1]
    if not to:
        to = _pronoun_target(text, trig.end, ctx)
    if not to and trig.id == "phone-call":
        later = [m for m in distinct([m for m in ms if m.start >= trig.end]) if all(m.key != s.key for s in senders)]
        to = later[:1]
    if not to and trig.id == "phone-call" and len(senders) >= 2:  # "A and B talked by phone": the first named called
        if any(m.key == senders[1].key and _asked_by(text, sent, m) for m in ms):  # "... at the request of B": B called
            return senders[1:2], senders[:1], "call-among+request"
        return senders[:1], senders[1:2], "call-among"
    if trig.id == "phone-call" and len(senders) == 1 and len(to) == 1 and _asked_by(text, sent, to[0]):
        return to, senders, rule + "+request"  # the one who asked for the call placed it
    return senders, to, rule


def _double_object(text: str, sent: Span, before: list[Mention], trig: Trigger) -> tuple[Mention, int] | None:
    """ "sent (President) Y a message": the person between the verb and the cue, and where the verb stands."""
    if not before or not _DOBJ_AFTER.match(text[before[-1].end : trig.start]):
        return None
    m = before[-1]
    verb = _DOBJ_VERB.search(text, max(sent.start, m.start - 60), m.start)
    # only the addressee's titles between verb and name ("sent DPRK leader Y"), never "sent greetings to Y"
    words = re.findall(r"[\w'’-]+", verb.group(0))[1:] if verb else []
    if verb and all(w[0].isupper() or w.lower() in title_words() for w in words):
        return m, verb.start()
    return None


def _asked_by(text: str, sent: Span, other: Mention) -> bool:
    """ "at the latter's request", "at the request of Y" (or "of the Russian side"): the call's addressee asked for it."""
    stext = text[sent.start : sent.end]
    if re.search(r"\bat the latter['’]s (?:request|initiative)\b", stext):
        return True
    side = _REQUEST_SIDE.search(stext)
    actor = load_registry().actors.get(other.actor_id or "") if side else None
    if actor and any(t.startswith(side.group(1).lower() + " ") for o in actor.offices for t in o.titles):
        return True
    m = re.search(r"\b[Aa]t the (?:request|initiative) of\s+(?:[\w'’-]+\s+){0,4}?$", text[sent.start : other.start])
    return bool(m)


def _list_after_comma(text: str, ms: list[Mention], trig: Trigger, sent: Span) -> list[Mention]:
    """ "In his message (to Y), X ...": X, the first names after the cue that are not its addressees."""
    after = [m for m in ms if m.start >= trig.end and not re.search(r"\bby\s*$", text[trig.end : m.start])]
    if after and re.search(r"\bto\b", text[trig.end : after[0].start]):
        skip = len(list_from(text, after, 0))
        keys = {m.key for m in list_from(text, after, 0)}
        if skip >= 2 and not [m for m in after[skip:] if m.key not in keys]:
            return [after[skip - 1]]  # "In a telegram to A, B expressed ...": the comma closed the addressee, B wrote
        after = [m for m in after[skip:] if m.key not in keys]
    if not after:
        return []
    return list_from(text, after, 0)


# "X replied to Y's letter", "X responded to Y's message": the verb, then the owner of the earlier message.
_REPLIED_TO = re.compile(r"\b(?:replied|responded|answered)(?:\s+to)?\s+(?:[\w'’-]+\s+){0,4}?$")


def _answered(text: str, sent: Span, trig: Trigger, ms: list[Mention], cues: Cues) -> list[Candidate]:
    """ "X replied to Y's message": Y's earlier message to X (recalled) and X's reply to Y, a `message`."""
    owner = [m for m in ms if m.end <= trig.start and _POSSESSIVE.match(text[m.end : trig.start])]
    verb = _REPLIED_TO.search(text, sent.start, owner[-1].start) if owner else None
    if not verb:
        return []
    writer = subject_of(text, [m for m in ms if m.end <= verb.start()], sent, verb.start(), cues)
    if len(writer) != 1 or writer[0].key == owner[-1].key:
        return []
    said = Trigger(verb.start(), verb.end(), verb.group(0).strip(), "reply-message", "message")
    return [Candidate(owner[-1], writer[0], trig, sent, "answered-earlier", recalled=True),
            Candidate(writer[0], owner[-1], said, sent, "answered", reply=True)]


def _recalled(text: str, sent: Span, trig: Trigger, ms: list[Mention], ctx: Context, pre: str) -> list[Candidate]:
    """ "X thanked Y for sending a message": an earlier message from Y to X, recalled here."""
    thanks = list(_THANKS.finditer(pre))[-1]
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


_SAID = re.compile(r"^\s*(?:,\s*)?(?:said|wrote|noted|stressed|added|pointed out)\b")


def note_speaker(text: str, sent: Span, ms: list[Mention], ctx: Context) -> None:
    """Remember who speaks in this sentence ("Xi said, I ..."), for "me" in quotes that follow."""
    for m in ms:
        if _SAID.match(text[m.end : m.end + 20]):
            ctx.speaker = m
            return
