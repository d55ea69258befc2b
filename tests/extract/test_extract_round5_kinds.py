"""Givers after "came from", passive "by" items, and condolences expressed with no medium: the kinds of round 5.

Every sentence here is written for this test; each case names the kind of phrasing
it stands for. Rows: (sender, recipient, type, date, occasion kind).
"""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.extract.occasions import event_day
from missive.model import DatedValue, Document, PartialDate


def _rows(text: str, published: str | None = "2024-12-31") -> list[tuple]:
    pub = DatedValue(PartialDate.parse(published), None, "test") if published else None
    doc = Document(page_hash="h", source="t.txt", text=text, language="en", published=pub)
    return sorted((r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind)
                  for r in extract_reports(doc))


CASES = [
    # "Congratulations to X ... came from A, B": X is the addressee, the givers follow "from"
    ("Congratulations to Vladimir Putin on his re-election came from Xi Jinping, Kim Jong Un and Alexander Lukashenko.",
     [(n, "Vladimir Putin", "congratulatory", "2024-12-31", "election") for n in
      ("Alexander Lukashenko", "Kim Jong Un", "Xi Jinping")]),
    # titles before the names, on both sides of "came from"
    ("Congratulations to President Vladimir Putin on his inauguration came from Chinese President Xi Jinping, "
     "DPRK leader Kim Jong Un and Belarusian President Alexander Lukashenko.",
     [(n, "Vladimir Putin", "congratulatory", "2024-12-31", "election") for n in
      ("Alexander Lukashenko", "Kim Jong Un", "Xi Jinping")]),
    ("Messages of condolence to Vladimir Putin came from Xi Jinping and Kim Jong Un.",
     [(n, "Vladimir Putin", "condolence", "2024-12-31", "condolence") for n in ("Kim Jong Un", "Xi Jinping")]),
    ("Congratulatory messages to Xi Jinping on his birthday also poured in from Kassym-Jomart Tokayev and Ilham Aliyev.",
     [(n, "Xi Jinping", "congratulatory", "2024-12-31", "birthday") for n in ("Ilham Aliyev", "Kassym-Jomart Tokayev")]),
    # passive with two "by" items: each giver to its own addressee, never across items
    ("Messages of congratulations were sent by Xi Jinping to Vladimir Putin, and by Kim Jong Un to Alexander Lukashenko.",
     [("Kim Jong Un", "Alexander Lukashenko", "congratulatory", "2024-12-31", "none"),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-31", "none")]),
    ("Greetings were sent by Xi Jinping to Kim Jong Un on the New Year, and by Vladimir Putin to Alexander Lukashenko.",
     [("Vladimir Putin", "Alexander Lukashenko", "greetings", "2024-12-31", "new_year"),
      ("Xi Jinping", "Kim Jong Un", "greetings", "2024-12-31", "new_year")]),
    ("Condolences were sent by Xi Jinping to Vladimir Putin, and by Kim Jong Un to Putin.",
     [("Kim Jong Un", "Vladimir Putin", "condolence", "2024-12-31", "condolence"),
      ("Xi Jinping", "Vladimir Putin", "condolence", "2024-12-31", "condolence")]),
    # addressee first, then the "by" givers: "and by C" joins the list, "and by C to D" is an item of its own
    ("Congratulatory messages were sent to Vladimir Putin by Xi Jinping and by Kim Jong Un.",
     [(n, "Vladimir Putin", "congratulatory", "2024-12-31", "none") for n in ("Kim Jong Un", "Xi Jinping")]),
    ("A congratulatory message was sent to Vladimir Putin by Xi Jinping, and by Kim Jong Un to Alexander Lukashenko.",
     [("Kim Jong Un", "Alexander Lukashenko", "congratulatory", "2024-12-31", "none"),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-31", "none")]),
    ("Messages were also sent by Chinese Premier Li Qiang to Russian Prime Minister Mikhail Mishustin "
     "and by Xi Jinping to Vladimir Putin.",
     [("Li Qiang", "Mikhail Mishustin", "message", "2024-12-31", "none"),
      ("Xi Jinping", "Vladimir Putin", "message", "2024-12-31", "none")]),
    ("Congratulations to Xi Jinping have come from Vladimir Putin and Kim Jong Un.",
     [(n, "Xi Jinping", "congratulatory", "2024-12-31", "none") for n in ("Kim Jong Un", "Vladimir Putin")]),
    ("Congratulations to Vladimir Putin came from the leaders of China, Belarus and Cuba.",
     [(n, "Vladimir Putin", "congratulatory", "2024-12-31", "none") for n in
      ("Alexander Lukashenko", "Miguel Diaz-Canel", "Xi Jinping")]),
    # "X was congratulated by A": A sent, X received
    ("Xi Jinping was congratulated by Vladimir Putin, and by Kim Jong Un, on his birthday.",
     [(n, "Xi Jinping", "congratulatory", "2024-12-31", "birthday") for n in ("Kim Jong Un", "Vladimir Putin")]),
    # a letter whose clause goes on "congratulating him" is a congratulatory letter; one about talks stays a letter
    ("Kim Jong Un sent a letter to Daniel Ortega, congratulating him on his re-election.",
     [("Kim Jong Un", "Daniel Ortega", "congratulatory", "2024-12-31", "election")]),
    ("Kim Jong Un sent a letter to Donald Trump about the talks.",
     [("Kim Jong Un", "Donald Trump", "letter", "2024-12-31", "none")]),
    # double object: "sent Y a message", "sent Y a New Year card"
    ("Xi Jinping sent Vladimir Putin a message on his birthday.",
     [("Xi Jinping", "Vladimir Putin", "message", "2024-12-31", "birthday")]),
    ("Xi Jinping sent DPRK leader Kim Jong Un a New Year card.",
     [("Xi Jinping", "Kim Jong Un", "greetings", "2024-12-31", "new_year")]),
    # greetings received from, and birthday greetings sent
    ("Vladimir Putin has received greetings from Xi Jinping on the New Year.",
     [("Xi Jinping", "Vladimir Putin", "greetings", "2024-12-31", "new_year")]),
    ("Kim Jong Un sent birthday greetings to Xi Jinping.",
     [("Kim Jong Un", "Xi Jinping", "greetings", "2024-12-31", "birthday")]),
    # "congratulated him": the one the sentence before was about, when no addressee is in context
    ("Vladimir Putin was re-elected on Sunday. Xi Jinping congratulated him in a message.",
     [("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-31", "election")]),
    ("Vladimir Putin was re-elected on Sunday. Xi Jinping was among the first to congratulate him.",
     [("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-31", "election")]),
    # "In a message sent on Monday, X told Y ...": Y is the object of the telling verb
    ("In a congratulatory message sent on Monday, Xi Jinping told Vladimir Putin that ties are strong.",
     [("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-30", "none")]),
    # "X thanked Y in a message": the verb before the cue names the kind
    ("Vladimir Putin thanked Xi Jinping in a message for the warm words.",
     [("Vladimir Putin", "Xi Jinping", "thanks", "2024-12-31", "thanks")]),
    ("Kim Jong Un wished Xi Jinping a happy birthday in a message.",
     [("Kim Jong Un", "Xi Jinping", "message", "2024-12-31", "birthday")]),
    # a birthday card is a greeting card
    ("Kim Jong Un sent a birthday card to Vladimir Putin.",
     [("Kim Jong Un", "Vladimir Putin", "greetings", "2024-12-31", "birthday")]),
    # "relayed by A to B" after a letter is the courier, not a second "by" item
    ("Kim Jong Un wrote a personal letter to Donald Trump, which was relayed by Kim Yong Chol to Mike Pompeo.",
     [("Kim Jong Un", "Donald Trump", "letter", "2024-12-31", "none")]),
    # "expressed condolences to X" with no medium: a condolence message
    ("Xi Jinping expressed condolences to Vladimir Putin over the attack on a concert hall.",
     [("Xi Jinping", "Vladimir Putin", "condolence", "2024-12-31", "condolence")]),
    ("Kassym-Jomart Tokayev offered his deep condolences to Vladimir Putin and the Russian people.",
     [("Kassym-Jomart Tokayev", "Vladimir Putin", "condolence", "2024-12-31", "condolence")]),
    ("Kim Jong Un expressed deep sympathy and condolences to Xi Jinping over the floods.",
     [("Kim Jong Un", "Xi Jinping", "condolence", "2024-12-31", "condolence")]),
    # ... said in a call: the call is the one event
    ("Xi Jinping expressed condolences to Vladimir Putin in a phone call.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-31", "condolence")]),
    # ... said at a meeting: no correspondence
    ("Xi Jinping met Vladimir Putin in Beijing and expressed condolences to him.", []),
    # ... restating the content of the verbal message just named: one event, of the message's kind
    ("Kim Jong Un sent a verbal message of sympathy to Xi Jinping over the floods. "
     "He expressed profound sympathy to Xi Jinping and the bereaved families.",
     [("Kim Jong Un", "Xi Jinping", "verbal", "2024-12-31", "condolence")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_round5_kind(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == sorted(expected)


EVENTS = [
    # a known disaster named by the places it struck, not by its short name
    ("The flood caused heavy losses in several areas of China, including Henan Province.", 2021),
    ("The floods in Henan displaced thousands.", 2021),
    ("The flood caused heavy losses in several areas of the country.", None),
]


@pytest.mark.parametrize(("text", "year"), EVENTS, ids=[e[0][:50] for e in EVENTS])
def test_known_event_by_the_places_it_struck(text: str, year: int | None) -> None:
    day = event_day(text)
    assert (day.year if day else None) == year


def test_plural_title_opening_a_sentence() -> None:
    """ "Leaders of A, B and C sent ...": capitalised at the start, each country's holder on the page's date."""
    text = "Leaders of Russia, Cuba and India sent congratulatory messages to Nguyen Phu Trong on his election."
    assert [r[:3] for r in _rows(text, "2018-10-24")] == [
        (n, "Nguyen Phu Trong", "congratulatory") for n in ("Miguel Diaz-Canel", "Ram Nath Kovind", "Vladimir Putin")]


def test_context_words_load_from_data() -> None:
    """The pipeline's context words live in triggers/en.yaml; an unknown name is a data error."""
    from missive.errors import DataError
    from missive.extract.triggers import load_cues

    cues = load_cues("en")
    assert cues.word("summit").search("after the Singapore Summit")
    assert cues.word("thanks").search("with deep GRATITUDE")
    assert not cues.word("thanks").search("on his birthday")
    with pytest.raises(DataError):
        cues.word("no-such-word")
