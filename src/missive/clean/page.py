"""clean_page: a Page reduced to a Document (article text, title, outlet, language, date).

Publication date, in order of trust:

1. the container's ``published_hint`` (a JSONL field),
2. what the page itself states: a crawl header, a date line at the top, a
   dateline with a full date (for HTML: htmldate's original date),
3. a date in the URL's path,
   then a date-only or labelled line among the article's first lines, a headline
   that carries its date ("Regular Press Conference on October 9, 2025"), or an
   agency's closing date stamp ("(Juche111.10.7.)"),
4. for text crawls, a lone date line closing the article,
5. last, an update stamp ("Updated: 2016-11-26 18:22") where the page states no
   other date: the page was at least written by then, and such pages (China
   Daily, CGTN) print no other date.

Nothing else: no date from navigation, related lists, crawl stamps or copyright years.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import DatedValue, Document, Page, PartialDate, Span
from .cues import date_rules, match_cue
from .dates import DateMatch, date_from_url, find_dateline, find_full_dates, parse_hint
from .htmldates import is_stated, labelled_date
from .htmlpage import read_html
from .language import detect_language
from .outlet import find_outlet
from .textpage import (DATE_LINE_RESIDUE, CleanedText, clean_text, date_cell, is_date_only, is_prose, is_trap,
                       normalise_line, weight)


def _clean_html(page: Page) -> CleanedText:
    article = read_html(page.text, page.url)
    title = normalise_line(article.title) if article.title else None
    # trafilatura's output can still hold a menu word or a credit: the same line cues apply.
    lines = [ln for ln in (normalise_line(x) for x in article.text.splitlines())
             if ln and not match_cue("drop", ln) and not match_cue("stamp", ln)]
    if title and lines and lines[0].casefold() == title.casefold():
        lines = lines[1:]
    text = "\n".join(([title] if title else []) + lines)
    published = DatedValue(article.published, None, "html.htmldate") if article.published else None
    if published is not None and not is_stated(published.date, page.text, page.url, lines[0] if lines else None):
        published = None  # a related list's, a footer's or a comment's date, which htmldate's fast mode takes
    if published is None and lines:
        # The article's own lead may carry a full dateline even when the markup does not.
        lead = clean_text(text).published
        from_url = date_from_url(page.url)
        # A URL naming another day wins over a text line the markup did not mark as the date.
        if lead is not None and lead.rule.startswith(("header.", "lead.")) and (
            from_url is None or from_url.date == lead.date
        ):
            published = lead
    if published is None and lines and (labelled := labelled_date(page.text)) is not None:
        published = DatedValue(labelled, None, "html.labelled")  # "Publication date: ..." under the article
    return CleanedText(text if lines else "", title, published)


LEAD_LINES = 4  # a date-only line this near the top of the article is its own date
CLOSING_LINES = 3


def _line_spans(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _labelled(line: str) -> bool:
    """A short line led by a publication label ("PUBLISHED JUN 12, 2018 | 10:00 AM")."""
    rules = date_rules()
    found = find_full_dates(line)
    if not found or not rules.date_labels.match(line.lstrip("|-–·• ")):
        return False
    rest = (line[: found[0].start] + line[found[0].end :]).lower()
    rest = rules.date_noise.sub(" ", rules.date_labels.sub(" ", rest))
    return weight(" ".join(re.findall(r"[^\W\d_]+", rest))) <= DATE_LINE_RESIDUE


def _byline(line: str) -> DateMatch | None:
    """A byline ending in its date ("Jane Roe, Staff Reporter - Nov 3, 2023"): short, no sentence, no "on" before the date."""
    found = find_full_dates(line)
    if not found or is_prose(line) or line.rstrip().endswith((".", "!", "?", "。")):
        return None
    m = found[-1]
    before, after = line[: m.start], line[m.end :]
    if date_rules().sentence_date_prefix.search(date_rules().date_noise.sub(" ", before).rstrip(" ,")) or re.search(r"[^\W\d_]", date_rules().date_noise.sub(" ", after)):
        return None  # "met on Nov 3, 2023", or words after the date: a sentence, not a byline
    return m if weight(" ".join(re.findall(r"[^\W\d_]+", before))) <= DATE_LINE_RESIDUE else None


def _lead_date_line(text: str) -> DatedValue | None:
    """A date-only or labelled line among the article's first lines ("2019-09-10 16:40" under a prose-like headline)."""
    spans = _line_spans(text)
    for at, (offset, line) in enumerate(spans[:LEAD_LINES]):
        if date_rules().update_labels.search(line) or is_trap(line):
            continue
        m = find_full_dates(line)[0] if is_date_only(line) or _labelled(line) else date_cell(line)
        if m is None and any(is_prose(ln) for _, ln in spans[at + 1 : at + 3]):
            m = _byline(line)  # a byline stands just above a paragraph; a dated headline under the article is a list's
        if m is not None:
            return DatedValue(m.date, Span(offset + m.start, offset + m.end, line[m.start : m.end]), f"lead-line.{m.rule}")
    return None


_STAMPS = ("date.juche-stamp", "date.agency-stamp")  # "(Juche111.10.7.)", "(KCNA - Oct. 27, 2016)"


def _juche_stamp(offset: int, line: str) -> DatedValue | None:
    for m in find_full_dates(line):
        if m.rule in _STAMPS and not line[m.end :].strip():
            return DatedValue(m.date, Span(offset + m.start, offset + m.end, line[m.start : m.end]), f"stamp.{m.rule}")
    return None


def _closing_stamp(text: str) -> DatedValue | None:
    """An agency's own closing date stamp ("... -0- (Juche111.10.7.)", "(KCNA - Oct. 27, 2016)"): the first that ends a line.

    KCNA closes each article with its stamp; footer lines a crawl keeps after it
    hide it from the last lines, and a digest's later stamps are other articles'.
    """
    lines = [(o, ln) for o, ln in _line_spans(text) if ln.strip()]
    own = next(filter(None, (_juche_stamp(o, ln) for o, ln in lines)), None)
    if own is not None:
        return own
    for offset, line in reversed(lines[-CLOSING_LINES:]):
        for m in find_full_dates(line):
            if m.rule in _STAMPS:
                return DatedValue(m.date, Span(offset + m.start, offset + m.end, line[m.start : m.end]), f"stamp.{m.rule}")
    return None


def _header_lines(text: str, cleaned: CleanedText) -> list[tuple[int | None, str]]:
    """The page's first lines, kept or not: (offset in the text or None, line)."""
    dropped = [(None, ln) for ln, rule in cleaned.dropped if rule == "header"]
    return dropped[:LEAD_LINES] + list(_line_spans(text)[:LEAD_LINES])


def _title_date(text: str, cleaned: CleanedText) -> DatedValue | None:
    """A headline ending in its own date: "Foreign Ministry Spokesperson's Regular Press Conference on October 9, 2025"."""
    prefix = date_rules().title_date_prefix
    if prefix is None:
        return None
    for offset, line in _header_lines(text, cleaned):
        for m in find_full_dates(line):
            if not line[m.end :].strip(" .") and prefix.search(line[: m.start]):
                span = Span(offset + m.start, offset + m.end, line[m.start : m.end]) if offset is not None else None
                return DatedValue(m.date, span, f"title.{m.rule}")
    return None


def _update_stamp(text: str, cleaned: CleanedText) -> DatedValue | None:
    """An "Updated: 2016-11-26 18:22" line among the first lines: the last resort."""
    rules = date_rules()
    for offset, line in _header_lines(text, cleaned):
        # The stamp may be one cell of a byline: "By A Writer | outlet.com | Updated: 2016-11-26 18:22".
        at = 0
        for cell in line.split("|"):
            label = rules.update_labels.search(cell.lstrip("-–·• "))
            found = find_full_dates(cell)
            if label and found and not is_trap(cell):
                m = found[0]
                start, end = at + m.start, at + m.end
                span = Span(offset + start, offset + end, line[start:end]) if offset is not None else None
                return DatedValue(m.date, span, f"updated.{m.rule}")
            at += len(cell) + 1
    return None


_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _month_first(found: DatedValue | None, page: Page, text: str) -> DatedValue | None:
    """Read an ambiguous "11/03/2023" month-first where the dateline or URL says so (a US wire's Nov. 3).

    Slash dates are read day-first (most of our outlets); the page's own
    dateline ("WASHINGTON, Nov. 3 (UPI) --") or its URL settles the few that are not.
    """
    if found is None or found.span is None or not found.rule.endswith("date.slash"):
        return found
    m = _SLASH.search(found.span.text)
    if m is None:
        return found
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        other = PartialDate(year, a, b) if found.date.month == b else PartialDate(year, b, a)
    except ValueError:
        return found
    dateline = find_dateline(text)
    from_url = date_from_url(page.url)
    says = {(dateline[0], dateline[1])} if dateline else set()
    says |= {(from_url.date.month, from_url.date.day)} if from_url else set()
    if (other.month, other.day) in says and (found.date.month, found.date.day) not in says:
        return DatedValue(other, found.span, found.rule + ".month-first")
    return found


def _published(page: Page, cleaned: CleanedText) -> DatedValue | None:
    return _month_first(_published_as_read(page, cleaned), page, cleaned.text)


def _published_as_read(page: Page, cleaned: CleanedText) -> DatedValue | None:
    hint = parse_hint(page.published_hint)
    if hint is not None:
        return DatedValue(hint, None, "hint")
    stated = cleaned.published
    if stated is not None and not stated.rule.startswith("closing."):
        return stated
    own = _lead_date_line(cleaned.text) or _title_date(cleaned.text, cleaned) or _closing_stamp(cleaned.text)
    if own is not None:
        return own
    from_url = date_from_url(page.url)
    if from_url is not None:
        return DatedValue(from_url.date, None, from_url.rule)
    return stated or _update_stamp(cleaned.text, cleaned)


def clean_page(page: Page) -> Document:
    """Reduce a page to its article; raise InputError when no article text remains."""
    cleaned = _clean_html(page) if page.media_type == "html" else clean_text(page.text)
    if not cleaned.text.strip():
        raise InputError(f"{page.name}: no article text remains after cleaning "
                         f"({len(page.text)} characters in, all navigation or boilerplate)")
    title = cleaned.title or (normalise_line(page.title_hint) if page.title_hint else None) or None
    return Document(
        page_hash=page.hash,
        source=page.source,
        text=cleaned.text,
        title=title,
        outlet=find_outlet(page.url, cleaned.text),
        language=detect_language(cleaned.text),
        published=_published(page, cleaned),
        url=page.url,
    )
