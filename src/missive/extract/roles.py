"""Who sent and who received: sender and recipient of each cue, from the sentence's phrasing.

``assign`` reads one sentence: it skips cues that state no act (plans,
negations, questions, statements, things said in person or in a call), gives
each cue its own clause, hands the cue to the reader of its phrasing
(extract/phrasing, envoys, calls, answers), and fills what the sentence leaves
out (an addressee, a list that follows, "as did Z") from the page's context.
Each reading keeps the stable id of its rule, reported as evidence.
"""

from __future__ import annotations

import re

from ..model import Span
from .answers import IN_REPLY_TO, RECALL, THANKS, answered, recalled, reply_to_earlier
from .calls import SAID_IN_CALL, by_phone, names_someone
from .candidate import Candidate, Context
from .envoys import on_behalf
from .mentions import Mention
from .people import distinct, item_pairs, list_from, pair_up, subject_of
from .phrasing import IN_A_MESSAGE, IN_MESSAGE, MEETING, from_context, read_cue
from .triggers import Cues, Trigger

__all__ = ["Candidate", "Context", "assign", "note_speaker"]

_SAID_IN_PERSON = ("congratulated", "condolences-expressed")  # no medium named: a message only if nothing says they met
_ANAPHORIC = re.compile(r"(?:\b(?:the|this|that|his|her|their|its)\s+|\b(?:in|through) (?:his|her|their|the|a) (?:\w+ ){0,2})$", re.I)
_INSIDE_MESSAGE = re.compile(r"\b(?:in|through) (?:his|her|their|the|its) (?:\w+ )?(?:messages?|letters?|telegrams?)\b", re.I)
_GROUP_SENDERS = re.compile(r"\b(?:leaders|heads of (?:\w+ )?(?:states?|governments?)|personages|dignitaries)\b", re.I)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.I)
# "to" then words that name no one the page knows: the addressee is given and is not a person.
_TO_SOMEONE_ELSE = re.compile(r"\s{1,40}to\s+(?:his|her|their)\s+(?:[A-Z][a-z]+\s+)?counterparts?\b(?!,?\s+[A-Z])|\s{1,40}to\s+(?!(?:him|her|them|me|us|his|her|their|the|its|[A-Z]))[a-z]|\s{1,40}to\s+(?:the\s+)?[A-Z][a-z]+(?:ns?|ese|ian|ish|i)\s+(?:athletes|people|nation|team|workers|citizens|youth|students|women|veterans)\b")
# "congratulated the nation / the Iranian people / voters": the object of the verb is no person.
_NO_PERSON_OBJECT = re.compile(r"\s{1,40}(?:the\s+)?(?:[A-Z][a-z]+(?:ns?|ese|ian|ish|i)\s+)?(?:nation|people|peoples|country|voters|"
                               r"electorate|citizens|public|compatriots|athletes|team|workers|troops)\b")
# A sentence that names the addressees of a cue before it: "Among them were ...", "They are ...".
_LIST_INTRO = re.compile(r"(?:Among (?:them|the recipients|those) (?:were|are)|They (?:are|were|include|included)|"
                         r"(?:The|Its|Their) (?:recipients|addressees) (?:are|were|include|included)|These (?:are|were|include|included))\b")
_AS_DID = re.compile(r"(?:,\s*|(?<!\s)\s+)(?:as did|and so did|as were)\s+")  # (?<!\s): no quadratic search over spaces
_DID_THE_SAME = re.compile(r"\b(?:did|do) (?:the same|likewise|so)\b")
_LAST = re.compile(r"\b(?:last|previously)\s+$", re.I)
_BY_SEP = re.compile(r"\bby\s+(?:[A-Z][\w'’-]*\s+){0,3}$")
# "... were sent by A to B, and by C to D": the pairs follow the passive's "by" at once.
_BY_ITEMS = re.compile(r"\b(?:were|was|have been|has been|had been)\s+(?:also\s+)?(?:sent|addressed|extended|conveyed|cabled|offered|dispatched)\s+by\s+(?:[A-Z][\w'’-]*\s+){0,3}$")
_DELIVERED_TO = re.compile(r"\b(?:was|were|has been|had been)\s+(?:\w+ly\s+)?(?:handed|delivered|sent|conveyed|passed|transmitted|given)(?: over)? to\b")
_CLAUSE_CUT = re.compile(r";|,\s*(?:and|while|whereas|but)\s+(?=[A-Z])|\.\s")
# Where a sentence joins two clauses that each state an act: "; B sent ...", ", and C cabled ...".
_JOIN = re.compile(r";|,\s*(?:and|while|whereas|but)\s+(?=[A-Z])")
_GIFT_TO = re.compile(r"\b(?:flowers?|bouquets?|baskets?|gifts?|presents?|wreaths?|cakes?)\s+(?:[\w'’-]+\s+){0,4}?to\s+$", re.I)
_SAID = re.compile(r"^\s*(?:,\s*)?(?:said|wrote|noted|stressed|added|pointed out)\b")


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
    ctx.met.append({m.key for m in ms} if MEETING.search(stext) else set())
    in_person = bool(met) and all(t.id in _SAID_IN_PERSON for t in triggers)
    bounds = _own_clauses(text, sent, triggers)
    all_ms = ms
    for k, trig in enumerate(triggers):
        lo, hi = bounds[k]  # "A sent X to B, and C sent Y to D": each cue reads only the people of its own clause
        ms = [m for m in all_ms if lo <= m.start and m.end <= hi]
        trig = by_phone(text, trig, hi)  # "congratulated Y by telephone": a call
        if trig.type != "message" and trig.id not in ("congratulated",):
            ctx.last_type = trig.type
        if plan or question:
            continue
        pre = text[sent.start : trig.start]
        if trig.id in ("congratulated", "message", "congratulations-sent", "condolences-expressed", "greetings-exchanged") \
                and (statement or MEETING.search(stext)):
            continue
        if trig.id in SAID_IN_CALL and call:  # congratulations offered in a call: the call is the one event
            continue
        if k and trig.id in ("message", "letter") and triggers[k - 1].id in ("congratulated", "congratulations-sent", "wrote-to") \
                and (IN_A_MESSAGE.search(pre) or IN_MESSAGE.search(pre)) and ";" not in text[triggers[k - 1].end : trig.start]:
            continue  # "congratulated X in a separate message / in his message": the cue before already named this act
        if names_someone(text, trig):  # "called Y a friend"
            continue
        if trig.id == "message" and cues.word("figurative").search(pre):
            continue
        if trig.id == "congratulated" and MEETING.search(stext):
            continue
        if k and trig.id == "congratulated" and re.search(r"\bto\s+$", pre):
            continue  # "cabled Y to congratulate him": the purpose of the cue before, not a second act
        if trig.id == "congratulated" and _GIFT_TO.search(pre):
            continue  # "sent flowers to congratulate Y": a gift without a message
        clause = _clause(text, sent, trig)  # "A sent a letter on April 20, and B replied ...": A's letter is no reply
        reply = trig.id == "reply-message" or any(rx.search(clause) for _, rx in cues.reply)
        recall = RECALL.search(pre)
        if recall and THANKS.search(pre):
            out.extend(recalled(text, sent, trig, ms, ctx, pre))
            continue
        answer = IN_REPLY_TO.search(pre)
        if answer and out:  # "X sent a letter to Y in reply to his (Y's) letter": Y's earlier letter to X, recalled
            out.extend(reply_to_earlier(text, sent, trig, ms, out, answer))
            continue
        replied = answered(text, sent, trig, ms, cues)
        if replied:
            out.extend(replied)
            ctx.senders, ctx.recipients = [replied[1].sender], [replied[1].recipient]
            continue
        senders, recipients, rule = read_cue(text, sent, trig, ms, ctx, cues, pre)
        principal = on_behalf(text, ms, lo, hi)
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
        if not recipients and (_TO_SOMEONE_ELSE.match(text, trig.end, sent.end)
                               or trig.id == "congratulated" and _NO_PERSON_OBJECT.match(text, trig.end, sent.end)):
            ctx.senders = senders  # "sends greetings to Belarusian athletes": addressed, but to no person
            ctx.pending = (senders, trig, True)  # "... heads of state. Among them were A, B and C."
            continue
        stranger = False  # no addressee; the act told last was an exchange these senders took no part in
        if not recipients:
            last = {m.key for m in ctx.senders} & {m.key for m in ctx.recipients}
            stranger = bool(last) and not {s.key for s in senders} & {m.key for m in (*ctx.senders, *ctx.recipients)}
            recipients = from_context(senders, ctx)
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
        # "In his message, X said ..." naming no addressee: the message told just before, never a new one to whoever came last
        inside_told = "in-message" in rule and rule.endswith("+context") and stranger
        earlier = rule == "quoted-you" or rule.startswith("relative-earlier") or bool(_LAST.search(pre))
        # a co-sender is no addressee of the same act ("A and B sent a message to (Lao) General Secretary C")
        addressees = [r for r in recipients if all(r.key != s.key for s in senders)] if not rule.startswith("exchange") else []
        for s, r in pair_up(text, sent, senders, addressees or recipients, ms):
            if s.key != r.key and not (in_person and {s.key, r.key} <= met):
                out.append(Candidate(s, r, trig, sent, rule, reply and not earlier, recalled=earlier,
                                     anaphoric=anaphoric, hint=ctx.last_type,
                                     weak=bool(_DEFINITE.search(pre)) and "in-message" not in rule and not earlier and not delivered
                                     or inside_told))
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
        same = _DID_THE_SAME.search(text, trig.end, hi) if rule.startswith("exchange") and not did else None
        if same:  # "A exchanged messages with B, while C and D did the same"
            pair = subject_of(text, [m for m in ms if trig.end <= m.start and m.end <= same.start()], sent, same.start(), cues)
        if len(pair) == 2:  # "A and B exchanged messages, as did C and his counterpart D": C and D wrote to each other too
            out.extend(Candidate(a, b, trig, sent, "exchange-as-did", reply, hint=ctx.last_type)
                       for a, b in (pair, pair[::-1]) if a.key != b.key)
        if senders and recipients and rule != "quoted-you":
            ctx.senders, ctx.recipients = senders, recipients
    return out


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


def note_speaker(text: str, sent: Span, ms: list[Mention], ctx: Context) -> None:
    """Remember who speaks in this sentence ("Xi said, I ..."), for "me" in quotes that follow."""
    for m in ms:
        if _SAID.match(text[m.end : m.end + 20]):
            ctx.speaker = m
            return
