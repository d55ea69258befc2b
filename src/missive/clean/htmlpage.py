"""Main text, title and publication date of an HTML page (trafilatura and htmldate).

The settings below were chosen by measuring on the HTML benchmark
(bench/html_quality.py, docs/html-quality.md); change them only with a new measurement.
"""

from __future__ import annotations

import logging
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
        found = htmldate.find_date(html, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError, AttributeError):
        # htmldate raises on malformed markup; an unknown date is then the honest answer.
        return None
    if not found:
        return None
    try:
        return PartialDate.parse(found)
    except ValueError:
        return None


def read_html(html: str, url: str | None = None) -> HtmlArticle:
    """Run the HTML extractors over one page."""
    return HtmlArticle(extract_main_text(html, url), extract_title(html, url), extract_date(html, url))
