"""extract_reports_cjk: a Chinese or Korean Document -> [Report], names in their usual English form.

normalise -> sentences -> mentions -> cues -> roles (zh.py / ko.py) -> type,
occasion, date -> reply marks -> dedupe -> Reports with evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from ...model import ActorRef, Document, Evidence, Occasion, PartialDate, Report, Span
from ..merge import alive
from ..mentions import Mention
from ..registry import Registry, load_registry
from . import ko, zh
from .common import Cand, Context, find_cues
from .dates import DatePhrase, OccasionFound, PageTime, find_dates, first_anchor, has_last_month, occasion_in
from .lexicon import Lexicon, load_lexicon
from .mentions import find_mentions
from .names import load_cjk_names
from .text import article_end, normalize, split_sentences

_READERS = {"zh": zh.read, "ko": ko.read}
_DEFAULT_OCCASION = {"condolence": "condolence", "thanks": "thanks", "letter": "other", "congratulatory": "other"}


@dataclass
class Reading:
    """A candidate with type, occasion and date fixed."""

    cand: Cand
    type: str
    occasion: Occasion
    occ_at: tuple[Span, int, int] | None
    date: PartialDate | None
    date_at: tuple[Span, DatePhrase] | None
    explicit: bool
    basis: str
    reply: bool


@dataclass
class _Page:
    norm: str
    lex: Lexicon
    registry: Registry
    sents: list[Span]
    mentions: list[list[Mention]]
    time: PageTime
    dated: dict[int, PartialDate | None]  # date phrase start -> its completed date
    ref_day: dt.date | None

    def born_at(self, pos: int) -> dt.date | None:
        best = None
        for ms in self.mentions:
            for m in ms:
                if m.end <= pos and m.actor_id and pos - m.end < 40:
                    best = m
        actor = self.registry.actors.get(best.actor_id) if best else None
        return actor.born if actor else None


def extract_reports_cjk(doc: Document) -> list[Report]:
    """Every act of correspondence a Chinese or Korean page states, one Report each, sorted."""
    language = "zh" if doc.language.startswith("zh") else "ko"
    lex, registry = load_lexicon(language), load_registry()
    norm = normalize(doc.text, language)
    sents = split_sentences(norm, language, article_end(norm, lex.stop))
    seen: dict[str, str] = {}
    mentions = [find_mentions(norm, s.start, s.end, registry, language, seen) for s in sents]
    page = _Page(norm, lex, registry, sents, mentions, PageTime(None, None, False), {}, None)
    published = doc.published.date if doc.published and doc.published.date.precision == "day" else None
    page.time = PageTime(published.to_date() if published else None, first_anchor(norm, sents, lex, page.born_at),
                         has_last_month(norm, sents, lex))
    _date_page(page)
    page.mentions = [[m for m in ms if _role_holds(m, page, registry)] for ms in page.mentions]
    ctx = Context()
    cands: list[Cand] = []
    answered: list[tuple[int, str | None]] = []  # (sentence, subject) of sentences saying a message was a reply
    for i, s in enumerate(sents):
        found = _READERS[language](norm, s, i, page.mentions[i], find_cues(norm, s, lex), lex, ctx)
        said = next((m for _, rx in lex.reply_markers if (m := rx.search(norm, s.start, s.end))), None)
        if said:
            # "X's letter was a reply": X named before the words, else the last sender the page named.
            named = [m for m in page.mentions[i] if m.end <= said.start()]
            last = [c for c in cands if not c.recalled and not c.anaphoric]
            subject = named[0].key if named else (last[-1].sender.key if last else None)
            answered.append((i, subject))
            for c in found:
                if c.sender.key != subject:
                    c.recalled = True
        ctx.note(found)
        cands.extend(found)
    readings = [_read(page, c) for c in cands]
    readings = _marks(readings, answered)
    readings = [r for r in readings if alive(r, registry)]
    return sorted((_report(doc, r) for r in _dedupe(readings)), key=_order)


_SAME_DAY = re.compile(r"\s{0,40}(?:同日|同一天|当天|같은\s?날|이날)")

# A role phrase ("朝鲜最高领导人") names its holder only from a little before the first office the registry gives.
_ROLE_LEAD = dt.timedelta(days=180)


def _role_holds(m: Mention, page: _Page, registry: Registry) -> bool:
    """A role phrase names the registry's holder only on a page dated inside the holder's time in office."""
    if m.source != "name" or m.text not in load_cjk_names().roles[page.lex.language]:
        return True
    on = page.time.published or (page.time.anchor.implied if page.time.anchor else None)
    actor = registry.actors.get(m.actor_id or "")
    if on is None or actor is None:
        return True
    starts = [o.start for o in actor.offices]
    return actor.alive_on(on) and (not starts or on >= min(starts) - _ROLE_LEAD)


def _date_page(page: _Page) -> None:
    """Complete every date phrase of the page in order ("当天" is the date before it)."""
    previous = None
    for s in page.sents:
        for d in find_dates(page.norm, s.start, s.end, page.lex):
            value = page.time.complete(d, previous)
            page.dated[d.start] = value
            if value is not None:
                previous = value
            if d.report and value and value.precision == "day" and page.ref_day is None and page.time.published:
                gap = (page.time.published - value.to_date()).days
                if 0 <= gap <= 3:
                    page.ref_day = value.to_date()  # a dateline: the day the news was filed
    if page.ref_day is None:
        page.ref_day = page.time.published


def _window(page: _Page, c: Cand) -> tuple[int, int]:
    """The part of the sentence that belongs to this cue: from the cue before it to the cue after it."""
    cues = sorted({(x.start, x.end) for x in find_cues(page.norm, c.sent, page.lex)})
    start = max([e for s, e in cues if e <= c.cue.start], default=c.sent.start)
    end = min([s for s, e in cues if s >= c.cue.end], default=c.sent.end)
    return start, end


def _type(page: _Page, c: Cand) -> str:
    if c.cue.kind.type != "message" or c.cue.kind.reply:
        return c.cue.kind.type
    for qtype, rx in page.lex.qualifiers:
        if rx.search(page.norm[c.cue.end : c.sent.end]):
            return qtype
    return "message"


def _occasion(page: _Page, c: Cand, typ: str) -> tuple[OccasionFound | None, Span | None]:
    lo, hi = _window(page, c)
    found = occasion_in(page.norm, lo, hi, page.lex, page.born_at)
    if found and not (found.occasion.kind == "thanks" and typ != "thanks"):
        return found, c.sent
    if c.recalled or c.rule == "conveyed":  # greetings passed on at a meeting answer no occasion of their own
        return None, None
    sents = page.sents
    near = [j for j in range(c.index + 1, min(c.index + 4, len(sents)))]
    for j in near:  # the sentences that go on about the sender's message
        ms = page.mentions[j]
        if ms and ms[0].key == c.sender.key:
            f = occasion_in(page.norm, sents[j].start, sents[j].end, page.lex, page.born_at)
            if f and f.occasion.kind != "thanks":
                return f, sents[j]
    # "同日，…互致贺电" / "같은 날 …": a round-up's next act shares the occasion of the acts before it.
    back = 8 if _SAME_DAY.match(page.norm, c.sent.start) else 3
    for j in [*near, *range(c.index - 1, max(-1, c.index - 1 - back), -1)]:
        f = occasion_in(page.norm, sents[j].start, sents[j].end, page.lex, page.born_at)
        if f and f.occasion.anniversary is not None:
            return f, sents[j]
    return None, None


def _read(page: _Page, c: Cand) -> Reading:
    typ = _type(page, c)
    found, occ_sent = _occasion(page, c, typ)
    if c.reply:
        occ = Occasion("thanks", None, "a reply to an earlier message")
    elif found:
        occ = found.occasion
    else:
        occ = Occasion(_DEFAULT_OCCASION.get(typ, "none"))
    occ_at = (occ_sent, found.start, found.end) if found and occ_sent else None
    date, explicit, basis, at = _pick_date(page, c)
    if date is None:
        date, basis = _fallback(page, c, found)
    return Reading(c, typ, occ, occ_at, date, at, explicit, basis, c.reply)


def _pick_date(page: _Page, c: Cand):
    """The date the sentence gives this act: in its own part of the sentence, else anywhere in it; report days last."""
    lo, hi = _window(page, c)
    phrases = [d for d in find_dates(page.norm, c.sent.start, c.sent.end, page.lex) if page.dated.get(d.start)]
    own = [d for d in phrases if lo <= d.start < hi and not d.report]
    if c.recalled:
        own = [d for d in own if d.end <= c.cue.start] or own
        choice = own[-1:] if own else []
    else:
        nearest = [d for d in own if d.end <= c.cue.start][-1:] or own[:1]
        choice = nearest or [d for d in phrases if not d.report][:1] or [d for d in phrases if d.report][:1]
    if not choice:
        return None, False, "sent", None
    d = choice[0]
    return page.dated[d.start], not d.report, "published" if d.report else "sent", (c.sent, d)


def _fallback(page: _Page, c: Cand, found: OccasionFound | None) -> tuple[PartialDate | None, str]:
    """No date for this act: news takes the page's day; an earlier message the occasion's month; else the year."""
    t = page.time
    implied = found.implied if found else None
    own = None
    if implied:
        own = PartialDate(implied.year) if found.precision == "year" else PartialDate(implied.year, implied.month)
    if c.recalled:
        if own:
            return own, "sent"
        if t.published:
            return PartialDate(t.published.year, t.published.month), "sent"
        return (PartialDate(t.year) if t.year else None), "sent"
    if c.rule == "conveyed":
        met = _meeting_day(page, c.index)
        if met:
            return met, "sent"
    if page.ref_day:
        return PartialDate.from_date(page.ref_day), "published"
    if own:
        return own, "sent"
    if t.last_month_cue and t.month:
        return PartialDate(*t.month), "sent"
    return (PartialDate(t.year) if t.year else None), "sent"


def _meeting_day(page: _Page, index: int) -> PartialDate | None:
    """The day of the meeting told just before greetings passed on at it: the last day the two sentences before give."""
    for j in range(index - 1, max(-1, index - 3), -1):
        s = page.sents[j]
        days = [page.dated[d.start] for d in find_dates(page.norm, s.start, s.end, page.lex)
                if not d.report and page.dated.get(d.start) and page.dated[d.start].precision == "day"]
        if days:
            return days[-1]
    return None


def _marks(readings: list[Reading], answered: list[tuple[int, str | None]]) -> list[Reading]:
    """Thanks said in a sentence marks the sender's message as a reply; a sentence can call a message a reply."""
    out = [r for r in readings if not r.cand.marker]
    for mk in (r for r in readings if r.cand.marker):
        same = [r for r in out if r.cand.sender.key == mk.cand.sender.key and r.cand.recipient.key == mk.cand.recipient.key
                and not r.cand.recalled]
        if same:
            for r in same:
                r.reply, r.occasion = True, Occasion("thanks", None, "thanks for an earlier message")
        else:
            mk.reply, mk.occasion, mk.type = True, Occasion("thanks", None, "thanks for an earlier message"), "thanks"
            out.append(mk)
    for index, subject in answered:
        earlier = [r for r in out if r.cand.sender.key == subject and r.cand.index <= index and not r.cand.recalled]
        for r in earlier[-1:]:
            r.reply, r.occasion = True, Occasion("thanks", None, "a reply to an earlier message")
    return out


def _close(a: Reading, b: Reading) -> bool:
    if not (a.explicit and b.explicit) or a.date is None or b.date is None:
        return True
    if a.date.precision == "day" and b.date.precision == "day":
        return abs((a.date.to_date() - b.date.to_date()).days) <= 1
    return a.date.iso()[:7] == b.date.iso()[:7] or (a.date.year == b.date.year and "year" in (a.date.precision, b.date.precision))


def _dedupe(readings: list[Reading]) -> list[Reading]:
    """One act said several times on a page is one report; a message quoted again joins the act it quotes."""
    groups: list[list[Reading]] = []
    order = sorted(readings, key=lambda r: (r.cand.anaphoric, not r.explicit, r.cand.sent.start))
    for r in order:
        for g in groups:
            h = g[0]
            if (h.cand.sender.key, h.cand.recipient.key) != (r.cand.sender.key, r.cand.recipient.key):
                continue
            types_ok = h.type == r.type or "message" in (h.type, r.type) and not (h.reply != r.reply) or r.cand.anaphoric
            if types_ok and all(_close(x, r) for x in g):
                g.append(r)
                break
        else:
            groups.append([r])
    merged = []
    for g in groups:
        real = [r for r in g if not r.cand.anaphoric]
        if not real:
            continue
        best = max(real, key=lambda r: (r.type != "message", not r.cand.recalled, -r.cand.sent.start))
        dated = max(g, key=lambda r: (r.explicit, r.date is not None and r.date.precision == "day", r.date is not None))
        occ = max(g, key=lambda r: (r.occasion.kind not in ("none", "other"), r.occasion.anniversary is not None, r is best))
        reply = any(r.reply for r in g)
        if reply:
            occ = next(r for r in g if r.reply)
        merged.append(replace(best, date=dated.date, date_at=dated.date_at, explicit=dated.explicit, basis=dated.basis,
                              occasion=occ.occasion, occ_at=occ.occ_at, reply=reply))
    return merged


def _span(doc: Document, start: int, end: int) -> Span:
    return Span(start, end, doc.text[start:end])


def _actor(m: Mention) -> ActorRef:
    return ActorRef(name=m.name, kind="person", actor_id=m.actor_id, titles=m.titles, mention=m.text)


def _report(doc: Document, r: Reading) -> Report:
    c = r.cand
    sent = _span(doc, c.sent.start, c.sent.end)
    cue = _span(doc, c.cue.start, c.cue.end)
    ev = [
        Evidence("sender", sent, _span(doc, c.sender.start, c.sender.end), c.rule),
        Evidence("recipient", sent, _span(doc, c.recipient.start, c.recipient.end), c.rule),
        Evidence("type", sent, cue, c.cue.kind.id),
    ]
    if r.date_at:
        s, d = r.date_at
        ev.append(Evidence("date", _span(doc, s.start, s.end), _span(doc, d.start, d.end), "date-reported" if d.report else "date-stated"))
    elif r.date is not None:
        ev.append(Evidence("date", sent, cue, f"date-{r.basis}"))
    if r.occ_at:
        s, a, b = r.occ_at
        ev.append(Evidence("occasion", _span(doc, s.start, s.end), _span(doc, a, b), f"occasion-{r.occasion.kind}"))
    if r.reply:
        ev.append(Evidence("reply", sent, cue, "reply"))
    return Report(
        doc=doc.url or doc.source,
        page_hash=doc.page_hash,
        sender=_actor(c.sender),
        recipient=_actor(c.recipient),
        type=r.type,
        date=r.date,
        occasion=r.occasion,
        reply=r.reply,
        date_basis=r.basis,
        language=doc.language,
        evidence=tuple(ev),
        rule=c.rule,
        outlet=doc.outlet,
        published=doc.published.date if doc.published else None,
    )


def _order(r: Report) -> tuple:
    return (r.date.iso() if r.date else "", r.sender.name, r.recipient.name, r.type, r.evidence[0].span.start)
