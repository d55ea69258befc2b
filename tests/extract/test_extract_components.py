"""Sentences, dates, cues and occasions, each alone, on text written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missive.extract.dates import complete, find_act_dates
from missive.extract.occasions import known_occasions, occasion_in
from missive.extract.pagedate import find_dateline
from missive.extract.sentences import split_sentences
from missive.extract.triggers import find_triggers, load_cues


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Kim sent it on Sept. 8. The U.S. side said so.", ["Kim sent it on Sept. 8.", "The U.S. side said so."]),
        ("U. Khurelsukh wrote. Then he left!", ["U. Khurelsukh wrote.", "Then he left!"]),
        ("The respected\nKim Jong Un\nsent a letter.\nHeadline here\nBody.", ["The respected\nKim Jong Un\nsent a letter.", "Headline here", "Body."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


@given(st.text(alphabet="ab .!?\n", max_size=80))
def test_sentence_spans_are_ordered_slices(text: str) -> None:
    spans = split_sentences(text)
    for s in spans:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text and s.text
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


REF = dt.date(2021, 9, 9)  # a Thursday


@pytest.mark.parametrize(
    "phrase,expected",
    [
        ("sent on July 11", "2021-07-11"),
        ("sent on July 11, 2020", "2020-07-11"),
        ("sent on 9 May", "2021-05-09"),
        ("received Jan. 17", "2021-01-17"),
        ("sent on Thursday", "2021-09-09"),
        ("sent on Monday", "2021-09-06"),
        ("sent on the 3rd", "2021-09-03"),
        ("Back in February, he wrote", "2021-02"),
        ("sent on December 30", "2020-12-30"),
    ],
)
def test_act_dates_against_a_pinned_page_date(phrase: str, expected: str) -> None:
    (expr,) = find_act_dates(phrase, 0, len(phrase))
    assert complete(expr, REF).iso() == expected


@pytest.mark.parametrize("phrase", ["on the 73rd anniversary", "on May", "sent it (on July 1)", "in May"])
def test_not_act_dates(phrase: str) -> None:
    assert find_act_dates(phrase, 0, len(phrase)) == []


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)), st.integers(0, 6))
def test_weekday_is_the_latest_on_or_before_the_page_date(ref: dt.date, weekday: int) -> None:
    name = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[weekday]
    (expr,) = find_act_dates(f"on {name}", 0, len(name) + 3)
    day = complete(expr, ref).to_date()
    assert day.weekday() == weekday and dt.timedelta(0) <= ref - day < dt.timedelta(days=7)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Xi sent a message of congratulations to Kim", [("congratulatory-noun", "congratulatory")]),
        ("Kim sent a verbal message of sympathy", [("verbal-message", "verbal")]),
        ("Kim received a reply message from Xi", [("reply-message", "message")]),
        ("Putin has called his counterpart", [("phone-call", "call")]),
        ("Xi also called for more efforts", []),
        ("an autographed letter", [("letter", "letter")]),
        ("a message of condolence", [("condolence-noun", "condolence")]),
    ],
)
def test_cues(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.id, t.type) for t in find_triggers(text, 0, len(text), load_cues("en"))] == expected


@pytest.mark.parametrize(
    "text,kind,number,implied",
    [
        ("on the 73rd anniversary of the DPRK's founding", "anniversary", 73, "2021-09-09"),
        ("on the 75th founding anniversary of the WPK", "anniversary", 75, "2020-10-10"),
        ("on Laos' 43rd National Day", "anniversary", 43, "2018-12-02"),
        ("on his election as general secretary at the 8th Congress of the WPK", "election", None, "2021-01-12"),
        ("over the death of the former leader", "condolence", None, None),
        ("on the national day of the republic", "national_day", None, None),
        ("on the new year", "new_year", None, None),
    ],
)
def test_occasions(text: str, kind: str, number: int | None, implied: str | None) -> None:
    found = occasion_in(text, 0, len(text))
    assert found.occasion.kind == kind and found.occasion.anniversary == number
    assert (found.implied.isoformat() if found.implied else None) == implied


def test_occasion_knowledge_loads() -> None:
    ids = [k.id for k in known_occasions()]
    assert len(ids) == len(set(ids)) and "dprk-founding" in ids


def test_dateline() -> None:
    assert find_dateline("BEIJING, Sept. 9 (Xinhua) -- Xi sent")[1:] == (9, 9)
    assert find_dateline("No dateline here.") is None
