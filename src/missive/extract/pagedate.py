"""The page's own date when the clean stage gave none, and the dateline's month and day.

Only the article part is read: scanning stops at related-article lists, whose
dates are never the article's. A crawl stamp ("February 03, 2026Feb 03, 2026")
matches no rule here on purpose.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import MONTHS

_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_STOP = re.compile(r"^\s*(?:More (?:From|Articles|articles)|RELATED\b|Related (?:Articles|News|Stories)|Read more\b)", re.M)

# (regex, order of the groups as y/m/d letters), tried in this order; the first hit wins.
_RULES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"\A\s*date (\d{4})-(\d{2})-(\d{2})\b"), "ymd"),
    (re.compile(r"\bDate: (\d{1,2})/(\d{1,2})/(\d{4})\b"), "dmy"),
    (re.compile(r"\bPublished:? " + _MON + r" (\d{1,2}), (\d{4})"), "Mdy"),
    (re.compile(r"^\s*(?:\w+day, )?" + _MON + r" (\d{1,2}), (\d{4})(?: / [\d:]+ [AP]M)?\s*$", re.M), "Mdy"),
    (re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?: \d{1,2}:\d{2})?\s*$", re.M), "ymd"),
    (re.compile(r"^\s*\w{3}, (\d{2})/(\d{2})/(\d{4}) - \d{1,2}:\d{2}\s*$", re.M), "mdy"),
    (re.compile(r"^\s*\w+ " + _MON + r" (\d{1,2}), (\d{4}), \d{1,2}:\d{2}\s*$", re.M), "Mdy"),
    (re.compile(r"\(\w+\) \d{1,2}:\d{2}, " + _MON + r" (\d{1,2}), (\d{4})"), "Mdy"),
    (re.compile(r"calendar>>" + _MON + r" (\d{1,2})\. (\d{4})"), "Mdy"),
    (re.compile(r"^\s*[A-Z][a-z]+ (\d{4})\.(\d{1,2})\.(\d{1,2})\.\s*$", re.M), "ymd"),
    (re.compile(r"^[A-Z][\w/ .'-]{1,40}, (\d{1,2}) " + _MON + r" (\d{4}) \(", re.M), "dMy"),
    (re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \((\d{1,2})/(\d{1,2})/(\d{4})\)"), "dmy"),
    (re.compile(r"\(Juche(\d{2,3})\.(\d{1,2})\.(\d{1,2})\.\)"), "jmd"),
)
_DATELINE = re.compile(
    r"^[^\S\n]*(?:[A-Z][A-Za-z/ .'-]{1,40},[^\S\n]*)?" + _MON + r"[^\S\n]+(\d{1,2})\.?[^\S\n]*(?:\(|/)[^\S\n]*[A-Z]", re.M
)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key[:4], MONTHS.get(key[:3], 0))


def article_part(text: str) -> str:
    """The text before the first related-articles marker."""
    m = _STOP.search(text)
    return text[: m.start()] if m else text


def find_page_date(text: str) -> dt.date | None:
    """The page's publication date as the article states it, else None."""
    body = article_part(text)
    for rx, order in _RULES:
        m = rx.search(body)
        if not m:
            continue
        parts = dict(zip(order, m.groups()))
        try:
            if "j" in parts:
                year = int(parts["j"]) + 1911
            else:
                year = int(parts["y"])
            month = _month(parts["M"]) if "M" in parts else int(parts["m"])
            return dt.date(year, month, int(parts["d"]))
        except (ValueError, KeyError):
            continue
    return None


def find_dateline(text: str) -> tuple[int, int, int] | None:
    """The (offset, month, day) of a "BEIJING, Sept. 9 (Xinhua) --" dateline, else None."""
    m = _DATELINE.search(article_part(text))
    if not m:
        return None
    month = _month(m.group(1))
    day = int(m.group(2))
    if not month or not 1 <= day <= 31:
        return None
    return m.start(), month, day
