"""Korean roles: who sends and who receives, from the particles after each name.

Korean puts titles after a name and marks its role by a particle at the end of
that name-and-title phrase: "김정은 국무위원장이" (subject), "시진핑 주석에게"
(addressee), "푸틴 대통령의" (of), "X로부터" (from). A message word then reads as:

- "X가/X는 ... Y에게 [축전]을 보냈다": X -> Y (the nearest subject before the word);
- "X의 [축전]", "X가 보낸 [축전]": X's earlier message, to the other party named;
- "Y는 X로부터 [답전]을 받았다": X -> Y;
- "[축전]에서" (in the message): the message reported elsewhere, said again.
"""

from __future__ import annotations

import re

from ...model import Span
from ..mentions import Mention
from .mentions import BOTH
from .common import Cand, Context, Cue, is_negative, pairs, resolve_special
from .lexicon import Kind, Lexicon
from .names import load_cjk_names

_TOKEN = re.compile(r"[^\s,.()\[\]\"'·…]+")
_VERBISH = re.compile(r"(?:을|를|아|어|고|며|서|여|해|은|는|면)$")
# A word ending like this closes a clause or takes a particle: "X의 ... [축전]" is X's only across bare nouns.
_NOT_NOUN = re.compile(r"(?:을|를|아|어|고|며|서|여|해|은|는|면|이|가|자|게|지|에|도|과|와)$")
# A clause naming what a message answers ("...된것과 관련하여", "...에 즈음하여", "...을 맞아").
_OCCASION_CLAUSE = re.compile(r"(?:관련하여|관련해|대하여|대해|즈음하여|맞으며|맞아|계기로)\s")
_PARTICLE_END = re.compile(r"(?:을|를|은|는|이|가|에|도|과|와)$")
# A word in an adnominal form ("확정된", "축하해 준") ends a clause embedded before a noun; a
# connective "when/as" form ("선출되자", "취임하자") ends one embedded before the main verb.
_ADNOMINAL = re.compile(r"(?:된|한|던|준|진|온|인|운|되자|하자|되니|하니)$")


def _particles(lex: Lexicon) -> list[tuple[str, str]]:
    table = lex.roles["particles"]
    return sorted(((p, role) for role, ps in table.items() for p in ps), key=lambda x: -len(x[0]))


def role_of(norm: str, m: Mention, limit: int, lex: Lexicon) -> tuple[str, int]:
    """The role particle closing the phrase that starts with name ``m`` (titles skipped), and where it ends."""
    titles = ("동지", *load_cjk_names().titles["ko"])
    particles = _particles(lex)
    pos, tokens = m.end, 0
    while pos < limit and tokens < 5:
        if norm[pos] == "(":
            close = norm.find(")", pos, limit)
            pos = close + 1 if close > 0 else limit
            continue
        if norm[pos] == ",":
            return ("subject", pos + 1) if tokens <= 3 else ("none", pos)
        if norm[pos] in "·ㆍ" and tokens == 0:
            return "conj", pos + 1  # a headline's "푸틴·시진핑, ..."
        if norm[pos].isspace():
            pos += 1
            continue
        tok = _TOKEN.match(norm, pos, limit)
        if not tok:
            return "none", pos
        word = tok.group(0)
        rest, stripped = word if tokens or pos != m.end else word, False
        while True:
            t = next((t for t in titles if rest.startswith(t)), None)
            if not t:
                break
            rest, stripped = rest[len(t):], True
        rest = rest.rstrip("'\"")
        if rest == "":
            pos, tokens = tok.end(), tokens + 1
            continue
        hit = next((role for p, role in particles if rest == p), None)
        if hit and (stripped or pos == m.end or tokens == 0 or True):
            return hit, tok.end()
        if stripped or (_VERBISH.search(word) and not _title_next(norm, tok.end(), limit, titles)):
            # a title followed by other words, or a verb: the phrase has ended
            # (a word like "러시아" ends as a verb can, but a title right after it makes it a modifier)
            return "none", pos
        pos, tokens = tok.end(), tokens + 1  # a modifier (country, party) between name and title
    return "none", pos


def _title_next(norm: str, pos: int, limit: int, titles: tuple[str, ...]) -> bool:
    """The next word after ``pos`` begins with a title ("러시아 대통령과")."""
    nxt = _TOKEN.search(norm, pos, limit)
    return bool(nxt) and norm[pos : nxt.start()].isspace() and nxt.group(0).startswith(titles)


def read(norm: str, sent: Span, index: int, ms: list[Mention], cues: list[Cue], lex: Lexicon, ctx: Context) -> list[Cand]:
    """Every act the sentence states, from its cues and the roles of its names."""
    if not ms or is_negative(norm, sent, lex):
        return []
    roles = _lists([role_of(norm, m, (ms[i + 1].start if i + 1 < len(ms) else sent.end), lex) for i, m in enumerate(ms)], norm)
    if not cues:
        return _conveyed(norm, sent, index, ms, roles)
    subjects = [(m, r) for m, r in zip(ms, roles) if r[0] in ("subject", "topic")]
    speaker = subjects[0][0] if subjects else None
    out: list[Cand] = []
    genitive_of: dict[int, Mention] = {}  # cue index -> the genitive sender it took
    mutual = lex.roles["mutual"]
    for ci, cue in enumerate(cues):
        before = [(m, r) for m, r in zip(ms, roles) if m.end <= cue.start]
        sender, rule, recalled, anaphoric = None, "", False, False
        # "X의 [축전]" / "X가 보낸 [축전]" / "X의 축전과 [구두친서]"
        for m, (role, end) in reversed(before):
            gap = norm[end : cue.start]
            if role == "genitive" and len(gap) <= 14 and not any(_NOT_NOUN.search(w) for w in gap.split()):
                sender, rule, recalled = m, "genitive", True
            elif role in ("subject", "topic") and len(gap) <= 20 and lex.roles["relative"].search(gap) and \
                    not re.search(r"[을를]\s", gap):
                sender, rule, recalled = m, "relative", True
            elif role in ("subject", "topic") and len(gap) <= 60 and lex.roles["relative"].search(gap) and \
                    _OCCASION_CLAUSE.search(gap):
                # "X께서 Y가 ...선거된것과 관련하여 보내신 [축전]": Y is the occasion's subject, X wrote
                outer = [o for o, (r, _) in before if r in ("subject", "topic") and o.start < m.start and o.key != m.key]
                if outer:
                    sender, rule, recalled = outer[-1], "relative", True
            break
        link = norm[cues[ci - 1].end : cue.start] if ci else ""
        if sender is None and (ci - 1) in genitive_of and re.match(r"^\s*(?:과|와|및|,)", link) and len(link) <= 24 \
                and not any(_PARTICLE_END.search(w) for w in link.split()[1:]):
            sender, rule, recalled = genitive_of[ci - 1], "genitive-list", True
        if sender is not None:
            genitive_of[ci] = sender
        source = [m for m, r in zip(ms, roles) if r[0] == "source"]
        if sender is None and source:
            sender, rule = source[0], "received-from"
        if sender is None:
            # The nearest subject not already the sender of a message between it and this cue
            # ("시 주석은 김 위원장이 보낸 축전을 언급하며 사의를 표했다": 시 주석 thanks).
            taken = {(c.sender.start, c.cue.start) for c in out if not c.marker}
            subj = [m for m, r in before if r[0] in ("subject", "topic")
                    and not any(s0 == m.start and m.end <= c0 < cue.start for s0, c0 in taken)]
            if subj:
                sender, rule = subj[-1], "subject"
                gap = norm[sender.end : cue.start].split()
                topics = [m for m, r in before if r[0] == "topic" and m.start < sender.start]
                if dict(zip(ms, roles))[sender][0] == "subject" and topics and any(_ADNOMINAL.search(w) for w in gap[1:]):
                    sender = topics[-1]  # "X는 Y가 ... 확정된 날 축전을 보냈다": Y's clause is embedded
        if sender is None:
            continue
        if sender.name == BOTH:  # "양국 정상은 친서를 교환해": each of the page's pair wrote to the other
            if ctx.pair:
                a, b = ctx.pair
                out.append(Cand(a, b, cue, sent, index, "both-leaders", cue.kind.reply, recalled))
                if mutual.search(norm, cue.end, min(sent.end, cue.end + 12)):  # "교환했다": each wrote to the other
                    out.append(Cand(b, a, cue, sent, index, "both-leaders", cue.kind.reply, recalled))
            continue
        content = bool(lex.content_after.match(norm[cue.end : sent.end]) or lex.content_before.search(norm[sent.start : cue.start]))
        senders = resolve_special(sender, speaker if sender is not speaker else None, ctx)
        if not senders:
            continue
        recipients = _recipients(norm, ms, roles, sender, cue, rule, ctx, mutual, sent)
        if rule == "subject" and not mutual.search(norm, cue.end, min(sent.end, cue.end + 12)):
            senders = _co_senders(ms, roles, sender) + senders  # "A 대통령과 B 주석이 C에게": A and B
        if content and ctx.other(sender) and not any(r[0] == "dative" and m.end <= cue.start for m, r in zip(ms, roles)):
            recipients = [ctx.other(sender)]  # "X는 축전에서 ...": the addressee of X's message reported before
        if not recipients:
            continue
        anaphoric = content
        both = rule == "subject" and bool(mutual.search(norm, cue.end, min(sent.end, cue.end + 12)))
        for s, r in pairs(senders, recipients):
            s = s if s is not sender else sender
            out.append(Cand(s, r, cue, sent, index, rule, cue.kind.reply, recalled, anaphoric, cue.kind.marker))
            if both:
                out.append(Cand(r, s, cue, sent, index, rule + "-mutual", cue.kind.reply, recalled, anaphoric))
        if not anaphoric and not cue.kind.marker and rule in ("subject", "received-from"):
            ctx.pair = (senders[0], recipients[0])
    has_message = any(not c.marker for c in out)
    return [c for c in out if not c.marker or has_message]


# "(X가 Y께 보내는 | X의) 따뜻한 인사를 전했다": greetings an envoy passed on (done, not asked for: "전해줄것을").
_CONVEY = re.compile(r"(?:인사|안부|축원)(?:를|와|와 축하를)?(?:(?!전해\s?줄|전해\s?달|부탁)[^.?!]){0,24}?(?:전해\s?드리였|전해\s?드렸|전하였|전했|전달하였|전달했|전하며|전하면서)")
_SENDS = re.compile(r"(?:보내는|보낸|보내온|보내신)\s")


def _conveyed(norm: str, sent: Span, index: int, ms: list[Mention], roles) -> list[Cand]:
    """The principal's greetings passed on by an envoy to the one the sentence addresses: a verbal message."""
    out = []
    for conv in _CONVEY.finditer(norm, sent.start, sent.end):
        before = [(m, r) for m, r in zip(ms, roles) if m.end <= conv.start()]
        principal = None
        for m, (role, end) in reversed(before):
            gap = norm[end : conv.start()]
            if role == "genitive" and len(gap) <= 12 or role == "subject" and _SENDS.search(gap) and len(gap) <= 30:
                principal = m
                break
        if principal is None:
            continue
        to = [m for m, r in zip(ms, roles) if r[0] == "dative" and m.key != principal.key]
        if to:
            word = conv.group(0)[:2]
            cue = Cue(conv.start(), conv.start() + 2, word, CONVEYED)
            out.append(Cand(principal, to[0], cue, sent, index, "conveyed"))
    return out


CONVEYED = Kind("ko-conveyed", "verbal", re.compile("인사"))


def _lists(roles: list[tuple[str, int]], norm: str) -> list[tuple[str, int]]:
    """ "X께서 A, B, C에게": names closed by a comma that lead to an addressee are listed with it, not subjects.

    A comma after the first subject of a sentence ("김정은, 시진핑에 축전") still marks that subject.
    """
    out = list(roles)
    for i, (role, end) in enumerate(roles):
        if role != "subject" or norm[end - 1] != "," or not any(r in ("subject", "topic") and norm[e - 1] != ","
                                                                 for r, e in roles[:i]):
            continue
        k = i
        while k < len(roles) and roles[k][0] == "subject" and norm[roles[k][1] - 1] == ",":
            k += 1
        if k < len(roles) and roles[k][0] == "dative":
            out[i] = ("conj", end)
    return out


def _co_senders(ms: list[Mention], roles, sender: Mention) -> list[Mention]:
    """The names joined to the sender by 과/와/및 right before it: they send the same message."""
    i = next(j for j, m in enumerate(ms) if m is sender)
    group = []
    while i > 0 and roles[i - 1][0] == "conj":
        i -= 1
        group.insert(0, ms[i])
    return [g for g in group if g.key != sender.key]


def _recipients(norm, ms, roles, sender: Mention, cue: Cue, rule: str, ctx: Context, mutual, sent: Span) -> list[Mention]:
    """The addressees: names marked 에게/께 (with those listed before them), else the other party named."""
    if rule == "received-from":
        subj = [m for m, r in zip(ms, roles) if r[0] in ("subject", "topic") and m.key != sender.key]
        return subj[:1]
    dative = [i for i, (m, r) in enumerate(zip(ms, roles)) if r[0] == "dative" and m.start < cue.start and m.key != sender.key]
    if not dative and rule == "subject":  # a headline's "X, 축전…Y에": the addressee after the word
        dative = [i for i, (m, r) in enumerate(zip(ms, roles)) if r[0] == "dative" and m.start >= cue.end
                  and m.key != sender.key and re.fullmatch(r"[\s…·.,]*", norm[cue.end : m.start])][:1]
    if dative:
        i = dative[-1]
        group = [ms[i]]
        while i > 0 and roles[i - 1][0] == "conj":
            i -= 1
            group.insert(0, ms[i])
        return [g for g in group if g.key != sender.key]
    if rule == "subject" and mutual.search(norm, cue.end, min(sent.end, cue.end + 12)):
        partners = [m for m, r in zip(ms, roles) if r[0] == "conj" and m.key != sender.key]
        if partners:
            return partners[:1]
        if sender.name.startswith("@") and ctx.pair:
            return []
    others = [m for m in ms if m.key != sender.key and not m.name.startswith("@")]
    if rule in ("genitive", "relative", "genitive-list"):
        subj = [m for m, r in zip(ms, roles) if r[0] in ("subject", "topic") and m.key != sender.key]
        others = subj + others
    if others:
        return others[:1]
    other = ctx.other(sender)
    return [other] if other else []
