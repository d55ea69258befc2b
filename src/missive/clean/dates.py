"""Date parsing for cleaning: full dates in a line, datelines without a year, URL dates.

These are parsers only; which line may give the publication date is decided by
the text cleaner (textpage.py), never by a free-text search over the whole page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import PartialDate, Span
from .cues import Cue, date_rules


@dataclass(frozen=True)
class DateMatch:
    """A full calendar date found in a string: where, and by which rule."""

    date: PartialDate
    start: int
    end: int
    rule: str


def _to_date(groups: dict[str, str | None]) -> PartialDate | None:
    """Build a PartialDate from named groups (y|j, m|mon, d or the ambiguous a/b); None if invalid."""
    months = date_rules().months
    try:
        juche = groups.get("j")
        year = int(juche) + 1911 if juche else int(groups["y"] or "")
        if groups.get("a") is not None:
            a, b = int(groups["a"] or ""), int(groups["b"] or "")
            # Day-first unless only month-first is possible: most of our outlets
            # write 23/03/2021; a US-style 09/24/2023 is recognised by its 24.
            day, month = (b, a) if b > 12 >= a else (a, b)
        else:
            mon = groups.get("mon")
            month = months[mon.lower().rstrip(".")] if mon else int(groups["m"] or "")
            day = int(groups["d"] or "")
        return PartialDate(year, month, day)
    except (KeyError, ValueError):
        return None


def _matches(cues: tuple[Cue, ...], text: str) -> list[DateMatch]:
    found = []
    for cue in cues:
        for m in cue.regex.finditer(text):
            date = _to_date(m.groupdict())
            if date is not None:
                found.append(DateMatch(date, m.start(), m.end(), cue.id))
    # Leftmost first, then longest: deterministic whatever the pattern order.
    return sorted(found, key=lambda dm: (dm.start, -(dm.end - dm.start), dm.rule))


def find_full_dates(line: str) -> list[DateMatch]:
    """Return every full (day-precision) date in ``line``, leftmost first."""
    return _matches(date_rules().full_dates, line)


def find_dateline(text: str, max_lines: int = 6) -> tuple[int, int, Span] | None:
    """Find a year-less dateline ("BEIJING, Sept. 9 (Xinhua) --") near the top of ``text``.

    Returns (month, day, span) with ``span`` indexing ``text``; the year must come
    from elsewhere, so the caller decides whether the date can be completed.
    """
    rules = date_rules()
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if number >= max_lines:
            break
        for cue in rules.datelines:
            m = cue.regex.search(line)
            if not m:
                continue
            groups = m.groupdict()
            try:
                month = rules.months[groups["mon"].lower().rstrip(".")] if groups.get("mon") \
                    else int(groups["m"])
                day = int(groups["d"])
                PartialDate(2000, month, day)  # 2000 is a leap year: Feb 29 is allowed
            except (KeyError, ValueError, TypeError):
                continue
            start, end = offset + m.start(), offset + m.end()
            return month, day, Span(start, end, text[start:end])
        offset += len(line) + 1
    return None


def date_from_url(url: str | None) -> DateMatch | None:
    """Return the date a URL's path spells out (/2021/0909/, /2021-09-09/, 20210909), if any."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    for match in _matches(date_rules().url_dates, path):
        return match
    return None


def parse_hint(hint: str | None) -> PartialDate | None:
    """Parse a container's published hint (ISO date or datetime, or any full date), else None."""
    if not hint:
        return None
    try:
        return PartialDate.parse(hint)
    except (ValueError, TypeError, OverflowError):  # "99999999999" overflows the calendar
        pass
    found = find_full_dates(hint)
    return found[0].date if found else None


def parse_crawl_header(text: str) -> tuple[PartialDate, int] | None:
    """Read the crawl-format prefix " date 2021-09-09 " of a page: (date, length of the prefix)."""
    m = date_rules().crawl_header.match(text)
    if not m:
        return None
    date = _to_date(m.groupdict())
    return (date, m.end()) if date else None
