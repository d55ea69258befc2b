"""The article part of a page and its yearless dateline's month and day.

The page's full publication date is the clean stage's (``doc.published``); what
clean cannot give is a dateline without a year ("BEIJING, Sept. 9 (Xinhua) --"),
which dates "on Thursday" once a year is known. Scanning stops at
related-article lists, whose dates are never the article's.
"""

from __future__ import annotations

import re

from .dates import MONTHS

_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_STOP = re.compile(r"^[^\S\n]*(?:More (?:From|Articles|articles)|RELATED\b|Related (?:Articles|News|Stories)|Read more\b)", re.M)

_MONN = _MON.replace("(Jan", "(?P<mon>Jan", 1)
_PLACE = r"[A-Z][A-Za-z/ .'-]{1,40}"
_DATELINES = tuple(re.compile(p, re.M) for p in (
    # "BEIJING, Sept. 9 (Xinhua) --", "MOSCOW, March 24. /TASS/.", "Oct. 9 (Yonhap) --"
    r"^[^\S\n]*(?:" + _PLACE + r",[^\S\n]*)?" + _MONN + r"[^\S\n]+(?P<d>\d{1,2})\.?[^\S\n]*(?:\(|/)[^\S\n]*[A-Z]",
    # "VOV - June 24", "Hanoi (VNA) – June 24 –": an outlet's name and a dash, then the day alone or before a dash
    r"^[^\S\n]*[A-Z][A-Za-z/ .'()]{1,40}[^\S\n][-–—][^\S\n]*" + _MONN + r"[^\S\n]+(?P<d>\d{1,2})\b\.?[^\S\n]*(?:$|[-–—:])",
    # day first: "Tashkent, 24 July (UzA).", "MINSK, 3 November (BelTA) -"
    r"^[^\S\n]*" + _PLACE + r",[^\S\n]*(?P<d>\d{1,2})[^\S\n]+" + _MONN + r"[^\S\n]*(?:\(|/)[^\S\n]*[A-Z]",
    # "ASTANA. November 3. AGENCY -": place, date and agency each closed by a full stop
    r"^[^\S\n]*[A-Z][A-Za-z -]{1,40}\.[^\S\n]+" + _MONN + r"[^\S\n]+(?P<d>\d{1,2})\.[^\S\n]+[A-Z]{3,}[^\S\n]*[-–—]",
))


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key[:4], MONTHS.get(key[:3], 0))


def article_part(text: str) -> str:
    """The text before the first related-articles marker."""
    m = _STOP.search(text)
    return text[: m.start()] if m else text


def find_dateline(text: str) -> tuple[int, int, int] | None:
    """The (offset, month, day) of a "BEIJING, Sept. 9 (Xinhua) --" dateline, else None; the first in the text wins."""
    part = article_part(text)
    found = [m for m in (rx.search(part) for rx in _DATELINES) if m]
    if not found:
        return None
    m = min(found, key=lambda m: m.start())
    month = _month(m.group("mon"))
    day = int(m.group("d"))
    if not month or not 1 <= day <= 31:
        return None
    return m.start(), month, day


_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d\d)(?![\w/-]|\.\d)")
_RANGE = re.compile(r"(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)?\d\d|(?:by|until|till|through|before) (?:the end of )?(?:19|20)\d\d")
_NOT_BODY = re.compile(r"©|\(c\)|copyright|all rights reserved", re.I)
# Years this much older than the newest one are history the page recalls (a founding, a treaty).
_HISTORY = 10


def body_year(text: str, dateline: tuple[int, int] | None = None) -> int | None:
    """The one year the article's own text fixes, for a page with no dated header; else None.

    Years of ranges and targets ("2016-2020", "by 2030") and of copyright
    lines are left out; years far older than the newest (a founding, a
    treaty) are history. The year must agree with a yearless dateline: "met in
    October 2023" under "March 23" says the page is of a later year, which one
    the text does not say.
    """
    years: dict[int, list[tuple[int, int]]] = {}
    for line in article_part(text).splitlines():
        if _NOT_BODY.search(line):
            continue
        line = _RANGE.sub(" ", line)
        for m in _YEAR.finditer(line):
            years.setdefault(int(m.group(1)), []).extend(_month_day(line, m.start()))
    if not years:
        return None
    newest = max(years)
    if any(newest - y < _HISTORY for y in years if y != newest):
        return None
    if dateline and any(md > dateline for md in years[newest]):
        return None
    return newest


_MONTH_DAY = re.compile(_MON + r"(?:[^\S\n]+(\d{1,2}))?,?[^\S\n]*$|(\d{1,2})[^\S\n]+" + _MON + r",?[^\S\n]*$")


def _month_day(line: str, at: int) -> list[tuple[int, int]]:
    """The (month, day) written just before a year ("October 2023", "March 22, 2024"), if any."""
    m = _MONTH_DAY.search(line[max(0, at - 20) : at])
    if not m:
        return []
    month = _month(m.group(1) or m.group(4))
    day = int(m.group(2) or m.group(3) or 1)
    return [(month, day)] if month else []
