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
from lxml.html import HtmlElement
from trafilatura import metadata as trafilatura_metadata
from trafilatura.settings import Document as TrafilaturaDocument
from trafilatura.utils import load_html

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


def _title_and_url(tree: HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    """The title and canonical URL, as trafilatura's ``extract_metadata`` finds them on ``tree``.

    Its same steps, in its order (meta tags and OpenGraph, JSON-LD, the title
    element or h1, the canonical link), without what we never read: author,
    site name, categories, tags and licence cost three quarters of its time on
    news-size pages (author alone deep-copies the tree).
    """
    found = trafilatura_metadata.examine_meta(tree)
    try:
        found = trafilatura_metadata.extract_meta_json(tree, found)
    except Exception:  # noqa: BLE001 - trafilatura ignores its own JSON-LD bugs the same way
        pass
    if not found.title:
        found.title = trafilatura_metadata.extract_title(tree)
    if not found.url:
        found.url = trafilatura_metadata.extract_url(tree, url)
    title = TrafilaturaDocument()
    title.title = found.title
    title.clean_and_trim()  # the length cap and unescaping extract_metadata applies last
    return title.title, found.url


def read_html(html: str, url: str | None = None) -> HtmlArticle:
    """Run the HTML extractors over one page, parsing it once.

    One lxml tree gives the title and htmldate's date (with DATE_OPTIONS) and
    then, handed to ``bare_extraction`` (which works on its own copy), the main
    text. Same text, title and date as extract(), extract_metadata() and
    find_date() each parsing the page again (x3 the time), and as
    ``bare_extraction(with_metadata=True)``, which also computed the author, site
    name, categories, tags and licence. Where trafilatura finds no article, the
    date is looked up with the page's own URL, as find_date alone does.
    """
    try:
        tree = load_html(html)
        if tree is None:
            return HtmlArticle("", None, None)
        title, canonical = _title_and_url(tree, url)
        date = htmldate.find_date(tree, url=canonical, **DATE_OPTIONS)
        found = trafilatura.bare_extraction(tree, url=url, output_format="python", **EXTRACT_OPTIONS)
    except (ValueError, TypeError, AttributeError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from exc
    title = title.strip() if title and title.strip() else None
    if found is None:
        if canonical != url:
            date = _find_date(tree, url)
        return HtmlArticle("", title, _partial_date(date) if date else None)
    # As extract(output_format="txt") returns it: NFC-normalised.
    text = unicodedata.normalize("NFC", found.text or "").strip()
    # htmldate ran with DATE_OPTIONS on this tree: running it again where it found no date repeats the
    # same call (on 281 benchmark pages it never found one).
    return HtmlArticle(text, title, _partial_date(date) if date else None)


def _find_date(tree: HtmlElement, url: str | None) -> str | None:
    try:
        return htmldate.find_date(tree, url=url, **DATE_OPTIONS)
    except (ValueError, TypeError, AttributeError):
        return None


def _partial_date(found: str) -> PartialDate | None:
    try:
        return PartialDate.parse(found)
    except ValueError:
        return None
