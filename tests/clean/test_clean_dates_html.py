"""HTML publication dates: htmldate's date is kept only where the page states it as its own."""

from __future__ import annotations

import pytest

from missive.clean import clean_page
from missive.clean.htmldates import is_stated
from missive.model import Page, PartialDate

PARAS = ("<p>The chairman of the Example Committee sent a warm message of greetings to the president of a "
         "friendly country on Monday, the agency said in a report carried by state media.</p>"
         "<p>Both sides said they would keep in close touch over the coming months and meet again soon, "
         "according to the statement.</p>")
FIRST = "The chairman of the Example Committee sent a warm message"


def page(head: str = "", top: str = "", foot: str = "") -> str:
    return (f"<html><head><title>Chairman sends greetings</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Chairman sends greetings to friendly president</h1>{top}{PARAS}</article>{foot}</body></html>")


def published(html: str, url: str | None = None) -> str | None:
    doc = clean_page(Page(source="t.html", raw=html.encode(), text=html, media_type="html", encoding="utf-8",
                          container="html", url=url))
    return doc.published.date.iso() if doc.published else None


STATED = [
    (page('<meta property="article:published_time" content="2023-11-03T14:05:00+09:00">'), "a meta tag"),
    (page('<meta property="article:published_time" content="2023-11-03T14:05:00+09:00">'
          '<meta property="article:modified_time" content="2023-11-05T10:00:00+09:00">'), "published over modified"),
    (page(top='<time datetime="2023-11-03">3 Nov</time>'), "a <time> in the byline"),
    (page('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-03T14:05:00Z",'
          '"dateModified":"2023-11-06T00:00:00Z"}</script>'), "JSON-LD"),
    (page(top='<input class="published_date" type="hidden" value="2023-11-03 14:05:00">'), "a hidden published field"),
    (page(top='<meta itemprop="datePublished" content="2023-11-03T14:05:00Z">'), "microdata in the body"),
    (page(top='<div class="press-date"><div>November 3, 2023</div></div>'), "a byline date in nested markup"),
    (page(top='<p class="meta">Published: 03.11.2023 14:05</p>'), "a labelled date line"),
    # a ministry's layout: the lead paragraph first, its publication time below it
    (page().replace("</h1>", "</h1><p class='lead'>The chairman sent greetings to a friendly president on the national day.</p>"
                             "<time class='item__published' datetime='2023-11-03'>3 November 2023, 10:00</time>"),
     "a published-classed time under the lead"),
    (page(foot="<p class='bottom'>Status: published in News. Publication date: November 3, 2023, 10:00.</p>"),
     "a labelled publication date under the article"),
]


@pytest.mark.parametrize("html, kind", STATED, ids=[k for _, k in STATED])
def test_stated_dates_are_kept(html: str, kind: str) -> None:
    assert published(html) == "2023-11-03"


TRAPS = [
    (page(foot="<footer>Copyright © 2023 Example Agency. All rights reserved.</footer>"), "a copyright year"),
    (page(foot="<footer>Last modified: 2024-01-15</footer>"), "a footer's last change"),
    (page(foot="<aside><h3>Related</h3><ul><li><a href='/a'>Other headline</a> 2023-10-01</li>"
               "<li><a href='/b'>Another</a> 2023-09-01</li></ul></aside>"), "a related list"),
    (page(foot="<section class='comments'><div class='comment'><span>A. Reader</span> "
               "<time datetime='2023-11-05T10:22'>November 5, 2023</time><p>Good news.</p></div></section>"),
     "a reader's comment"),
    (page(foot="<div class='widget'><p class='tweet-date'>November 5, 2023, 10:54 am</p></div>"), "a social widget"),
]


@pytest.mark.parametrize("html, kind", TRAPS, ids=[k for _, k in TRAPS])
def test_no_date_from_traps(html: str, kind: str) -> None:
    assert published(html) is None


def test_url_date_wins_over_an_older_byline_date_of_a_cited_claim() -> None:
    top = "<p class='claim'>Said on Sunday, October 13th, 2019</p><p class='by'>By A. Writer on November 18th, 2019</p>"
    url = "https://example.com/statements/2019/nov/18/a-claim/"
    assert published(page(top=top), url) == "2019-11-18"


def test_is_stated_reads_metadata_url_and_byline() -> None:
    day = PartialDate(2023, 11, 3)
    assert is_stated(day, page(), "https://example.com/2023/11/03/x.html", FIRST)
    assert is_stated(day, page('<meta name="pubdate" content="20231103">'), None, FIRST)
    assert is_stated(day, page(top="<span>3 November 2023</span>"), None, FIRST)
    assert not is_stated(day, page(foot="<p>3 November 2023</p>"), None, FIRST)
    # where the article's first paragraph cannot be found, no byline is read
    assert not is_stated(day, page(top="<span>3 November 2023</span>"), None, "A paragraph not on the page")
