"""read_html parses a page once, yet finds what the three separate extractors find."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from missive.clean.htmlpage import extract_date, extract_main_text, extract_title, read_html
from missive.model import PartialDate

BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The premier of a small island state wrote to the chancellor of a distant republic to thank her for relief supplies.",
        "The letter said that the shipments had reached every village on the eastern coast before the storm season.",
        "It added that the two governments would meet in the spring to agree on a plan for the harbour works.",
    )
)

PAGES = {
    "meta date and og title": (
        '<html><head><title>Premier thanks chancellor | Island Post</title>'
        '<meta property="og:title" content="Premier thanks chancellor">'
        '<meta property="article:published_time" content="2019-04-02T09:00:00Z"></head>'
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Premier thanks chancellor</h1>{BODY}</article>"
        "<footer>All rights reserved.</footer></body></html>",
        "Premier thanks chancellor", PartialDate(2019, 4, 2),
    ),
    "date only in the url": (
        f"<html><head><title>Harbour plan</title></head><body><article>{BODY}</article></body></html>",
        "Harbour plan", PartialDate(2020, 11, 5),
    ),
    "no article, canonical link elsewhere: the date as htmldate finds it with the page's url": (
        '<html><head><title>Notice</title><link rel="canonical" href="https://mirror.example.net/notice">'
        "</head><body><div></div></body></html>",
        "Notice", PartialDate(2020, 11, 5),
    ),
    "no article, title and date still read": (
        '<html><head><title>Index</title><meta name="date" content="2018-01-20"></head>'
        "<body><p>Short.</p></body></html>",
        "Index", PartialDate(2018, 1, 20),
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_one_pass_agrees_with_each_extractor(name):
    html, title, date = PAGES[name]
    url = "https://post.example.org/2020/11/05/harbour" if "url" in name else None
    got = read_html(html, url)
    assert (got.text, got.title, got.published) == (
        extract_main_text(html, url), extract_title(html, url), extract_date(html, url))
    assert (got.title, got.published) == (title, date)


def test_one_pass_skips_metadata_it_does_not_read():
    """Author, site name, categories, tags and licence are never computed (they were 3/4 of the metadata time)."""
    from unittest import mock

    html, _, _ = PAGES["meta date and og title"]
    from trafilatura import metadata
    with mock.patch.object(metadata, "extract_author", side_effect=AssertionError("author read")), \
            mock.patch.object(metadata, "extract_catstags", side_effect=AssertionError("tags read")), \
            mock.patch.object(metadata, "extract_license", side_effect=AssertionError("licence read")):
        assert read_html(html).title == "Premier thanks chancellor"


def test_one_pass_agrees_on_real_pages():
    """On a sample of the shared HTML benchmark's pages (read at test time; skipped where absent)."""
    pages = sorted((Path(__file__).resolve().parents[3] / "shared" / "bench" / "html" / "pages").glob("*.html.gz"))
    if not pages:
        pytest.skip("../shared/bench/html is not present on this machine")
    for path in pages[::20]:
        html = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        got = read_html(html)
        assert (got.text, got.title, got.published) == (
            extract_main_text(html), extract_title(html), extract_date(html)), path.name
