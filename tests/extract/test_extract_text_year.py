"""The year of a page with no dated header: from its own text, or from a known event it names."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missive.extract import extract_reports
from missive.extract.occasions import event_year, known_events
from missive.extract.pagedate import body_year
from missive.model import Document

YEARS = [
    ("The two countries signed the treaty in 2024.", None, 2024),
    ("It was the 70th anniversary of the founding (2019).", (10, 1), 2019),
    ("The treaty of 1961 was renewed in 2021.", None, 2021),  # a founding or treaty far back is history
    ("They met in 2018 and again in 2019.", None, None),  # two recent years: nothing fixes which
    ("Copyright © 2024 Xinhua. All rights reserved.", None, None),
    ("The five-year plan for 2016-2020 was fulfilled.", None, None),
    ("The goal is to double trade by 2030.", None, None),
    ("The two leaders last met in October 2023.", (3, 23), None),  # a later month: the page is of a later year
    ("The attack on March 22, 2024, killed many.", (3, 24), 2024),
    ("No year is named here.", None, None),
]


@pytest.mark.parametrize("text,dateline,expected", YEARS, ids=[y[0][:40] for y in YEARS])
def test_body_year(text: str, dateline, expected) -> None:
    assert body_year(text, dateline) == expected


@given(st.integers(1990, 2030), st.text(alphabet="abc ,.\n", max_size=40))
def test_one_year_named_is_the_year(year: int, filler: str) -> None:
    assert body_year(f"{filler}\nThe message was sent in {year}.\n{filler}") == year


def test_events_are_dated_and_distinct() -> None:
    ids = [e[0] for e in known_events()]
    assert len(ids) == len(set(ids)) and all(isinstance(day, dt.date) for _, day, _ in known_events())


@pytest.mark.parametrize("text,dateline,expected", [
    ("condolences over the attack at Crocus City Hall", (3, 24), 2024),
    ("condolences over the attack at Crocus City Hall", (1, 10), 2025),  # a dateline before the event: the next year
    ("condolences over the floods", (3, 24), None),
])
def test_event_year(text: str, dateline, expected) -> None:
    assert event_year(text, dateline) == expected


PAGES = [
    # a yearless dateline and one year in a later paragraph
    ("Kim Jong Un sends greetings to Xi Jinping\n\nPyongyang, October 1 (KCNA) -- Kim Jong Un sent a message of "
     "greetings to Xi Jinping on Tuesday.\n\nIt marked the 70th anniversary of the founding of New China (2019).\n",
     [("Kim Jong Un", "Xi Jinping", "2019-10-01")]),
    # no year at all, but a known attack: the condolence is of its year
    ("MOSCOW, March 24. /TASS/. Kim Jong Un sent a message of condolence to Vladimir Putin over the attack at "
     "Crocus City Hall.\n",
     [("Kim Jong Un", "Vladimir Putin", "2024-03-24")]),
    # nothing fixes the year: kept null, never invented
    ("BEIJING, March 23 (Xinhua) -- Xi Jinping sent a message of condolence to Vladimir Putin over the attack. "
     "The two leaders last met in October 2023.\n",
     [("Xi Jinping", "Vladimir Putin", None)]),
]


@pytest.mark.parametrize("text,expected", PAGES, ids=[p[0][:40] for p in PAGES])
def test_pages_without_dated_header(text: str, expected) -> None:
    doc = Document(page_hash="h", source="t.txt", text=text, language="en")
    assert sorted((r.sender.name, r.recipient.name, r.date.iso() if r.date else None) for r in extract_reports(doc)) == expected
