"""Publication date: each format, the order of trust, and never a date from navigation."""

from __future__ import annotations

import pytest

from missive.clean import clean_page, clean_text, date_from_url, find_dateline
from missive.model import Page, PartialDate

HEAD = "Chairman sends greetings to friendly president"
LEAD = ("The chairman of the Example Committee sent a warm message of greetings to the "
        "president of a friendly country, the agency reported.")


def text_page(text: str, url: str | None = None, hint: str | None = None) -> Page:
    raw = text.encode()
    return Page(source="t.txt", raw=raw, text=text, media_type="text", encoding="utf-8",
                container="txt", url=url, published_hint=hint)


DATE_LINES = [
    ("(Xinhua) 11:16, September 09, 2021", "2021-09-09"),
    ("Date: 23/03/2021 | Source: Example Ministry | Read original version at source", "2021-03-23"),
    ("Published: 2021-03-23", "2021-03-23"),
    ("Published: Jul 11, 2021 10:46 AM Updated: Jul 12, 2021 12:26 PM", "2021-07-11"),
    ("calendar>>May 12. 2016 Juche 105", "2016-05-12"),
    ("2021-09-09 10:30", "2021-09-09"),
    ("发布时间:2025年9月9日 10:30", "2025-09-09"),
    ("2025.09.09", "2025-09-09"),
    ("입력 2025.09.09 10:30", "2025-09-09"),
    ("Thursday, September 22, 2022", "2022-09-22"),
    ("Sun, 09/24/2023 - 13:20", "2023-09-24"),
    ("10.01.2015 18:47", "2015-01-10"),
    ("Politics 2023.1.23.", "2023-01-23"),
]


@pytest.mark.parametrize("line, expected", DATE_LINES)
def test_date_line_under_headline(line: str, expected: str) -> None:
    cleaned = clean_text(f"{HEAD}\n{line}\n{LEAD}")
    assert cleaned.published is not None
    assert cleaned.published.date.iso() == expected
    span = cleaned.published.span
    assert span is not None and cleaned.text[span.start:span.end] == span.text


@pytest.mark.parametrize("lead, expected", [
    ("Beijing/Pyongyang, 11 July 2021 (TDI)- The chairman sent a message of greetings to the president.",
     "2021-07-11"),
    ("SEOUL (Example News - 23rd October, 2022) The chairman sent a message of greetings to the president.",
     "2022-10-23"),
    ("(KCNA - June 12, 2020) The chairman sent a message of greetings to the president of a friendly land.",
     "2020-06-12"),
])
def test_dateline_with_full_date(lead: str, expected: str) -> None:
    cleaned = clean_text(f"{HEAD}\n{lead}")
    assert cleaned.published is not None and cleaned.published.date.iso() == expected


def test_date_in_a_sentence_is_not_the_publication_date() -> None:
    lead = ("On October 10, 2020, the chairman sent a message of greetings to the president of "
            "a friendly country on its national day.")
    assert clean_text(f"{HEAD}\n{lead}").published is None


def test_yearless_dateline_gives_no_published_but_is_found() -> None:
    text = f"{HEAD}\nBEIJING, Sept. 9 (Xinhua) -- {LEAD}"
    assert clean_text(text).published is None
    found = find_dateline(text)
    assert found is not None
    month, day, span = found
    assert (month, day) == (9, 9) and text[span.start:span.end] == span.text


@pytest.mark.parametrize("line, month, day", [
    ("Pyongyang, May 12 (KCNA) -- The chairman met a visitor.", 5, 12),
    ("MOSCOW, August 30. /TASS/. The president called his counterpart.", 8, 30),
    ("SEOUL, Jan. 22 (Yonhap) -- The leader sent a message.", 1, 22),
    ("新华社北京9月9日电 国家主席致电祝贺。", 9, 9),
])
def test_find_dateline_formats(line: str, month: int, day: int) -> None:
    found = find_dateline(line)
    assert found is not None and found[:2] == (month, day)


def test_never_a_date_from_related_list_or_crawl_stamp_or_copyright() -> None:
    text = "\n".join([
        "July 06, 2025Jul 06, 2025", HEAD, LEAD,
        "More From Example Agency",
        "Another headline about the harvest", "July 04, 2025",
        "Yet another headline about a bridge", "July 03, 2025",
        "Copyright 2025 Example News",
    ])
    assert clean_text(text).published is None


def test_juche_banner_of_today_is_not_the_date() -> None:
    assert clean_text(f"Mar. 24,Juche 112 (2023) Friday\n{HEAD}\n{LEAD}").published is None


def test_crawl_header_prefix_is_read_and_removed() -> None:
    cleaned = clean_text(f" date 2022-09-09 {LEAD}")
    assert cleaned.published is not None and cleaned.published.date == PartialDate(2022, 9, 9)
    assert cleaned.text.startswith("The chairman")


def test_order_of_trust_hint_then_text_then_url() -> None:
    text = f"{HEAD}\n2021-05-05\n{LEAD}"
    url = "http://example.com/n3/2021/0909/c1.html"
    assert clean_page(text_page(text, url, hint="2020-01-02")).published.date.iso() == "2020-01-02"
    assert clean_page(text_page(text, url)).published.date.iso() == "2021-05-05"
    doc = clean_page(text_page(f"{HEAD}\n{LEAD}", url))
    assert doc.published.date.iso() == "2021-09-09" and doc.published.span is None


@pytest.mark.parametrize("url, expected", [
    ("http://example.com/n3/2021/0909/c90000-1.html", "2021-09-09"),
    ("http://example.com/news/2021-09-09/42.html", "2021-09-09"),
    ("https://example.com/news/20210909-1234/", "2021-09-09"),
    ("https://example.com/2018/07/13/politics/x.html", "2018-07-13"),
    ("https://example.com/view/123456", None),
])
def test_date_from_url(url: str, expected: str | None) -> None:
    found = date_from_url(url)
    assert (found.date.iso() if found else None) == expected


def test_lone_closing_date_line_is_used_last() -> None:
    cleaned = clean_text(f"{HEAD}\n{LEAD}\n2022-12-02")
    assert cleaned.published is not None and cleaned.published.rule.startswith("closing.")
