"""Main text, title and publication date of an HTML page (trafilatura and htmldate).

The settings below were chosen by measuring on the HTML benchmark
(bench/html_quality.py, docs/html-quality.md); change them only with a new measurement.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass

import htmldate
import trafilatura

from ..errors import InputError
from ..model import PartialDate

# Measured on the benchmark: fast mode (no fallback extractors) scores as well as
# the full cascade and is faster; comments and tables are never article text here.
EXTRACT_OPTIONS: dict[str, bool] = {
    "fast": True,
    "include_comments": False,
    "include_tables": False,
    "favor_precision": False,
}

# htmldate's settings, the same for trafilatura's metadata pass and for htmldate alone.
DATE_OPTIONS: dict[str, bool] = {"original_date": True, "extensive_search": False}

# trafilatura and htmldate log every page they cannot read at WARNING/ERROR:
# a bad page is reported by us as an InputError instead.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class HtmlArticle:
    """What the HTML extractors found: the main text, the title and the original date."""

    text: str
    title: str | None
    published: PartialDate | None


def extract_main_text(html: str, url: str | None = None) -> str:
    """Return the article's main text (paragraphs separated by newlines), or "" if none."""
    try:
        text = trafilatura.extract(html, url=url, output_format="txt", **EXTRACT_OPTIONS)
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    return text or ""


def extract_title(html: str, url: str | None = None) -> str | None:
    """Return the page's title from its metadata (og:title, <title>, h1), or None."""
    try:
        meta = trafilatura.extract_metadata(html, default_url=url)
    except (ValueError, TypeError, AttributeError):
        # No metadata is a normal outcome for a fragment; the text still stands.
        return None
    title = meta.title if meta is not None else None
    return title.strip() if title and title.strip() else None


def extract_date(html: str, url: str | None = None) -> PartialDate | None:
    """Return the page's original publication date (not its last update), or None."""
    try:
        found = htmldate.find_date(html, url=url, **DATE_OPTIONS)
    except (ValueError, TypeError, AttributeError):
        # htmldate raises on malformed markup; an unknown date is then the honest answer.
        return None
    return _partial_date(found) if found else None


def read_html(html: str, url: str | None = None) -> HtmlArticle:
    """Run the HTML extractors over one page, parsing it once.

    trafilatura's ``bare_extraction`` with metadata gives the main text, the title
    and htmldate's date (with DATE_OPTIONS) from one lxml tree; extract(),
    extract_metadata() and find_date() each parsed the page again (x3 the time).
    Only where trafilatura finds no article are the title and date looked up alone.
    """
    try:
        found = trafilatura.bare_extraction(
            html, url=url, output_format="python", with_metadata=True, date_extraction_params=dict(DATE_OPTIONS),
            **EXTRACT_OPTIONS,
        )
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    if found is None:
        return HtmlArticle("", extract_title(html, url), extract_date(html, url))
    # As extract(output_format="txt") returns it: NFC-normalised.
    text = unicodedata.normalize("NFC", found.text or "").strip()
    title = found.title.strip() if found.title and found.title.strip() else None
    # trafilatura's metadata pass already ran htmldate with DATE_OPTIONS on this tree: running it
    # again where it found no date repeats the same call (on 281 benchmark pages it never found one).
    return HtmlArticle(text, title, _partial_date(found.date) if found.date else None)


def _partial_date(found: str) -> PartialDate | None:
    try:
        return PartialDate.parse(found)
    except ValueError:
        return None
