"""extract_reports: Document -> [Report], by small steps over the page's sentences.

sentences -> mentions -> cues -> roles -> type -> occasion -> date -> dedupe -> evidence.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import ActorRef, Document, Evidence, Occasion, PartialDate, Report, Span
from .dates import DateExpr, complete, find_act_dates
from .mentions import Mention, find_mentions
from .merge import Reading, alive, apply_reply_markers, dedupe, fold_into_calls
from .occasions import Found, anniversary_in, check_number, election_year, event_day, event_year, occasion_in
from .layout import headline, link_line, list_items, teasers
from .pagedate import article_part, body_year, find_dateline
from .registry import Registry, load_registry
from .roles import Candidate, Context, assign, note_speaker
from .sentences import split_sentences
from .triggers import Cues, find_triggers, load_cues

_DEATH = re.compile(r"\b(?:death|demise|passing|loss) of (?:(?:former \w+ (?:leader|president)|Comrade|the late) )?(?P<a>[A-Z][\w-]+(?: [A-Z][\w-]+){0,3})|(?P<b>[A-Z][\w-]{1,40})['’]s? (?:death|demise|passing)")
_DEFAULT_OCCASION = {"condolence": "condolence", "thanks": "thanks", "letter": "other"}
_CONGRATULATING = re.compile(r"[^.;]{0,100}?, congratulating\b")


def _page_dates(doc: Document, text: str) -> tuple[dt.date | None, tuple[int, int, int] | None]:
    published = doc.published.date if doc.published and doc.published.date.precision == "day" else None
    # The page's own full date is the clean stage's (doc.published); extract adds only the yearless dateline.
    return (published.to_date() if published else None), find_dateline(text)


def _text_year(text: str, dateline: tuple[int, int] | None) -> int | None:
    """For a page with no dated header: the one year its text names, else the year of the known event it names."""
    return body_year(text, dateline) or event_year(text, dateline)


def _anchor(text: str, sents: list[Span]) -> Found | None:
    """The first occasion on the page that implies a date (a numbered anniversary, a congress)."""
    for s in sents:
        found = occasion_in(text, s.start, s.end)
        if found and found.implied:
            return found
    return None


def _page_death(text: str, sents: list[Span], registry: Registry) -> dt.date | None:
    for s in sents:
        day = _death_date(text, s, registry)
        if day:
            return day
    return None


# A sentence that goes on about the message just named and says when it went: its date is the message's.
_DELIVERED = re.compile(
    r"(?:It|The (?:\w+ )?(?:message|letter|telegram|greetings|card|reply))\b(?:[^.;]{0,80}?\b(?:was|were) "
    r"(?:\w+ly )?(?:delivered|handed|sent|conveyed|received|dispatched|passed|transmitted)\b|,? (?:which was |was )?dated\b)"
)
_HOSTED = re.compile(r"\b(?:received|met|meets|meeting|welcomed)\b")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


#: Languages this stage reads; "und" (too little text to tell) is read as English.
READ_LANGUAGES = frozenset({"en", "zh", "ko", "und", ""})


def extract_reports(doc: Document) -> list[Report]:
    """Every act of correspondence the page states, one Report each, sorted.

    Pages in languages without rules here (Russian, French, ...) are kept by
    the store and marked with their language, never read with English rules.
    """
    if doc.language not in READ_LANGUAGES:
        return []
    if doc.language in ("zh", "ko"):  # Chinese and Korean pages have their own reader (extract/cjk)
        from .cjk import extract_reports_cjk

        return extract_reports_cjk(doc)
    # Curly apostrophes become straight ones, one character for one, so offsets still hold.
    text = article_part(doc.text).translate(_QUOTES)
    language = doc.language if doc.language not in ("und", "") else "en"
    registry, cues = load_registry(), load_cues("en")
    sents = split_sentences(text, language)
    cues_in = [find_triggers(text, sent.start, sent.end, cues) for sent in sents]
    if not any(cues_in):
        return []  # no cue in any sentence, so no act to read (most pages a general crawl lets through)
    page, dateline = _page_dates(doc, doc.text)
    anchor = _anchor(text, sents)
    death = _page_death(text, sents, registry) or event_day(text)  # a condolence dates from a death or a known disaster
    dates = _PageDates(page, dateline[1:] if dateline else None, anchor, death, None if page else _text_year(text, dateline[1:] if dateline else None),
                       _lede_weekday(text, sents, dateline[0]) if dateline and page is None else None)
    ref = dates.ref(anchor.implied if anchor else None)
    ctx, seen = Context(), {}
    readings: list[Reading] = []
    mentions_of: dict[int, list[Mention]] = {}
    for i, sent in enumerate(sents):
        mentions_of[i] = find_mentions(text, sent.start, sent.end, registry, ref or (anchor.implied if anchor else None), seen)
    teased = teasers(text, sents, mentions_of)
    for i, sent in enumerate(sents):
        ms = mentions_of[i]
        note_speaker(text, sent, ms, ctx)
        trigs = [] if i in teased or i and link_line(text, sent) else cues_in[i]
        for cand in assign(text, sent, trigs, ms, ctx, cues, list_items(text, sents, i, mentions_of)):
            reading = _read(text, sents, i, cand, cues, registry, dates, mentions_of, teased)
            reading.headline = headline(text, sent)
            readings.append(reading)
    readings = apply_reply_markers(readings)
    readings = fold_into_calls(readings)
    readings = [r for r in readings if alive(r, registry)]
    named = {(r.cand.sender.key, r.cand.recipient.key) for r in readings if not r.cand.weak}
    readings = [r for r in readings if not r.cand.weak or (r.cand.sender.key, r.cand.recipient.key) in named]
    return sorted((_report(doc, r) for r in dedupe(readings)), key=_order)


@dataclass
class _PageDates:
    """What the page says about its own date: publication day, dateline month/day, occasions."""

    page: dt.date | None
    dateline: tuple[int, int] | None
    anchor: Found | None
    death: dt.date | None
    year: int | None = None  # the one year the article's text names, for a page with no dated header
    lede_weekday: int | None = None  # on a page with no date: the weekday its dateline sentence names ("MOSCOW, March 18 ... on Monday")

    def ref(self, implied: dt.date | None) -> dt.date | None:
        """The day the page reports from: the dateline's day in the page's (or occasion's) year."""
        year = self.page.year if self.page else (implied.year if implied else self.year)
        if self.dateline and year:
            try:
                dl = dt.date(year, *self.dateline)
            except ValueError:
                dl = None
            if dl and (self.page is None or dt.timedelta(0) <= self.page - dl <= dt.timedelta(days=3)):
                return dl
        return self.page


_SAME_OCCASION = re.compile(r"\bon the same occasion\b")


def _type(text: str, cand: Candidate, cues: Cues) -> str:
    if cand.trigger.id in ("ellipsis", "similar-passive", "similar-came"):  # "... while Z sent hers to W", "Similar cards were sent to": the kind just named
        return cand.hint or "message"
    if cand.trigger.id == "letter" and _CONGRATULATING.match(text, cand.trigger.end, min(cand.sentence.end, cand.trigger.end + 120)):
        return "congratulatory"  # "sent a letter to X, congratulating him on ...": a congratulatory letter
    if cand.trigger.id not in ("message", "cabled"):
        return cand.trigger.type
    clause = text[cand.trigger.end : min(cand.sentence.end, cand.trigger.end + 120)]
    if cand.rule == "in-a-message":  # "X thanked Y in a message": the verb before the cue names the kind
        clause = text[cand.sentence.start : cand.trigger.start] + " " + clause
    for _, qtype, rx in cues.qualifiers:
        if rx.search(clause):
            return qtype
    # "also exchanged messages", "exchanged messages on the same occasion": the kind just named
    also = re.search(r"\balso\b", text[cand.sentence.start : cand.trigger.start]) or _SAME_OCCASION.search(
        text, cand.trigger.end, cand.sentence.end)
    if cand.hint and (cand.rule.endswith("+context") or cand.anaphoric or also):
        return cand.hint
    return "message"


# An anniversary named near a message but falling this far from the page's day is what the message talks
# about ("2024 marks the 75th anniversary of ties" in New Year greetings), not what it marks.
_ANNIVERSARY_DRIFT = dt.timedelta(days=60)


def _occasion(text: str, sents: list[Span], i: int, cand: Candidate, typ: str, born: dt.date | None, reply: bool,
              teasers: frozenset[int] = frozenset(), page: dt.date | None = None):
    sent = sents[i]
    if reply:  # a reply that thanks, here or in the next sentences, answers with thanks
        for j in range(i, min(i + 5, len(sents))):
            if load_cues("en").word("thanks").search(text, sents[j].start, sents[j].end):
                return Found(Occasion("thanks", None, "thanks for an earlier message"), sents[j].start, sents[j].end), sents[j]
    found = occasion_in(text, sent.start, sent.end, born)
    if found and not (found.occasion.kind == "thanks" and not reply and typ != "thanks"):
        return found, sent
    # Neighbouring sentences, but no link lines: a related headline's occasion is another article's.
    window = [j for j in (*range(i + 1, min(i + 9, len(sents))), *range(i - 1, -1, -1)) if not (j and link_line(text, sents[j])) and j not in teasers]
    def far(f: Found) -> bool:
        return f.occasion.kind == "anniversary" and bool(f.implied and page and abs(f.implied - page) > _ANNIVERSARY_DRIFT)

    for j in window:  # a numbered anniversary or birthday anywhere near the message
        f = anniversary_in(text, sents[j].start, sents[j].end, born)
        if f and not far(f):
            return f, sents[j]
    for j in window:
        f = occasion_in(text, sents[j].start, sents[j].end, born)
        if f and f.occasion.kind not in ("victory", "thanks", "congress") and not far(f):
            return f, sents[j]
    return None, None


def _death_date(text: str, sent: Span, registry: Registry) -> dt.date | None:
    for m in _DEATH.finditer(text, sent.start, sent.end):
        actor = registry.resolve(m.group("a") or m.group("b"))
        if actor and actor.died:
            return actor.died
    return None


def _read(text, sents, i, cand: Candidate, cues, registry: Registry, dates: _PageDates, mentions_of,
          teasers: frozenset[int] = frozenset()) -> Reading:
    sent = sents[i]
    typ = _type(text, cand, cues)
    recipient = registry.actors.get(cand.recipient.actor_id or "")
    born = recipient.born if recipient else None
    found, occ_sent = _occasion(text, sents, i, cand, typ, born, cand.reply, teasers, dates.page)
    if found:
        occ = found.occasion
        occ_span = (occ_sent, Span(found.start, found.end, text[found.start : found.end]))
    elif "invitation" in cand.trigger.text.lower():  # "conveyed X's invitation to visit"
        occ = Occasion("other", None, "invitation")
        occ_span = None
    elif typ == "letter" and not any(cues.word("summit").search(text, sents[j].start, sents[j].end) for j in range(max(0, i - 3), min(i + 4, len(sents)))):
        occ = Occasion("none", None, "current affairs")  # a letter about current affairs or negotiations
        occ_span = None
    else:
        occ = Occasion(_DEFAULT_OCCASION.get(typ, "none"))
        occ_span = None
    implied = found.implied if found else None
    if implied is None and occ.kind == "election" and recipient and dates.page is None and dates.dateline:
        # A yearless dateline over a message on a known election: the year of the election it follows.
        weekday = _stated_weekday(text, sent)
        year = election_year(recipient.id, *dates.dateline) or election_year(
            recipient.id, *dates.dateline, weekday=dates.lede_weekday if weekday is None else weekday)
        implied = dt.date(year, *dates.dateline) if year else None
        if year and dates.year is None:
            dates.year = year  # the dateline's year, once pinned, holds for the page's other messages (a round-up)
    death = _death_date(text, sent, registry) or (dates.death if occ.kind == "condolence" else None)
    own_anchor = implied or death or (dates.anchor.implied if dates.anchor else None)
    ref = dates.ref(implied or (dates.anchor.implied if dates.anchor else None))
    date, explicit, basis, dspan = None, False, "sent", None
    for pick, pick_sent in _pick_dates(text, sents, i, cand, mentions_of):
        if pick.offset is not None:  # "the following day": counted from the day stated just before
            date = complete(pick, ref, _day_before(text, sents, i, pick.start, ref, own_anchor))
        else:
            # "On the same day": the day stated last before it, else a death the sentence names.
            same = (_day_before(text, sents, i, pick.start, ref, own_anchor) or death) if pick.same_day else None
            date = complete(pick, ref, same if pick.same_day else own_anchor)
            if date is None and dates.year and pick.month:  # "on July 11" on a page whose text names one year
                date = PartialDate(pick.year or dates.year, pick.month, pick.day)
        if date is not None and ref is not None and date.to_date() > ref + dt.timedelta(days=1):
            date = None  # a date after the page's own is a plan ("would take place on June 12"), not this act's
            continue
        explicit = date is not None
        dspan = (pick_sent, Span(pick.start, pick.end, pick.text))
        if "received" in pick.text:
            basis = "received"
        break
    if date is None:
        date, basis = _fallback_date(cand, found, occ, ref, own_anchor, dates, text, occ_sent or sent, recipient)
    if date is not None and found:
        occ = check_number(found, date.year)
    if cand.rule.startswith("conveyed"):
        basis = "conveyed"
    return Reading(cand, typ, occ, occ_span, date, dspan, explicit, basis, cand.reply)


def _lede_weekday(text: str, sents: list[Span], at: int) -> int | None:
    """The weekday named in the dateline's sentence or the one after it (the splitter may end one at "March 18.")."""
    for i, s in enumerate(sents):
        if s.start <= at < s.end:
            here = _stated_weekday(text, s)
            return here if here is not None or i + 1 == len(sents) else _stated_weekday(text, sents[i + 1])
    return None


def _stated_weekday(text: str, sent: Span) -> int | None:
    """The one weekday the sentence names ("on Monday"), taken as the dateline's day; None if none or several."""
    days = {e.weekday for e in find_act_dates(text, sent.start, sent.end) if e.weekday is not None and e.offset is None}
    return days.pop() if len(days) == 1 else None


def _day_before(text, sents, i, pos: int, ref, anchor, depth: int = 0) -> dt.date | None:
    """The day stated last before ``pos`` (this sentence or the three before): what "the following day" counts from."""
    for j in range(i, max(-1, i - 4), -1):
        exprs = [e for e in find_act_dates(text, sents[j].start, sents[j].end) if e.end <= pos and not e.same_day]
        for e in reversed(exprs):
            if e.offset is not None:
                base = _day_before(text, sents, j, e.start, ref, anchor, depth + 1) if depth < 3 else None
                day = complete(e, ref, base)
            else:
                day = complete(e, ref, anchor)
            if day is not None and day.precision == "day":
                return day.to_date()
    return None


def _pick_dates(text, sents, i, cand: Candidate, mentions_of) -> list[tuple[DateExpr, Span]]:
    """The date phrases that may date this act, best first: after the cue, before it, in the lede naming the sender."""
    if cand.rule in ("quoted-you", "answered-earlier"):  # the sentence's dates are the quoting (or answering) message's, not the recalled one's
        return []
    sent = sents[i]
    exprs = find_act_dates(text, sent.start, cand.until or sent.end)  # not the dates of an earlier message it answers
    if cand.rule == "reply-to-earlier":  # "in reply to his letter of May 2": only a date that names that letter
        return [(e, sent) for e in exprs if e.start >= cand.trigger.end
                and (re.fullmatch(r"\s+of\s+", text[cand.trigger.end : e.start]) or e.text.startswith("dated"))]
    after = [e for e in exprs if e.start >= cand.trigger.end]
    before = [e for e in exprs if e.end <= cand.trigger.start]
    out = [(e, sent) for e in after]
    if not cand.recalled:
        out += [(e, sent) for e in reversed(before)]
    if not cand.recalled and not exprs and i + 1 < len(sents) and _DELIVERED.match(text, sents[i + 1].start, sents[i + 1].end):
        nxt = sents[i + 1]  # "It was delivered by the ambassador on Wednesday evening."
        out += [(e, nxt) for e in find_act_dates(text, nxt.start, nxt.end) if e.offset is None and not e.same_day]
    if not cand.recalled and i > 0 and not exprs:
        prev = sents[i - 1]
        if any(m.key == cand.sender.key for m in mentions_of.get(i - 1, [])):
            from_context = cand.rule.startswith(("pronoun", "passive", "listed"))
            weekdays = [e for e in find_act_dates(text, prev.start, prev.end) if e.weekday is not None or from_context]
            out += [(weekdays[0], prev)] if weekdays else []
        elif (cand.trigger.type == "verbal" or cand.rule.startswith(("conveyed", "message-from"))) and _HOSTED.search(prev.text) \
                and any(m.key == cand.recipient.key for m in mentions_of.get(i - 1, [])):
            # "X received the envoy on Tuesday. She conveyed Y's verbal message": dated the day of the meeting
            days = [e for e in find_act_dates(text, prev.start, prev.end) if e.offset is None and not e.same_day]
            out += [(days[0], prev)] if days else []
    return out


def _fallback_date(cand, found, occ, ref, own_anchor, dates: _PageDates, text, sent, recipient):
    """No date stated for this act: recalled -> the occasion's month; news -> the page's date; else the occasion's."""
    if cand.recalled:
        if found and found.implied and found.precision == "year":
            return PartialDate(found.implied.year), "sent"
        base = own_anchor or ref
        return (PartialDate(base.year, base.month) if base else None), "sent"
    if ref is not None:
        return PartialDate.from_date(ref), "published"
    for f in (found, dates.anchor):
        if f and f.implied:
            p = f.implied
            return (PartialDate(p.year) if f.precision == "year" else PartialDate(p.year, p.month)), "sent"
    if occ.kind == "election" and recipient:
        start = _office_start(text, sent, recipient)
        if start is not None:
            return start, "sent"
    return (PartialDate(dates.year), "sent") if dates.year and not cand.recalled else (None, "sent")


def _office_start(text: str, sent: Span, actor) -> PartialDate | None:
    """An election message dated by the month the recipient took the office the sentence names."""
    chunk = text[sent.start : sent.end].lower()
    m = re.search(r"elect\w* (?:as )?(?:the )?(.{0,80})", chunk)
    chunk = m.group(1) if m else chunk
    starts = sorted({o.start for o in actor.offices if any(t in chunk for t in o.titles)})
    return PartialDate(starts[0].year, starts[0].month) if len(starts) == 1 else None


def _actor(m: Mention, registry: Registry) -> ActorRef:
    return ActorRef(name=m.name, kind="person", actor_id=m.actor_id, titles=m.titles, mention=m.text)


def _report(doc: Document, r: Reading) -> Report:
    c = r.cand
    registry = load_registry()
    sent = c.sentence
    trig = Span(c.trigger.start, c.trigger.end, c.trigger.text)
    ev = [
        Evidence("sender", sent, Span(c.sender.start, c.sender.end, c.sender.text), c.rule),
        Evidence("recipient", sent, Span(c.recipient.start, c.recipient.end, c.recipient.text), c.rule),
        Evidence("type", sent, trig, c.trigger.id),
    ]
    if r.date_span:
        ev.append(Evidence("date", r.date_span[0], r.date_span[1], "date-stated"))
    elif r.date is not None:
        ev.append(Evidence("date", sent, trig, f"date-{r.basis}"))
    if r.occ_span:
        ev.append(Evidence("occasion", r.occ_span[0], r.occ_span[1], f"occasion-{r.occasion.kind}"))
    if r.reply:
        ev.append(Evidence("reply", sent, trig, "reply"))
    return Report(
        doc=doc.url or doc.source,
        page_hash=doc.page_hash,
        sender=_actor(c.sender, registry),
        recipient=_actor(c.recipient, registry),
        type=r.type,
        date=r.date,
        occasion=r.occasion,
        reply=r.reply,
        date_basis=r.basis,
        language="en",
        evidence=tuple(ev),
        rule=c.rule,
        outlet=doc.outlet,
        published=doc.published.date if doc.published else None,
    )


def _order(r: Report) -> tuple:
    return (r.date.iso() if r.date else "", r.sender.name, r.recipient.name, r.type, r.evidence[0].span.start)
