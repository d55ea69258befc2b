"""clean_page: a Page reduced to a Document (article text, title, outlet, language, date).

Publication date, in order of trust:

1. the container's ``published_hint`` (a JSONL field),
2. what the page itself states: a crawl header, a date line at the top, a
   dateline with a full date (for HTML: htmldate's original date),
3. a date in the URL's path,
   then a date-only line among the article's first lines, or an agency's closing
   date stamp ("(Juche111.10.7.)"),
4. for text crawls, a lone date line closing the article.

Nothing else: no date from navigation, related lists, crawl stamps or copyright years.
"""

from __future__ import annotations

from ..errors import InputError
from ..model import DatedValue, Document, Page, Span
from .cues import date_rules, match_cue
from .dates import date_from_url, find_full_dates, parse_hint
from .htmlpage import read_html
from .language import detect_language
from .outlet import find_outlet
from .textpage import CleanedText, clean_text, is_date_only, normalise_line


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
    if published is None and lines:
        # The article's own lead may carry a full dateline even when the markup does not.
        lead = clean_text(text).published
        if lead is not None and lead.rule.startswith(("header.", "lead.")):
            published = lead
    return CleanedText(text if lines else "", title, published)


LEAD_LINES = 4  # a date-only line this near the top of the article is its own date
CLOSING_LINES = 3


def _line_spans(text: str) -> list[tuple[int, str]]:
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def _lead_date_line(text: str) -> DatedValue | None:
    """A date-only line among the article's first lines ("2019-09-10 16:40" under a headline that reads as prose)."""
    for offset, line in _line_spans(text)[:LEAD_LINES]:
        if is_date_only(line) and not date_rules().update_labels.search(line):
            m = find_full_dates(line)[0]
            return DatedValue(m.date, Span(offset + m.start, offset + m.end, line[m.start : m.end]), f"lead-line.{m.rule}")
    return None


def _closing_stamp(text: str) -> DatedValue | None:
    """An agency's own closing date stamp ("... -0- (Juche111.10.7.)") in the article's last lines."""
    lines = [(o, ln) for o, ln in _line_spans(text) if ln.strip()]
    for offset, line in reversed(lines[-CLOSING_LINES:]):
        for m in find_full_dates(line):
            if m.rule == "date.juche-stamp":
                return DatedValue(m.date, Span(offset + m.start, offset + m.end, line[m.start : m.end]), f"stamp.{m.rule}")
    return None


def _published(page: Page, cleaned: CleanedText) -> DatedValue | None:
    hint = parse_hint(page.published_hint)
    if hint is not None:
        return DatedValue(hint, None, "hint")
    stated = cleaned.published
    if stated is not None and not stated.rule.startswith("closing."):
        return stated
    own = _lead_date_line(cleaned.text) or _closing_stamp(cleaned.text)
    if own is not None:
        return own
    from_url = date_from_url(page.url)
    if from_url is not None:
        return DatedValue(from_url.date, None, from_url.rule)
    return stated


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
