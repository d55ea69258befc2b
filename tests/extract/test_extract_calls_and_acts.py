"""Who placed a call, and other acts named twice in one sentence, on phrasings of our own (page dated Tuesday 2024-12-31 unless said)."""

from __future__ import annotations

import pytest
from support.readings import rows as _rows


@pytest.mark.parametrize("text", [
    # the one who asked for the call placed it, named again after the request
    "Xi Jinping held a phone call with Donald Trump on Thursday at the request of Trump.",
    "Xi Jinping held a phone call with Donald Trump on Thursday at Trump's request.",
])
def test_the_side_that_asked_placed_the_call(text):
    assert _rows(text) == [("Donald Trump", "Xi Jinping", "call", "2024-12-26", "none", False)]


def test_a_call_recalled_in_the_past_perfect_is_an_earlier_call():
    text = ("Xi Jinping held a phone call with Donald Trump on Thursday. "
            "Xi had spoken with Trump by phone on January 17, before the inauguration.")
    assert _rows(text) == [("Xi Jinping", "Donald Trump", "call", "2024-01-17", "none", False),
                           ("Xi Jinping", "Donald Trump", "call", "2024-12-26", "none", False)]


def test_a_surname_alone_is_the_bearer_in_office_on_the_page_s_day():
    # two sitting leaders called Lee in 2010 (Seoul, Singapore): the surname alone names neither
    text = "On Monday, Lee talked on the phone with Japanese Prime Minister Shigeru Ishiba."
    assert _rows(text, "2025-06-10") == [("Lee Jae-myung", "Shigeru Ishiba", "call", "2025-06-09", "none", False)]
    assert _rows(text.replace("Shigeru Ishiba", "Naoto Kan"), "2010-06-08") == []


def test_one_leader_s_call_with_another_names_both():
    text = ("Lee Jae-myung held phone talks with Xi Jinping on Tuesday. "
            "The conversation followed Lee's first call with US President Donald Trump on Friday.")
    assert _rows(text, "2025-06-10") == [("Lee Jae-myung", "Donald Trump", "call", "2025-06-06", "none", False),
                                         ("Lee Jae-myung", "Xi Jinping", "call", "2025-06-10", "none", False)]


@pytest.mark.parametrize("text", [
    "The call with Xi Jinping lasted an hour.",  # the news call named again, not another one
    "The UN made a call with urgency for a ceasefire.",
])
def test_a_call_named_again_or_a_call_for_something_is_no_new_call(text):
    assert _rows(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # "in his message" after the verb names the same act, not a second one from its object
    ("Vladimir Putin congratulated Xi Jinping in his message.",
     [("Vladimir Putin", "Xi Jinping", "congratulatory", "2024-12-31", "none", False)]),
    ("Xi Jinping was re-elected on Friday. Vladimir Putin and Kim Jong Un also congratulated Xi in their messages.",
     [("Kim Jong Un", "Xi Jinping", "congratulatory", "2024-12-31", "election", False),
      ("Vladimir Putin", "Xi Jinping", "congratulatory", "2024-12-31", "election", False)]),
    # "traded" and "swapped" messages are an exchange between the two the sentence names
    ("Foreign ministers Wang Yi and Choe Son Hui traded messages on Monday.",
     [("Choe Son Hui", "Wang Yi", "message", "2024-12-30", "none", False),
      ("Wang Yi", "Choe Son Hui", "message", "2024-12-30", "none", False)]),
])
def test_messages_named_with_the_act(text, expected):
    assert _rows(text) == expected


def test_a_double_object_in_apposition_is_the_addressee():
    # "sent (Brazil's president-elect,) Y(,) a message": the titles between commas belong to Y
    text = "Xi Jinping sent Brazil's president-elect, Luiz Inacio Lula da Silva, a message of congratulations on Monday."
    assert _rows(text) == [("Xi Jinping", "Luiz Inacio Lula da Silva", "congratulatory", "2024-12-30", "election", False)]


@pytest.mark.parametrize(("text", "expected"), [
    # a summit held over a video link is a call
    ("Xi Jinping held a virtual meeting with Vladimir Putin via video link on Monday.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "none", False)]),
    # an envoy (no leader of his own here) hands over a letter someone else wrote
    ("The envoy handed Kim Jong Un a personal letter sent by Vladimir Putin on Monday.",
     [("Vladimir Putin", "Kim Jong Un", "letter", "2024-12-30", "none", False)]),
])
def test_video_summits_and_letters_handed_over(text, expected):
    assert _rows(text) == expected


def test_messages_exchanged_on_the_same_occasion_are_of_the_kind_just_named():
    text = ("Xi Jinping and To Lam exchanged congratulatory messages on Monday. "
            "Li Qiang and Pham Minh Chinh exchanged messages on the same occasion.")
    assert {r[2] for r in _rows(text)} == {"congratulatory"}
