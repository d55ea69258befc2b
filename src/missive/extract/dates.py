"""Dates in English text: explicit days, weekdays, months, datelines, and the page's own date.

A found expression keeps what it fixed (year? month? day? weekday?) so the
caller can complete it from the page date or from an occasion's known date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import PartialDate

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# The date of an act: "on July 11, 2021", "on 9 May", "received Jan. 17", "on Thursday", "back in February".
_LEAD = r"\b(?P<lead>[Oo]n|received|dated|[Bb]ack in|[Ii]n|[Ee]arlier in)\s+"
_FORMS = (
    _MON + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?",
    _DAY + r"\s+" + _MON + r"(?:,?\s+" + _YEAR + r")?",
    _WD,
    r"the " + _DAY + r" of\s+" + _MON + r"(?:,?\s+" + _YEAR + r")?",
    r"the (?P<nth>\d{1,2})(?:st|nd|rd|th)",
    r"(?:(?:early|mid|late)[- ]?)?" + _MON + r"(?:\s+" + _YEAR + r")?",  # "in late October", "in mid-May 2023"
)
_ACT_DATES = tuple(re.compile(_LEAD + f + r"(?![\w-])") for f in _FORMS)
# AP style drops the "on": "sent Trump a letter Tuesday, ...", "held talks Nov. 3 in ...". A weekday or a
# month and day closing a clause, after a word that is no preposition of time ("since", "until", "by").
_TRAILING_DAY = re.compile(
    r"(?P<prev>\b\w+\)?) (?:" + _WD + r"|" + _MON + r"\s+" + _DAY + r")"
    r"(?=[,.;]|\s+(?:that|in|at|to|and|as|when|evening|morning|afternoon|night)\b)"
)
_NOT_BEFORE_DAY = {"since", "until", "till", "by", "from", "before", "after", "through", "to", "next", "last",
                   "this", "every", "that", "of", "for", "on", "in", "the", "a", "and", "or",
                   # reporting verbs date the report, not the act: "state media reported Friday."
                   "reported", "said", "added", "announced", "noted", "stated", "told", "confirmed",
                   "revealed", "disclosed", "reports", "says", "adds", "published", "carried", "quoted"}
_BARE_WEEKDAY = re.compile(r"(?<=[a-z] )" + _WD + r"(?= (?:sent|said|received|congratulated|called|wrote|exchanged)\b)")
_ORDINAL_NOUN = re.compile(r"\s+(?:\w+\s+){0,2}(?:anniversary|birthday|congress|session|plenary|national day|founding)", re.I)
_SAME_DAY = re.compile(r"\b(?:later|earlier) that day\b|\bthe same day\b")
# A day counted from the act named just before: "the following day", "a day earlier", "two days later".
# "two days after the election" counts from the election, not from an act: not read.
_NUMBER = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_RELATIVE = re.compile(
    r"\b(?:(?P<n>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix) days? (?P<dir>later|earlier|after(?!\s+\w)|before(?!\s+\w))"
    r"|[Tt]he (?P<nx>following|next|previous|preceding) day"
    r"|[Tt]he day (?P<ab>after|before)(?! (?:the|his|her|its|their|a|an|that|this)\b))\b"
)
# A day named from the page's own: wire copy's "today" is its dateline's day.
_PAGE_DAY = re.compile(r"\b(?P<w>[Tt]oday|[Yy]esterday)\b(?! ?['’]s\b)")
# A month named from the page's own: "earlier this month", "last month", "late last month".
_MONTH_BACK = re.compile(r"\b(?:(?P<pre>[Ee]arlier|[Ee]arly|[Ll]ate|[Ii]n mid-?) )?(?:(?P<this>this)|(?P<last>last)) month\b")
# A year named from the page's own: "earlier this year", "last year".
_YEAR_BACK = re.compile(r"\b(?:(?P<pre>[Ee]arlier|[Ee]arly|[Ll]ate) )?(?:(?P<this>this)|(?P<last>last)) year\b")
# "in December" alone dates an act only where the sentence looks back ("last spoke ... in December").
_LOOKS_BACK = re.compile(r"\b(?:last|after|earlier|previously|already)\b", re.I)


@dataclass(frozen=True)
class DateExpr:
    """A date phrase as written: some of year, month, day, weekday, with its offsets."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    same_day: bool = False
    offset: int | None = None  # days from the act dated just before ("the following day": 1)
    months_back: int | None = None  # months before the page's ("earlier this month": 0, "last month": 1)
    days_back: int | None = None  # days before the page's ("today": 0, "yesterday": 1)
    years_back: int | None = None  # years before the page's ("earlier this year": 0, "last year": 1)


def _month(text: str) -> int:
    return MONTHS[text[:4].lower().rstrip(".")] if text[:4].lower().rstrip(".") in MONTHS else MONTHS[text[:3].lower()]


def _in_quote(text: str, start: int, pos: int) -> bool:
    """True when ``pos`` is inside a quotation opened earlier in the sentence."""
    before = text[start:pos]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def find_act_dates(text: str, start: int, end: int) -> list[DateExpr]:
    """Return the date phrases in ``text[start:end]`` that can date an act (not those in brackets)."""
    out: list[DateExpr] = []
    depth_open = [i for i, c in enumerate(text[start:end]) if c == "("]
    depth_close = [i for i, c in enumerate(text[start:end]) if c == ")"]

    def bracketed(pos: int) -> bool:
        rel = pos - start
        return any(o < rel and not any(o < c < rel for c in depth_close) for o in depth_open)

    matches = [m for rx in _ACT_DATES for m in rx.finditer(text, start, end)]
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if bracketed(m.start()) or any(a <= m.start() < b for a, b in taken):
            continue
        taken.append((m.start(), m.end()))
        g = {"wd": None, "nth": None, "day": None, "mon": None, "year": None, **m.groupdict()}
        lead = g["lead"].lower()
        if g["wd"]:
            if lead != "on":
                continue
            out.append(DateExpr(m.start(), m.end(), m.group(0), weekday=WEEKDAYS[g["wd"].lower()]))
        elif g["nth"]:
            if int(g["nth"]) > 31 or _ORDINAL_NOUN.match(text, m.end()):
                continue
            out.append(DateExpr(m.start(), m.end(), m.group(0), day=int(g["nth"])))
        elif g["day"]:
            mon = g["mon"] or ""
            year = int(g["year"]) if g["year"] else None
            try:
                dt.date(year or 2000, _month(mon), int(g["day"]))
            except (ValueError, KeyError):
                continue
            out.append(DateExpr(m.start(), m.end(), m.group(0), year, _month(mon), int(g["day"])))
        elif g["mon"]:
            if lead in ("on", "received", "dated"):
                continue  # "on May" is no date
            if lead == "in" and not g["year"] and not _LOOKS_BACK.search(text, start, m.start()):
                continue  # "in May" alone is too loose to date an act, unless the sentence looks back
            if g["mon"] == "May" and not g["year"] and lead not in ("back in", "earlier in"):
                continue
            out.append(DateExpr(m.start(), m.end(), m.group(0), int(g["year"]) if g["year"] else None, _month(g["mon"])))
    for m in _BARE_WEEKDAY.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.append(DateExpr(m.start(), m.end(), m.group(0), weekday=WEEKDAYS[m.group("wd").lower()]))
    for m in _TRAILING_DAY.finditer(text, start, end):
        at = m.start("wd") if m.group("wd") else m.start("mon")
        if m.group("prev").lower() in _NOT_BEFORE_DAY or any(a <= at < b for a, b in taken) or bracketed(at) \
                or _in_quote(text, start, at):
            continue
        if m.group("wd"):
            out.append(DateExpr(at, m.end(), text[at : m.end()], weekday=WEEKDAYS[m.group("wd").lower()]))
            continue
        try:
            dt.date(2000, _month(m.group("mon")), int(m.group("day")))
        except (ValueError, KeyError):
            continue
        out.append(DateExpr(at, m.end(), text[at : m.end()], None, _month(m.group("mon")), int(m.group("day"))))
    for m in _PAGE_DAY.finditer(text, start, end):
        if bracketed(m.start()) or _in_quote(text, start, m.start()):
            continue  # "today" inside a quoted message is the message's, not the report's
        out.append(DateExpr(m.start(), m.end(), m.group(0), days_back=0 if m.group("w").lower() == "today" else 1))
    for m in _YEAR_BACK.finditer(text, start, end):
        if bracketed(m.start()):
            continue
        looks_back = (m.group("pre") or "").lower() in ("earlier", "early") or _LOOKS_BACK.search(text, start, m.start())
        if m.group("this") and not looks_back:
            continue  # "will visit this year" is a plan
        out.append(DateExpr(m.start(), m.end(), m.group(0), years_back=0 if m.group("this") else 1))
    for m in _MONTH_BACK.finditer(text, start, end):
        if bracketed(m.start()):
            continue
        looks_back = (m.group("pre") or "").lower() in ("earlier", "early") or _LOOKS_BACK.search(text, start, m.start())
        if m.group("this") and not looks_back:
            continue  # "will visit this month" is a plan; "earlier this month" looks back
        out.append(DateExpr(m.start(), m.end(), m.group(0), months_back=0 if m.group("this") else 1))
    for m in _SAME_DAY.finditer(text, start, end):
        out.append(DateExpr(m.start(), m.end(), m.group(0), same_day=True))
    for m in _RELATIVE.finditer(text, start, end):
        if bracketed(m.start()):
            continue
        if m.group("n"):
            days = _NUMBER[m.group("n").lower()] * (1 if m.group("dir") in ("later", "after") else -1)
        else:
            days = 1 if (m.group("nx") or m.group("ab")) in ("following", "next", "after") else -1
        out.append(DateExpr(m.start(), m.end(), m.group(0), offset=days))
    return sorted(out, key=lambda d: d.start)


def complete(expr: DateExpr, ref: dt.date | None, anchor: dt.date | None = None) -> PartialDate | None:
    """Complete a date phrase: the year and weekdays from ``ref`` (the page's date), else from ``anchor``.

    ``ref`` is a date the act cannot be after (the page's date); ``anchor`` is a
    date it cannot be before (the occasion it answers), used when no ``ref``.
    """
    if expr.offset is not None:  # counted from a day the caller gives as ``anchor``
        return PartialDate.from_date(anchor + dt.timedelta(days=expr.offset)) if anchor else None
    if expr.same_day:
        return PartialDate.from_date(anchor) if anchor else None
    if expr.days_back is not None:
        return PartialDate.from_date(ref - dt.timedelta(days=expr.days_back)) if ref else None
    if expr.years_back is not None:
        return PartialDate(ref.year - expr.years_back) if ref else None
    if expr.months_back is not None:  # only the page's date says which month "this month" is
        if ref is None:
            return None
        month = ref.year * 12 + ref.month - 1 - expr.months_back
        return PartialDate(month // 12, month % 12 + 1)
    if expr.weekday is not None:
        if ref is not None:
            back = (ref.weekday() - expr.weekday) % 7
            return PartialDate.from_date(ref - dt.timedelta(days=back))
        if anchor is not None:
            ahead = (expr.weekday - anchor.weekday()) % 7
            return PartialDate.from_date(anchor + dt.timedelta(days=ahead))
        return None
    if expr.month is None:  # "on the 9th"
        if ref is None or expr.day is None:
            return None
        month, year = ref.month, ref.year
        if expr.day > ref.day:
            month, year = (12, year - 1) if month == 1 else (month - 1, year)
        try:
            return PartialDate(year, month, expr.day)
        except ValueError:
            return None
    year = expr.year
    if year is None:
        base = ref or anchor
        if base is None:
            return None
        year = base.year
        # A month later in the year than the page's date means last year ("on December 30" in January).
        if ref is not None and (expr.month, expr.day or 1) > (ref.month, ref.day) and expr.month - ref.month > 1:
            year -= 1
    return PartialDate(year, expr.month, expr.day)
