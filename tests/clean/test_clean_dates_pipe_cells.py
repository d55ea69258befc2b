"""Dates in pipe-separated header and footer lines: section bars, bylines, agency footers."""

from __future__ import annotations

import pytest

from missive.clean import clean_page
from missive.clean.textpage import date_cell, is_menu, is_prose
from missive.model import Page

BODY = ("The chairman of the Example Committee sent a warm message of greetings to the president "
        "of a friendly country on Monday, the agency said.")
MORE = "Both sides said they would keep in close touch over the coming months and meet again soon."


def published(text: str) -> str | None:
    page = Page(source="t.txt", raw=text.encode(), text=text, media_type="text", encoding="utf-8", container="txt")
    doc = clean_page(page)
    return doc.published.date.iso() if doc.published else None


def test_a_section_bar_with_abbreviations_is_a_menu_not_prose() -> None:
    bar = "HOME | S. AFRICA | N. AMERICA | ECONOMY | MARKETS | SCIENCE | CULTURE | SPORTS | OPINION"
    assert is_menu(bar) and not is_prose(bar)


def test_a_headline_with_one_pipe_is_not_a_menu() -> None:
    assert not is_menu("Leaders trade warm words before the autumn summit | Example Daily")


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Top Stories | 08:40 March 03, 2021", "2021-03-03"),
        ("By A. Writer | example.com | Published: 2021-03-23 10:00", "2021-03-23"),
        ("Date: 23/06/2019 | Source: Example News Agency", "2019-06-23"),
        ("By A. Writer | example.com | Updated: 2016-11-26 18:22", None),  # an update is not a publication
        ("Most Read | Opinion | Video", None),
    ],
)
def test_date_cell(line: str, expected: str | None) -> None:
    found = date_cell(line)
    assert (found.date.iso() if found else None) == expected
    if found:
        assert found.date.iso() == expected and line[found.start : found.end].strip()


def test_agency_header_with_section_bar_and_timed_date() -> None:
    page = ("Example News Agency\nNATIONAL | N. KOREA | ECONOMY | MARKET | SPORTS | OPINION\n\n"
            "(LEAD) Leaders swap letters as the term nears its end\nAll News | 10:18 April 22, 2022\n\n"
            f"SEOUL, April 22 (Agency) -- {BODY}\n\n{MORE}\n")
    assert published(page) == "2022-04-22"


def test_headline_read_as_prose_then_a_timed_date_cell() -> None:
    # "N. Korea's ..." makes the headline look like a sentence, so the date cell is the body's second line.
    page = ("Example News Agency\nNATIONAL | N. KOREA | ECONOMY | MARKET | SPORTS | OPINION\n\n"
            "(News Analysis) N. Korea's rocket test sends a signal to its neighbours ahead of the talks\n"
            f"All News | 17:52 July 25, 2019\n\nSEOUL, July 25 (Agency) -- {BODY}\n\n{MORE}\n")
    assert published(page) == "2019-07-25"


def test_byline_update_stamp_is_the_last_resort() -> None:
    page = ("EXAMPLE DAILY\nHOME | CHINA | WORLD | BUSINESS | CULTURE\nChinese | Subscribe | Login\n\n"
            "Leader sends condolences over a statesman's death\n"
            "By A. Writer in Santiago | example.com | Updated: 2016-11-26 18:22\n\n"
            f"{BODY}\n\n{MORE}\n\nRelated stories\n- Another headline here   2016-11-20\n")
    assert published(page) == "2016-11-26"


def test_closing_labelled_date_line_before_related_headlines() -> None:
    page = ("Home | Agency | Archive\nChairman Receives Letter from President\n"
            f"Pyongyang, June 23 (Agency) -- {BODY} -0-\nDate: 23/06/2019 | Source: Example News Agency\n"
            "Share | Print\nRelated headlines:\n- Chairman Sends Greetings (15/06/2019)\n- Visit Begins (20/06/2019)\n")
    assert published(page) == "2019-06-23"


def test_related_headline_dates_alone_give_no_date() -> None:
    page = (f"Chairman Receives Letter from President\nPyongyang, June 23 (Agency) -- {BODY} -0-\n"
            "Share | Print\nRelated headlines:\n- Chairman Sends Greetings (15/06/2019)\n- Visit Begins (20/06/2019)\n")
    assert published(page) is None
