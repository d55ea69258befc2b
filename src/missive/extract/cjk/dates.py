"""Dates and occasions in Chinese and Korean text, and the page's own time frame.

A date phrase keeps what it fixes (year, month, day) and how it relates to the
page's date ("지난달 30일", "去年10月", "当天"). A page with no publication date
is placed in time by its first dated occasion (a numbered anniversary or
birthday, a congress): "last month" on such a page is that occasion's month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ...model import Occasion, PartialDate
from ..occasions import known_occasions
from .lexicon import Lexicon

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}


def number(text: str) -> int:
    """An anniversary's number written in Arabic digits or in Chinese numerals (七十五, 一百, 一百零一)."""
    if text.isdigit():
        return int(text)
    total, digit = 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch == "十":
            total += (digit or 1) * 10
            digit = 0
        elif ch == "百":
            total += (digit or 1) * 100
            digit = 0
    return total + digit


@dataclass(frozen=True)
class DatePhrase:
    """A date as written: the parts it fixes, its relation to the page date, and whether it is a report date."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    rel: str | None = None
    report: bool = False  # the day a news agency reported, not the day of the act


def find_dates(norm: str, start: int, end: int, lex: Lexicon) -> list[DatePhrase]:
    """The date phrases of ``norm[start:end]``, leftmost-longest, each with its parts."""
    found: list[DatePhrase] = []
    for form in lex.dates:
        for m in form.rx.finditer(norm, start, end):
            g = {k: (int(v) if v else None) for k, v in m.groupdict().items()}
            if g.get("m") is not None and not 1 <= g["m"] <= 12 or g.get("d") is not None and not 1 <= g["d"] <= 31:
                continue
            report = bool(lex.report_after.match(norm[m.end() : end]) or lex.report_before.search(norm[max(start, m.start() - 12) : m.start()]))
            found.append(DatePhrase(m.start(), m.end(), m.group(0), g.get("y"), g.get("m"), g.get("d"), form.rel, report))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DatePhrase] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


@dataclass(frozen=True)
class OccasionFound:
    """An occasion read from text, with the date it implies and the precision that date has."""

    occasion: Occasion
    start: int
    end: int
    implied: dt.date | None = None
    precision: str = "day"
    window: tuple[dt.date, dt.date] | None = None  # a congress: the days a message about it is sent in


def _known(kid: str):
    return next(k for k in known_occasions() if k.id == kid)


def _founding_before(norm: str, pos: int, start: int, lex: Lexicon) -> str | None:
    """The founding named nearest before an anniversary's number (within its clause)."""
    window = norm[max(start, pos - 30) : pos]
    best, at = None, -1
    for fid, rx in lex.foundings:
        for m in rx.finditer(window):
            if m.end() > at:
                best, at = fid, m.end()
    return best


def occasion_in(norm: str, start: int, end: int, lex: Lexicon, born_at=None) -> OccasionFound | None:
    """The occasion ``norm[start:end]`` names: birthday and anniversary numbers first, then cue words.

    ``born_at(pos)`` gives the birth date of the person named nearest before ``pos`` (for a birthday's year).
    """
    m = lex.birthday.search(norm, start, end)
    if m:
        n = number(m.group("n") or m.group("n2"))
        born = born_at(m.start()) if born_at else None
        day = born.replace(year=born.year + n) if born else None
        return OccasionFound(Occasion("birthday", n, m.group(0)), m.start(), m.end(), day)
    for m in lex.anniversary.finditer(norm, start, end):
        if lex.ahead.search(norm[max(start, m.start() - 16) : m.start()]):
            continue  # "明年是建交30周年": an anniversary to come
        n = number(m.group("n"))
        fid = _founding_before(norm, m.start(), start, lex)
        if fid is None:
            return OccasionFound(Occasion("anniversary", n, norm[max(start, m.start() - 20) : m.end()]), m.start(), m.end())
        k = _known(fid)
        return OccasionFound(Occasion("anniversary", n, fid), m.start(), m.end(), k.date.replace(year=k.date.year + n))
    chunk = norm[start:end]
    for kind, rx in lex.cues:
        c = rx.search(chunk)
        if not c:
            continue
        if kind in ("election", "congress"):
            for cid, crx in lex.congresses:
                if crx.search(chunk):
                    k = _known(cid)
                    return OccasionFound(Occasion(kind, None, cid), start + c.start(), start + c.end(), k.end,
                                         "month" if kind == "election" else "year", (k.date, k.end + dt.timedelta(days=10)))
        nat = lex.national_day.search(chunk)
        if nat and kind in ("victory", "thanks"):
            break
        return OccasionFound(Occasion(kind, None, c.group(0)), start + c.start(), start + c.end())
    nat = lex.national_day.search(chunk)
    if nat:
        return OccasionFound(Occasion("national_day", None, nat.group(0)), start + nat.start(), start + nat.end())
    for cid, crx in lex.congresses:  # a congress named without a cue word ("八大情况")
        c = crx.search(chunk)
        if c:
            k = _known(cid)
            return OccasionFound(Occasion("congress", None, cid), start + c.start(), start + c.end(), k.end, "year",
                                 (k.date, k.end + dt.timedelta(days=10)))
    return None


@dataclass
class PageTime:
    """The page's own time: its publication day, or the frame its first dated occasion gives."""

    published: dt.date | None
    anchor: OccasionFound | None
    last_month_cue: bool  # the page says "last month" somewhere: it was written after the occasion's month

    @property
    def month(self) -> tuple[int, int] | None:
        """(year, month) the page was written in, where known."""
        if self.published:
            return self.published.year, self.published.month
        a = self.anchor
        if a is None or a.implied is None or (a.window is not None and not self.last_month_cue):
            return None
        y, m = a.implied.year, a.implied.month
        if self.last_month_cue:
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return y, m

    @property
    def year(self) -> int | None:
        if self.published:
            return self.published.year
        return self.anchor.implied.year if self.anchor and self.anchor.implied else None

    def complete(self, d: DatePhrase, previous: PartialDate | None) -> PartialDate | None:
        """The calendar date a phrase stands for on this page, or None when the page cannot fix it."""
        try:
            return self._complete(d, previous)
        except ValueError:
            return None

    def _complete(self, d: DatePhrase, previous: PartialDate | None) -> PartialDate | None:
        if d.rel == "same_day":
            return previous
        if d.year is not None:
            return PartialDate(d.year, d.month, d.day)
        ym = self.month
        if d.rel == "last_year":
            return PartialDate(self.year - 1, d.month) if self.year and d.month else (PartialDate(self.year - 1) if self.year else None)
        if d.rel == "last_month":
            if self.published:
                y, m = self.published.year, self.published.month - 1
                y, m = (y - 1, 12) if m == 0 else (y, m)
            elif self.anchor and self.anchor.implied and self.anchor.window is None:
                y, m = self.anchor.implied.year, self.anchor.implied.month
            elif self.anchor and self.anchor.window:
                return self._in_window(d.day) if d.day else None
            else:
                return None
            return PartialDate(y, m, d.day)
        if d.rel == "today":
            return PartialDate.from_date(self.published) if self.published else None
        if d.rel == "yesterday":
            # the day before the day the page last named (a dateline, the act it reports), else before publication
            base = previous.to_date() if previous and previous.precision == "day" else self.published
            return PartialDate.from_date(base - dt.timedelta(days=1)) if base else None
        if d.rel == "this_month":
            return PartialDate(*ym) if ym else None
        if d.month is not None:
            if self.year is None:
                return None
            year = self.year
            if self.published and (d.month - self.published.month) > 1:
                year -= 1  # "12月30日" on a January page
            return PartialDate(year, d.month, d.day)
        if d.day is None:
            return None
        if self.published:
            y, m = self.published.year, self.published.month
            if d.day > self.published.day + 1:
                y, m = (y - 1, 12) if m == 1 else (y, m - 1)
            return PartialDate(y, m, d.day)
        if ym:
            return PartialDate(ym[0], ym[1], d.day)
        if self.anchor and self.anchor.window:
            return self._in_window(d.day)
        return None

    def _in_window(self, day: int) -> PartialDate | None:
        """A bare day on a page dated only by a congress: a day in the weeks of the congress, else unknown."""
        lo, hi = self.anchor.window
        for y, m in sorted({(lo.year, lo.month), (hi.year, hi.month)}):
            try:
                cand = dt.date(y, m, day)
            except ValueError:
                continue
            if lo <= cand <= hi:
                return PartialDate.from_date(cand)
        return None


def first_anchor(norm: str, sents, lex: Lexicon, born_at) -> OccasionFound | None:
    """The first occasion on the page that implies a date (an anniversary, a birthday, a congress)."""
    for s in sents:
        found = occasion_in(norm, s.start, s.end, lex, born_at)
        if found and found.implied:
            return found
    return None


def has_last_month(norm: str, sents, lex: Lexicon) -> bool:
    """The page says "last month" (지난달, 上月) of something."""
    return any(d.rel == "last_month" for s in sents for d in find_dates(norm, s.start, s.end, lex))

