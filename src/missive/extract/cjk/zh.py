"""Chinese roles: who sends and who receives, from the words between the names and the message word.

Chinese writes titles before a name and marks roles by words before it:

- "X(就…)向Y致[贺电]", "X给Y的[信]": X -> Y (向/给/致 mark the addressee);
- "X致电Y", "X回信给Y": the word is the verb, its addressee follows;
- "X同Y互致[贺电]", "X同Y通电话": a joint act (both ways for 互致);
- "转达了X致Y的[口信]", "收到X的[贺电]", "X之前寄发的[贺电]": X's message (的);
- "X在[贺电]中指出": the message quoted again.
"""

from __future__ import annotations

import re

from ...model import Span
from ..mentions import Mention
from .common import Cand, Context, Cue, is_negative, pairs, resolve_special
from .lexicon import Kind, Lexicon
from .mentions import BOTH

_ORG_WORDS = re.compile(r"共和国|和平|给予")  # hold 和/给 without marking a role


# "就X逝世/当选...": X is what the message is about, never its sender or addressee.
_ABOUT = re.compile(r"就[^,，。向给致同与和]{0,8}$")
# Words between two names of one list ("向A、B致贺电", "向A和B致贺电").
_LIST_GAP = re.compile(r"^\s*(?:、|和|及|以及)[^,，。;；向给致同与]{0,16}$")


def _gap_role(gap: str, lex: Lexicon) -> str:
    """What the words before a name make it: dative, partner, source (收到), about (就), or subject."""
    gap = _ORG_WORDS.sub("", gap)
    if _ABOUT.search(gap):
        return "about"
    best, at = "subject", -1
    for role in ("dative", "partner", "receive"):
        for m in lex.roles[role].finditer(gap):
            if m.start() > at:
                best, at = role, m.start()
    return best


def read(norm: str, sent: Span, index: int, ms: list[Mention], cues: list[Cue], lex: Lexicon, ctx: Context) -> list[Cand]:
    """Every act the sentence states, from its cues and the words around its names."""
    if not ms or is_negative(norm, sent, lex):
        return []
    if not cues:
        return _conveyed(norm, sent, index, ms)
    roles: list[str] = []
    for i, m in enumerate(ms):
        prev = ms[i - 1].end if i else sent.start
        if i and roles[-1] in ("dative", "partner") and _LIST_GAP.match(norm[prev : m.start]):
            roles.append(roles[-1])  # the next name of a list of addressees or partners
            continue
        cut = max(norm.rfind(p, prev, m.start) for p in ",，。;；")
        roles.append(_gap_role(norm[max(prev, cut + 1) if cut >= prev else prev : m.start], lex))
    out: list[Cand] = _conveyed(norm, sent, index, ms)
    for cue in cues:
        before = [(m, r) for m, r in zip(ms, roles) if m.end <= cue.start]
        after = [m for m in ms if m.start >= cue.end]
        if lex.content_after.match(norm[cue.end : sent.end]) or lex.content_before.search(_unnamed(norm, sent, ms, cue.start)):
            if before:
                s = before[-1][0]
                other = ctx.other(s)
                if other:
                    out.append(Cand(s, other, cue, sent, index, "content", cue.kind.reply, anaphoric=True))
            continue
        found = _possessive(norm, before, cue, lex, ctx, ms)
        if found:
            senders, recipients, rule = found
        else:
            senders, recipients, rule = _active(norm, before, after, cue, lex, ctx)
        speaker = next((m for m, r in before if r == "subject"), None)
        s_list = [x for s in senders for x in resolve_special(s, speaker, ctx)]
        r_list = [x for r in recipients for x in resolve_special(r, speaker, ctx)]
        lead = norm[max(sent.start, cue.start - 8) : cue.start]
        mutual = lex.roles["mutual"].search(lead[max(lead.rfind(p) for p in ",，。、") + 1 :] + norm[cue.start : cue.end])
        if any(s.name == BOTH for s in senders) and ctx.pair and mutual:
            s_list, r_list = [ctx.pair[0]], [ctx.pair[1]]
        if rule == "with" and lex.roles["requested"].search(norm, sent.start, cue.start) and len(s_list) == 1:
            s_list, r_list = r_list[:1], s_list  # "X应约同Y通电话": Y asked for the call
        for s, r in pairs(s_list, r_list):
            out.append(Cand(s, r, cue, sent, index, rule, cue.kind.reply))
            if mutual:
                out.append(Cand(r, s, cue, sent, index, rule + "-mutual", cue.kind.reply))
        if s_list and r_list:
            ctx.pair = (s_list[0], r_list[0])
    return out


def _unnamed(norm: str, sent: Span, ms: list[Mention], end: int) -> str:
    """The sentence up to ``end`` with names blanked, so a name's own character (文在寅) reads as no word."""
    chars = list(norm[sent.start : end])
    for m in ms:
        for i in range(max(m.start, sent.start), min(m.end, end)):
            chars[i - sent.start] = "人"
    return "".join(chars)


def _possessive(norm: str, before, cue: Cue, lex: Lexicon, ctx: Context, ms: list[Mention]):
    """ "X致Y的[口信]" -> X, Y; "(收到)X的[贺电]" -> X and the one who received it."""
    if not before:
        return None
    last, role = before[-1]
    gap = norm[last.end : cue.start]
    if not re.fullmatch(r"[^,，。;；]{0,12}的", gap):
        return None
    if len(before) >= 2 and role == "dative":
        prev = before[-2][0]
        if re.search(r"(?:致|给)[^,，。]{0,12}$", norm[prev.end : last.start]):
            return [prev], [last], "possessive-to"
    receivers = [m for m, r in before[:-1] if r == "subject"]
    if role == "receive" and receivers:
        return [last], receivers[:1], "received"
    others = [m for m in ms if m.key != last.key]
    if others:
        return [last], others[:1], "possessive"
    other = ctx.other(last)
    return ([last], [other], "possessive+context") if other else None


def _active(norm: str, before, after: list[Mention], cue: Cue, lex: Lexicon, ctx: Context):
    """ "X(向Y)致[贺电]", "X同Y互致[贺电]", "X[致电]Y": the subject, the addressees or partners."""
    subjects = [m for m, r in before if r == "subject"]
    sender = subjects[-1] if subjects else None
    if sender is None:
        return [], [], "active"
    dative = [m for m, r in before if r == "dative" and m.start > sender.start]
    partner = [m for m, r in before if r == "partner" and m.start > sender.start]
    if dative:
        return [sender], dative, "active"
    if partner:
        # "X同A、B互致贺电": every partner of a list; one partner otherwise.
        return [sender], (partner if len(partner) > 1 and lex.roles["mutual"].search(norm, partner[0].end, cue.end) else partner[:1]), "with"
    if after and (cue.kind.verb or re.match(r"^[^,，。]{0,3}(?:给|致)", norm[cue.end : after[0].start])):
        gap = norm[cue.end : after[0].start]
        if len(gap) <= 20 and not re.search(r"[,，。]", gap):
            return [sender], [after[0]], "verb-object"
    others = [m for m, r in before if m.key != sender.key] + [m for m in after if m.key != sender.key]
    if others:
        return [sender], others[:1], "other-named"
    other = ctx.other(sender)
    return ([sender], [other], "active+context") if other else ([sender], [], "active")


_CONVEY = re.compile(r"转达(?:了)?")
_GREETING = re.compile(r"[^,，。;；]{0,16}?(?:问候|致意|口信|祝愿|祝福)")


def _conveyed(norm: str, sent: Span, index: int, ms: list[Mention]) -> list[Cand]:
    """ "转达了X对Y的亲切问候": X's verbal message to Y, passed on by the envoy who says it."""
    out = []
    for conv in _CONVEY.finditer(norm, sent.start, sent.end):
        after = [m for m in ms if m.start >= conv.end()]
        if len(after) < 2 or not re.fullmatch(r"[^,，。]{0,12}", norm[conv.end() : after[0].start]):
            continue
        s, r = after[0], after[1]
        if not re.fullmatch(r"[^,，。]{0,10}(?:对|向|给|致)[^,，。]{0,10}", norm[s.end : r.start]) or s.key == r.key:
            continue
        word = _GREETING.match(norm, r.end, sent.end)
        if word:
            cue = Cue(word.end() - 2, word.end(), norm[word.end() - 2 : word.end()], CONVEYED)
            out.append(Cand(s, r, cue, sent, index, "conveyed"))
    return out


CONVEYED = Kind("zh-conveyed", "verbal", re.compile("转达"))
