"""Publication dates by kind: the formats state media and wires print, and the dates that are never the page's."""

from __future__ import annotations

import pytest

from missive.clean import clean_page, date_from_url
from missive.clean.dates import find_full_dates
from missive.model import Page

HEAD = "Chairman sends greetings to friendly president"
BODY = ("The chairman of the Example Committee sent a warm message of greetings to the president "
        "of a friendly country on Monday, the agency said.")
MORE = "Both sides said they would keep in close touch over the coming months and meet again soon."


def published(text: str, url: str | None = None) -> str | None:
    page = Page(source="t.txt", raw=text.encode(), text=text, media_type="text", encoding="utf-8",
                container="txt", url=url)
    doc = clean_page(page)
    if doc.published and doc.published.span:
        span = doc.published.span
        assert doc.text[span.start : span.end] == span.text
    return doc.published.date.iso() if doc.published else None


# Each line stands under the headline, above the article.
HEADER_LINES = [
    ("2023-11-03", "iso"),
    ("Nov 3, 2023", "month name first"),
    ("03.11.2023", "day-first, dotted"),
    ("3 November 2023 | 14:05", "day first, a time in a cell"),
    ("2023/11/03", "year first, slashes"),
    ("Friday, 3 November 2023", "weekday first"),
    ("Fri, Nov. 3, 2023 14:05 KST", "abbreviated, with a time zone"),
    ("2023-11-03 14:05 (GMT+8)", "an offset in brackets"),
    ("2023-11-03T14:05:00+09:00", "a full ISO timestamp"),
    ("November 3, 2023 at 2:05 pm", "a time after 'at'"),
    ("03 Nov 2023 14:05 GMT", "day first, abbreviated month"),
    ("Posted on November 3, 2023 by admin", "a blog's 'Posted on'"),
    ("Date: 2023-11-03", "'Date:'"),
    ("Source: Example Agency Time: 2023-11-03 14:05", "a source and a 'Time:'"),
    ("Release time: 2023-11-03 14:05:33", "'Release time:'"),
    ("Juche 112 (2023).11.3.", "a DPRK site's Juche year, dotted"),
    ("Juche 112 (2023) November 3, Friday", "a DPRK header: Juche year, then month name and day"),
    ("Updated: 2023-11-04 | Published: 2023-11-03", "an update cell before the publication cell"),
    ("Updated: 2023-11-04 09:00 Published: 2023-11-03 10:00", "an update label before the publication label"),
    ("2023-11-03 15:10 | Updated : 2023-11-04 16:00", "an agency's time, then its update"),
    ("최종수정 2023-11-04 09:00 기사입력 2023-11-03 14:05", "a Korean final edit before the entry time"),
    ("更新时间：2023-11-04 09:00 发布时间：2023-11-03 14:05", "a Chinese update time before the release time"),
    ("발행 2023-11-03 14:05", "a Korean issue label"),
    ("发表于 2023-11-03", "a Chinese 'published at'"),
]


@pytest.mark.parametrize("line, kind", HEADER_LINES, ids=[k for _, k in HEADER_LINES])
def test_header_date_kinds(line: str, kind: str) -> None:
    assert published(f"{HEAD}\n{line}\n{BODY}\n{MORE}") == "2023-11-03"


def test_aggregator_header_with_source_and_date_cells() -> None:
    page = f"Example Aggregator\nNews | World | Asia | Opinion\n{HEAD}\nSource: Example Agency | 2023-11-03 14:05\n{BODY}\n{MORE}"
    assert published(page) == "2023-11-03"


@pytest.mark.parametrize("url", [
    "https://example.com/news/2023/11/03/greetings.html",
    "https://example.com/news/20231103/a1.html",
    "http://example.com/politics/2023-11/03/c_123.htm",
    "http://example.com/a/202311/03/WS65.html",
    "https://example.com/2023-11-03/greetings",
])
def test_url_path_dates(url: str) -> None:
    found = date_from_url(url)
    assert found is not None and found.date.iso() == "2023-11-03"
    assert published(f"{HEAD}\n{BODY}\n{MORE}", url) == "2023-11-03"


@pytest.mark.parametrize("url", ["https://example.com/news/a12345.html", "https://example.com/2023/politics/a1.html"])
def test_url_without_a_full_date(url: str) -> None:
    assert date_from_url(url) is None


def test_juche_month_day_form_reads_the_juche_year() -> None:
    (found,) = [m for m in find_full_dates("Date: November 3, Juche 112 (2023)") if m.rule == "date.month-day-juche"]
    assert found.date.iso() == "2023-11-03"


# Pages that state no date of their own: a date on these lines must not become one.
TRAPS = [
    (f"{HEAD}\nLast modified: 2024-01-15\n{BODY}\n{MORE}", "the site's last change"),
    (f"Cookie policy (25.05.2018)\n{HEAD}\n{BODY}\n{MORE}", "a cookie notice"),
    (f"We use cookies. Our cookie policy was updated on 25 May 2018.\n{HEAD}\n{BODY}\n{MORE}", "a cookie banner"),
    (f"{HEAD}\n{BODY}\n{MORE}\nCopyright 2023 Example Agency", "a copyright year"),
    (f"{HEAD}\nRetrieved 2024-02-01\n{BODY}\n{MORE}", "a crawl stamp"),
    (f"{HEAD}\nAccessed on 1 February 2024\n{BODY}\n{MORE}", "an access stamp"),
    (f"{HEAD}\n{BODY}\n{MORE}\nPrinted on 2024-02-01", "a print stamp closing the page"),
    (f"{HEAD}\nPage generated on 2024-02-01 10:00\n{BODY}\n{MORE}", "a site generator's stamp"),
    (f"Today: Friday, February 2, 2024\n{HEAD}\n{BODY}\n{MORE}", "today's banner"),
    (f"Mar. 24,Juche 112 (2023) Friday\n{HEAD}\n{BODY}\n{MORE}", "a DPRK site's banner"),
    (f"{HEAD}\n{BODY}\n{MORE}\nComments\nA. Reader\n2023-11-05 10:22", "a comment's time"),
    (f"{HEAD}\n{BODY}\n{MORE}\nA. Reader says:\nNovember 5, 2023 at 10:22 am", "a reply's time"),
    (f"{HEAD}\n{BODY}\n{MORE}\nRelated Articles\nSome other headline 2023-10-01\nAnother headline 2023-09-01",
     "a related list"),
    (f"{HEAD}\n{BODY}\n{MORE}\nOther headline about trade talks  2023-10-01\nAnother headline about a visit  2023-09-01",
     "an unlabelled list of dated headlines"),
]


@pytest.mark.parametrize("text, kind", TRAPS, ids=[k for _, k in TRAPS])
def test_no_date_from_traps(text: str, kind: str) -> None:
    assert published(text) is None


def test_a_crawl_stamp_cell_does_not_hide_the_date_cell() -> None:
    page = f"{HEAD}\nSource: Example Agency | 2023-11-03 14:05 | Crawled 2024-02-01 10:00\n{BODY}\n{MORE}"
    assert published(page) == "2023-11-03"


def test_a_trap_line_does_not_hide_the_real_date_line() -> None:
    page = f"Retrieved 2024-02-01\n{HEAD}\nPublished: 2023-11-03\n{BODY}\n{MORE}"
    assert published(page) == "2023-11-03"


@pytest.mark.parametrize("lead", ["Samarkand, 24 July (Agency). ", "GOMEL, 24 July (Agency) - "])
def test_day_first_dateline_opens_the_body(lead: str) -> None:
    from missive.clean import find_dateline

    found = find_dateline(f"{lead}{BODY}")
    assert found is not None and found[:2] == (7, 24)


@pytest.mark.parametrize("page, url, expected", [
    # day-first unless the page's own dateline or URL says the month comes first
    (f"{HEAD}\n11/03/2023 2:05 PM\nWASHINGTON, Nov. 3 (Wire) -- {BODY}\n{MORE}", None, "2023-11-03"),
    (f"{HEAD}\n11/03/2023 2:05 PM\n{BODY}\n{MORE}", "https://example.com/2023/11/03/x", "2023-11-03"),
    (f"{HEAD}\n11/03/2023 2:05 PM\nPARIS, 11 March (Agency) -- {BODY}\n{MORE}", None, "2023-03-11"),
    (f"{HEAD}\n11/03/2023 2:05 PM\n{BODY}\n{MORE}", None, "2023-03-11"),
])
def test_ambiguous_slash_date_settled_by_dateline_or_url(page: str, url: str | None, expected: str) -> None:
    assert published(page, url) == expected


def test_year_run_into_a_time_by_the_crawl() -> None:
    assert published(f"{HEAD}\nNovember 3, 20232:05 PM GMT+8Updated 2 hours ago\n{BODY}\n{MORE}") == "2023-11-03"


def test_pipes_without_spaces() -> None:
    assert published(f"{HEAD}\nSource: Example Agency| 2023-11-03 14:05:33|Editor: A. Editor\n{BODY}\n{MORE}") == "2023-11-03"


def test_a_chinese_update_time_alone_is_the_last_resort() -> None:
    assert published(f"{HEAD}\n更新时间：2023-11-04 09:00\n{BODY}\n{MORE}") == "2023-11-04"
    assert published(f"{HEAD}\n更新时间：2023-11-04 09:00\n{BODY}\n{MORE}", "https://example.com/2023/11/03/x") == "2023-11-03"


PROSE_HEAD = "(News Focus) N. Korea's leader sends greetings to a friendly president ahead of the talks"


def test_byline_with_date_above_the_first_paragraph() -> None:
    # the headline reads as a sentence, so the byline is the body's second line
    page = f"Example Site\n{PROSE_HEAD}\nJane Roe, Staff Reporter - Nov 3, 2023\n{BODY}\n{MORE}"
    assert published(page) == "2023-11-03"


@pytest.mark.parametrize("line", [
    "Officials met on Nov 3, 2023 in the capital",       # a sentence's date
    "Said on Friday, November 3, 2023",                   # "on" before a weekday and date
    "Nov 3, 2023 was a busy day for the delegation",     # words after the date
])
def test_short_lines_that_are_not_bylines(line: str) -> None:
    assert published(f"Example Site\n{PROSE_HEAD}\n{line}\n{BODY}\n{MORE}") is None
