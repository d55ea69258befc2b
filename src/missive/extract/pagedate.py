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

_DATELINE = re.compile(
    # "BEIJING, Sept. 9 (Xinhua) --", "MOSCOW, March 24. /TASS/.", "Oct. 9 (Yonhap) --"
    r"^[^\S\n]*(?:[A-Z][A-Za-z/ .'-]{1,40},[^\S\n]*)?" + _MON + r"[^\S\n]+(\d{1,2})\.?[^\S\n]*(?:\(|/)[^\S\n]*[A-Z]"
    # "VOV - June 24", "Hanoi (VNA) – June 24 –": an outlet's name and a dash, then the day alone or before a dash
    r"|^[^\S\n]*[A-Z][A-Za-z/ .'()]{1,40}[^\S\n][-–—][^\S\n]*" + _MON.replace("(?P<mon>", "(") + r"[^\S\n]+(\d{1,2})\b\.?[^\S\n]*(?:$|[-–—:])",
    re.M,
)


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key[:4], MONTHS.get(key[:3], 0))


def article_part(text: str) -> str:
    """The text before the first related-articles marker."""
    m = _STOP.search(text)
    return text[: m.start()] if m else text


def find_dateline(text: str) -> tuple[int, int, int] | None:
    """The (offset, month, day) of a "BEIJING, Sept. 9 (Xinhua) --" dateline, else None."""
    m = _DATELINE.search(article_part(text))
    if not m:
        return None
    month = _month(m.group(1) or m.group(3))
    day = int(m.group(2) or m.group(4))
    if not month or not 1 <= day <= 31:
        return None
    return m.start(), month, day
