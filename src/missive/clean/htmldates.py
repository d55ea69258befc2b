"""Whether the date htmldate gives an HTML page is one the page states as its own.

htmldate reads metadata first, but when a page has none its fast mode also
takes the newest <time> element or any bare date in the text: a related list's
"2023-10-01", a footer's "Last modified: 2024-01-15", a reader comment's time.
Those are never the article's date. We keep htmldate's date only where the
page supports it: its URL, a meta tag, a JSON-LD field or a "published" field,
or a date (a <time>'s included) in the byline just above the article's first
paragraph. The markup is searched with regular expressions, not parsed a
second time.
"""

from __future__ import annotations

import functools
import html as htmllib
import re

from ..model import PartialDate
from .dates import date_from_url, find_full_dates, parse_hint

_META = re.compile(r"<meta\b[^>]*>", re.I)
_HEAD_END = re.compile(r"</head\s*>", re.I)  # meta tags live in the head; the body's are read as published fields
_CONTENT = re.compile(r"""\b(?:content|value|datetime)\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_JSON_DATE = re.compile(r""""(?:datePublished|dateCreated|uploadDate|dateModified)"\s*:\s*"([^"]{6,40})\"""")
# A hidden field or element whose class, id, name or itemprop says it holds the publication date:
# "<time class="read__published" datetime=...>", "<span itemprop="datePublished">3 Nov 2023</span>".
# Found from the rare word "publish" outwards: a pattern over every tag costs a millisecond a page.
_PUBLISH = re.compile(r"publish", re.I)
_OWN_ATTR = re.compile(r"""\b(?:class|id|name|itemprop)\s*=\s*(["'])([^"']*publish[^"']*)\1""", re.I)
# A labelled publication date in the page's text: "Publication date: August 15, 2023".
_LABELLED = re.compile(r"\b(?:publication date|date of publication|date published|published on)\s*:?\s*", re.I)
_NOT_OWN = re.compile(r"comment|reply|related|sidebar|widget|recent|popular", re.I)
_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TIME_ATTR = re.compile(r"""<time\b[^>]*\bdatetime\s*=\s*(["'])(.*?)\1[^>]*>""", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_YEARISH = re.compile(r"(?:19|20)\d\d")  # most meta tags hold no date: skip them unparsed
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)")
PROBE = (40, 20)  # characters of the article's first paragraph looked for in the page's text
BYLINE_ZONE = 400  # characters before the article's first paragraph: headline, byline, date


def _parse(value: str) -> PartialDate | None:
    """A date from an attribute value: ISO, compact 20231103, or any full date."""
    value = htmllib.unescape(value).strip()
    m = _COMPACT.match(value)
    if m:
        try:
            return PartialDate(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    return parse_hint(value[:10]) or parse_hint(value)


@functools.lru_cache(maxsize=2)  # the byline and the label checks read the same page
def _plain(markup: str) -> str:
    """The page's visible text in one line, a <time>'s datetime written out in its place."""
    markup = _SCRIPT.sub(" ", markup)
    markup = _TIME_ATTR.sub(lambda m: f" {m.group(2)} ", markup)
    return _SPACE.sub(" ", htmllib.unescape(_TAG.sub(" ", markup)))


def _byline_zone(markup: str, first_paragraph: str | None) -> str:
    """The text just above the article's first paragraph (headline, byline, date), or "" if not found."""
    if not first_paragraph:
        return ""
    plain = _plain(markup)
    probe_text = _SPACE.sub(" ", first_paragraph)
    for size in PROBE:  # inline markup may change the longer probe's spacing
        at = plain.find(probe_text[:size])
        if at > 0:
            return plain[max(0, at - BYLINE_ZONE) : at]
    return ""


def _published_fields(markup: str) -> list[tuple[str, str]]:
    """(opening tag, the text right after it) of each element marked as holding the publication date."""
    out, last = [], -1
    for m in _PUBLISH.finditer(markup):
        start = markup.rfind("<", 0, m.start())
        end = markup.find(">", m.end())
        if start <= last or end < 0 or markup.find(">", start, m.start()) >= 0:
            continue  # not inside a tag, or a tag already read
        last = start
        tag = markup[start : end + 1]
        attr = _OWN_ATTR.search(tag)
        if tag[1:2] in ("/", "!") or attr is None or _NOT_OWN.search(attr.group(2)):
            continue
        text_end = markup.find("<", end + 1)
        out.append((tag, markup[end + 1 : text_end if 0 <= text_end <= end + 81 else end + 81]))
    return out


def _metadata_dates(markup: str) -> set[PartialDate]:
    """The full dates of meta tags, "published" fields and JSON-LD date fields."""
    dates: set[PartialDate] = set()
    head_end = _HEAD_END.search(markup)
    for tag in _META.finditer(markup, 0, head_end.start() if head_end else len(markup)):
        content = _CONTENT.search(tag.group(0))
        if content and _YEARISH.search(content.group(2)) and (found := _parse(content.group(2))) is not None:
            dates.add(found)
    for tag, text in _published_fields(markup):
        content = _CONTENT.search(tag)
        found = _parse(content.group(2)) if content else None
        inner = find_full_dates(htmllib.unescape(text))
        dates.update(d for d in (found, inner[0].date if inner else None) if d is not None)
    for m in _JSON_DATE.finditer(markup):
        if (found := _parse(m.group(1))) is not None:
            dates.add(found)
    return {d for d in dates if d.precision == "day"}


def _labelled_dates(markup: str) -> set[PartialDate]:
    """Dates the page's text labels as its publication's ("Publication date: August 15, 2023, 10:00")."""
    if not _LABELLED.search(markup):
        return set()  # most pages: no label, no need for their text
    plain = _plain(markup)
    out = set()
    for m in _LABELLED.finditer(plain):
        found = find_full_dates(plain[m.end() : m.end() + 40])
        if found and found[0].start == 0:
            out.add(found[0].date)
    return out


def labelled_date(markup: str) -> PartialDate | None:
    """The one date the page's text labels as its publication's, else None (none, or several that disagree)."""
    found = _labelled_dates(markup)
    return next(iter(found)) if len(found) == 1 else None


def is_stated(date: PartialDate, markup: str, url: str | None, first_paragraph: str | None) -> bool:
    """True when ``date`` (htmldate's) is one the page states as its own, not a list's, footer's or comment's.

    Stated: in the URL's path or the page's metadata; or in the byline above
    the article, unless the URL names another day (a fact-check's byline also
    dates the claim it checks, and htmldate prefers the older).
    """
    from_url = date_from_url(url)
    if from_url is not None and from_url.date == date:
        return True
    if date in _metadata_dates(markup):
        return True
    if date in _labelled_dates(markup):
        return True
    in_byline = date in {m.date for m in find_full_dates(_byline_zone(markup, first_paragraph))}
    return in_byline and from_url is None
