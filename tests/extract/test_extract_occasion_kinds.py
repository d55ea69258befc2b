"""What a message marks, on phrasings of our own: the occasion of the act, not every date it talks about."""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.extract.occasions import occasion_in
from missive.model import DatedValue, Document, PartialDate


def _occasions(text: str, published: str) -> list[tuple]:
    doc = Document(page_hash="h", source="t.txt", text=text, language="en",
                   published=DatedValue(PartialDate.parse(published), None, "test"))
    return sorted((r.sender.name, r.recipient.name, r.occasion.kind, r.occasion.anniversary) for r in extract_reports(doc))


def test_an_anniversary_the_message_talks_about_is_not_what_it_marks():
    # New Year greetings that mention next year's jubilee of diplomatic ties
    text = ("Xi Jinping and Vladimir Putin exchanged greetings on Sunday. "
            "Xi said next year would mark the 75th anniversary of diplomatic relations between China and Russia.")
    assert _occasions("Xi and Putin trade New Year greetings. " + text, "2023-12-31") == [
        ("Vladimir Putin", "Xi Jinping", "new_year", None),
        ("Xi Jinping", "Vladimir Putin", "new_year", None),
    ]


def test_the_anniversary_on_its_day_is_still_the_occasion():
    text = ("Xi Jinping and Vladimir Putin exchanged messages on Tuesday. "
            "This year marks the 75th anniversary of diplomatic relations between China and Russia.")
    assert _occasions(text, "2024-10-02") == [
        ("Vladimir Putin", "Xi Jinping", "anniversary", 75),
        ("Xi Jinping", "Vladimir Putin", "anniversary", 75),
    ]


def test_years_of_ties_celebrated_are_a_numbered_anniversary():
    text = "The two countries celebrated 75 years of their diplomatic relationship between China and Russia."
    found = occasion_in(text, 0, len(text))
    assert found is not None
    assert (found.occasion.kind, found.occasion.anniversary) == ("anniversary", 75)
    assert found.implied is not None and found.implied.year == 2024


def test_a_people_s_congress_is_a_legislature_not_a_party_congress():
    text = "The chairman of the Standing Committee of the National People's Congress sent a message."
    assert occasion_in(text, 0, len(text)) is None
    party = "He congratulated him on the opening of the party congress."
    found = occasion_in(party, 0, len(party))
    assert found is not None and found.occasion.kind == "congress"


@pytest.mark.parametrize(("phrase", "number", "of"), [
    ("on the seventieth birthday of New China", 70, "prc-founding"),
    ("on the seventy-fifth anniversary of the founding of the DPRK", 75, "dprk-founding"),
    ("marking the one hundredth anniversary of the founding of the Communist Party of China", 100, "cpc-founding"),
    ("on the 70th founding anniversary of the PRC", 70, "prc-founding"),
    ("on the 65th anniversary of the triumph of the revolution", 65, "cuba-revolution"),  # Havana's own phrase
])
def test_written_out_ordinals_number_the_anniversary(phrase, number, of):
    text = f"He sent a message {phrase}."
    found = occasion_in(text, 0, len(text))
    assert found is not None
    assert (found.occasion.kind, found.occasion.anniversary, found.occasion.of) == ("anniversary", number, of)


def test_a_person_s_birthday_written_out_stays_a_birthday():
    text = "He sent greetings on her sixtieth birthday."
    found = occasion_in(text, 0, len(text))
    assert found is not None and (found.occasion.kind, found.occasion.anniversary) == ("birthday", 60)
