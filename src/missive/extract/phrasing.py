"""How one cue's sentence names its sender and addressee: the phrasings, tried in a fixed order.

Active ("X sent a message to Y"), passive ("... were sent to Y by X"), received
("Y received a message from X"), possessive ("X's message to Y"), "In his message,
X ...", double objects ("X sent Y a card"), exchanges and calls each have a reader
here; the first that fits gives the people and the rule id reported as evidence.
"""

from __future__ import annotations

import re

from ..model import Span
from .calls import asked_by, opening_call
from .candidate import Context
from .envoys import host, read_conveyed
from .mentions import Mention, title_words
from .people import POSSESSIVE, distinct, list_from, people_after, subject_of
from .triggers import Cues, Trigger

IN_A_MESSAGE = re.compile(r"\b(?:in|via|through|by) (?:a |an )?(?:separate |written |brief |short )?$", re.I)
MEETING = re.compile(r"\b(?:met|meets|meeting|talks with|visit\w*|banquet|reception|during (?:the|their|a) (?:\w+ )?(?:conversation|call|talks|meeting)"
                      r"|(?:at|during|in) (?:the|their|his|her|a) (?:\w+ ){0,2}(?:talks|summit|ceremony)|held talks(?! by (?:tele)?phone)|in person|face-to-face|on the sidelines)\b", re.I)
_PASSIVE_SENT = re.compile(r"\s{1,40}(?:\w+\s+){0,3}?(?:were|was|have been|has been|had been)\s+(?:also\s+)?(?:sent|addressed|dispatched|extended|conveyed|cabled|delivered)\b")
_BY = re.compile(r"\bby\b")
# "Messages sent on August 3 by X to Y": a passive without its auxiliary, read only when "by" names the sender.
_REDUCED_PASSIVE = re.compile(r"\s{1,40}(?:sent|addressed|dispatched|delivered)\s+(?:[^.;]{0,40}?\s)?(?=by\b)")
IN_MESSAGE = re.compile(r"\b(?:[Ii]n|[Tt]hrough) (?:his|her|their|the|a|its|this)\s+(?:\w+\s+){0,2}$")
_EXCHANGE = re.compile(r"\b(?:exchang\w*|trad(?:e|ed|es|ing)|swap(?:ped|s)?)\s+(?:\w+\s+){0,2}$", re.I)  # "exchanged", "traded", "swapped" messages
_EXCHANGED_BETWEEN = re.compile(r"\s{1,40}(?:were|have been|had been|was)\s+(?:also\s+)?exchanged\s+between\b")
_FROM = re.compile(r"\bfrom\b")
_IN_A_CALL = re.compile(r"\b(?:in|during|over|by) (?:a|an|the|their) (?:\w+ )?$")
_TO_WITH = re.compile(r"\b(?:to|with)\s+(?:[\w'’-]+\s+){0,3}$")
_TO = re.compile(r"\b(?:to|addressed to)\b")
_TO_OR_WITH = re.compile(r"\b(?:to|with)\b")
# "He sent ...", and a bare title as subject ("The President also sent ...") is the leader just named.
_PRONOUN_SUBJECT = re.compile(r"^(?:[A-Z]\w+,\s+)?(?:He|She|They|Their|His|Her|It|The (?:President|Prime Minister|Premier|Chairman|General Secretary|Head of State|King|Emperor)(?! of\b))\b")
_OBJ_PRONOUN = re.compile(r"\b(?:to|with) (?:him|her|me|us)\b")
# "X congratulated Y in his message": Y is the verb's object, not the one speaking in the message.
_OBJECT_OF_VERB = re.compile(r"\b(?:congratulated|thanked|wished|greeted|told|assured|informed|urged|invited|condoled)\s+(?:[\w.'’-]+\s+){0,4}$")
_SPEAKS = re.compile(r"^\s*+,?\s*+(?:(?:said|wrote|noted|stressed|added|stated)\s*+)?$")
_ME = re.compile(r"\b(?:me|us)\b")
# "X was the first to congratulate Y, sending a message": the message is the main subject's.
_PARTICIPLE = re.compile(r",\s*(?:sending|having sent|and sent|writing|in which)\s+(?:\w+\s+){0,2}$", re.I)
_YOU_SENT = re.compile(r"\b[Yy]ou\b[^.]{0,60}?\b(?:sent|wrote|extended|conveyed|addressed)\s+(?:\w+\s+){0,2}$")
_FROM_CUE = re.compile(r"^\s*(?:from|of|(?:sent|written|signed) by)\s+(?:the\s+)?$")  # "a letter sent by X"
_RELATIVE = re.compile(r"^\s+(?:that\s+|which\s+)?$")
_SENT_VERB = re.compile(r"\s{0,40}(?:had\s+|has\s+)?(?:sent|wrote|delivered|addressed|dispatched)\b")
_EACH_OTHER = re.compile(r"\beach other\s+(?:[\w'’-]+\s+){0,2}$")
_TO_EACH_OTHER = re.compile(r"(?<!\s)\s+(?:to|with) each other\b")
_THE_TWO = re.compile(r"\b(?:[Tt]he two|[Bb]oth)(?: \w+)? (?:leaders|presidents|heads of state|prime ministers|premiers|ministers|sides|men|women)\b")
_DOBJ_PRONOUN = re.compile(r"\b(?:sent|sends|send|sending|cabled|handed|wrote)\s+(?:him|her)\s+(?:a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,3}$")
_TITLE_GAP = re.compile(r"^\s*(?:[\w'’-]+\s+){0,3}$")  # "to (the Russian President) X"
_BE = re.compile(r"\b(?:was|were|been|being|is|are)\s{1,3}$")
# "sent (Brazil's president-elect,) Y(,) a message": the titles may stand in apposition, between commas
_DOBJ_VERB = re.compile(r"\b(?:sent|sends|send|sending|cabled|handed)\s+(?:[\w'’-]+,?\s+){0,4}$")
_DOBJ_AFTER = re.compile(r"^,?\s+(?:a|an|his|her|their)\s+(?:[\w'’-]+\s+){0,3}$")
_HIM = re.compile(r"[^\S\n]{1,3}(?:him|her)\b")
_TOLD = re.compile(r"^[^\S\n]{1,3}(?:\w+[^\S\n]{1,3})?(?:told|assured|informed|wished|urged)[^\S\n]{1,3}(?:[\w'’-]+[^\S\n]{1,3}){0,3}$")
_TO_BEFORE = re.compile(r"\b(?:handed|handing|delivered|delivering|passed|passing|gave|giving)(?: over)? to\s+(?:[\w'’-]+\s+){0,3}$")
_WAS_HANDED = re.compile(r"\b(?:was|were|has been|had been)\s+(?:\w+ly\s+)?(?:handed|given|passed|presented with|delivered)\s+(?:[\w'’-]+\s+){0,3}$")
_REPORTS = re.compile(r"(?<!\s)\s+(?:\w+\s+){0,2}?(?:said|says|told|tells|stated|noted|revealed|disclosed|tweeted)\b")
_CAME_FROM = re.compile(r"\b(?:came|come|arrived|poured in|flowed in)(?: in)? from\b")


def from_context(senders: list[Mention], ctx: Context) -> list[Mention]:
    """No addressee named: the other side of the last act these senders took part in, else the last addressees."""
    keys = {s.key for s in senders}
    if any(s.key in keys for s in ctx.senders):
        return ctx.recipients
    if any(r.key in keys for r in ctx.recipients):
        return ctx.senders
    return ctx.recipients


def pronoun_target(text: str, pos: int, ctx: Context) -> list[Mention]:
    """Who "to him/me" after ``pos`` stands for: the speaker for me/us, else the last addressee."""
    m = _OBJ_PRONOUN.search(text, pos, pos + 40)
    if not m:
        return []
    if _ME.search(m.group(0)):
        return [ctx.speaker] if ctx.speaker else []
    return ctx.recipients[:1] or ctx.senders[:1] or ctx.subjects[-1:]


def read_cue(text: str, sent: Span, trig: Trigger, ms: list[Mention], ctx: Context, cues: Cues, pre: str):
    """Senders, addressees and the rule that read them, for one cue of a sentence: the first phrasing that fits."""
    before = [m for m in ms if m.end <= trig.start]
    if _EXCHANGED_BETWEEN.match(text, trig.end, sent.end):  # "Messages were also exchanged between A and B"
        people = people_after(text, ms, trig.end, re.compile(r"\bbetween\b"), 80)
        return people, people, "exchange-among"
    each_other = _EACH_OTHER.search(pre) or _TO_EACH_OTHER.match(text, trig.end)  # "A and B sent each other messages"
    if _EXCHANGE.search(pre) or trig.text.lower().startswith("exchang") or each_other:
        subject = subject_of(text, before, sent, trig.start, cues)
        if not subject and _THE_TWO.search(pre) and not MEETING.search(sent.text):  # "The two leaders exchanged messages": the two just named
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
    if trig.id == "conveyed-greetings":  # the principal, never the envoy
        return read_conveyed(text, sent, trig, ms, ctx, cues)
    recv = cues.receive.search(text, max(sent.start, trig.start - 40), trig.start)
    if recv:
        senders = people_after(text, ms, trig.end, _FROM, 120)
        poss = [m for m in ms if recv.end() <= m.start and m.end <= trig.start and POSSESSIVE.match(text[m.end : trig.start])]
        receivers = subject_of(text, [m for m in before if m.end <= recv.start()], sent, recv.start(), cues)
        if not receivers and ctx.speaker and re.search(r"\bI\b|\bwe\b", text[sent.start : recv.start()]):
            receivers = [ctx.speaker]
        return senders or poss[:1], receivers, "received-from"
    passive = _PASSIVE_SENT.match(text, trig.end, sent.end) or _REDUCED_PASSIVE.match(text, trig.end, sent.end)
    if passive:  # "Messages were also sent to A, B and C (by X)": the sender named last, unless "by" says
        to = people_after(text, ms, trig.end, _TO, 60)
        if not to and (dobj := _double_object(text, sent, before, trig)):  # "handed Y a letter sent by X"
            to = [dobj[0]]
        by = [m for m in people_after(text, ms, passive.end(), _BY, 200) if all(m.key != r.key for r in to)]
        owner = [m for m in before if POSSESSIVE.match(text[m.end : trig.start])]  # "X's verbal message was conveyed to Y by Z"
        return owner[-1:] or by or list(ctx.senders), to, "passive" if owner or by else "passive+context"
    sender_from = people_after(text, ms, trig.end, _FROM_CUE, 30)
    if sender_from:  # "delivered a letter from X to Y": X wrote it, whoever carried it
        to = people_after(text, ms, sender_from[0].end, _TO, 60) or host(text, sent, ms, trig.start, sender_from, cues)
        if not to:  # "handed over to Y a letter from X", "Y was handed a letter from X"
            to = [m for m in before if m.key != sender_from[0].key and _TO_BEFORE.search(text, sent.start, m.start)][-1:]
            to = to or (subject_of(text, before, sent, trig.start, cues)[:1] if _WAS_HANDED.search(pre) else [])
        if not to and (dobj := _double_object(text, sent, before, trig)):  # "handed Y a letter from X"
            to = [dobj[0]]
        return sender_from[:1], to, "message-from"
    relative = people_after(text, ms, trig.end, _RELATIVE, 20)
    verb = _SENT_VERB.match(text, relative[0].end) if relative else None
    if verb:  # "the message X sent (to Y) on ..."; "the message X had sent him": an earlier one, recalled
        return relative[:1], people_after(text, ms, relative[0].end, _TO, 60), "relative-earlier" if "had" in verb.group(0) else "relative"
    poss = [m for m in before if POSSESSIVE.match(text[m.end : trig.start])]
    if poss:
        to = people_after(text, ms, trig.end, _TO if trig.id != "phone-call" else _TO_OR_WITH, 60)
        return poss[-1:], to or pronoun_target(text, trig.end, ctx), "possessive"  # "X's call with Y", "X's letter to Y"
    if trig.id in ("message", "letter") and IN_A_MESSAGE.search(pre) and len(distinct(before)) >= 2 and not IN_MESSAGE.search(pre[:-len(IN_A_MESSAGE.search(pre).group(0))] or "x"):
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
    opening = opening_call(text, ms, trig, pre, before)
    if opening:
        return opening
    inm = IN_MESSAGE.search(pre)
    if inm:
        at = sent.start + inm.start()
        right_before = [m for m in before if m.end <= at and _SPEAKS.match(text[m.end : at])
                        and not _OBJECT_OF_VERB.search(text, max(sent.start, m.start - 60), m.start)]
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
        him = [m for m in before if m.key not in keys and _REPORTS.match(text, m.end)][:1]  # "X said Y had sent him a letter"
        him = him or [m for m in ctx.recipients if m.key not in keys][:1] or [m for m in reversed(ctx.subjects[:-1]) if m.key not in keys][:1]
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
        # "He also sent ...": the last sender, else the one the sentence before was about ("X issued a statement. She ...")
        senders = list(ctx.senders) or (ctx.subjects[-2:-1] if not before else [])  # [-1] is this sentence's own
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
    if trig.text.lower().endswith(" to"):  # "X said Y wrote to him"
        him = him or _HIM.match(text, trig.end)
    if not to and him and not _ME.search(him.group(0)):
        # "At the request of X, Y held a conversation with him": "him" is the other one this sentence named
        to = [m for m in ms if m.end <= trig.start and all(m.key != s.key for s in senders)][:1]
    if not to:
        to = pronoun_target(text, trig.end, ctx)
    if not to and trig.id == "phone-call":
        later = [m for m in distinct([m for m in ms if m.start >= trig.end]) if all(m.key != s.key for s in senders)]
        to = later[:1]
    if not to and trig.id == "phone-call" and len(senders) >= 2:  # "A and B talked by phone": the first named called
        if any(m.key == senders[1].key and asked_by(text, sent, m) for m in ms):  # "... at the request of B": B called
            return senders[1:2], senders[:1], "call-among+request"
        return senders[:1], senders[1:2], "call-among"
    if trig.id == "phone-call" and len(senders) == 1 and len(to) == 1 and any(
            m.key == to[0].key and asked_by(text, sent, m) for m in ms):  # named again later: "... at the request of Trump"
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
    if verb and all(w[0].isupper() or w.lower().split("-")[0] in title_words() for w in words):
        return m, verb.start()
    return None


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
