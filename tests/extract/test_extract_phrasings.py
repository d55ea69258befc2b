"""Each phrasing of GUIDELINES.md, on sentences written for this test, read end to end."""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate


def _doc(text: str, published: str | None = "2021-07-14") -> Document:
    pub = DatedValue(PartialDate.parse(published), None, "test") if published else None
    return Document(page_hash="h", source="t.txt", text=text, language="en", published=pub)


def _rows(text: str, published: str | None = "2021-07-14") -> list[tuple]:
    return [
        (r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind,
         r.occasion.anniversary, r.reply)
        for r in extract_reports(_doc(text, published))
    ]


CASES = [
    # active, named type, explicit day, anniversary from the knowledge base
    ("Xi Jinping sent a message of greetings to Kim Jong Un on July 11 on the 60th anniversary of the "
     "signing of the China-DPRK Treaty of Friendship, Cooperation and Mutual Assistance.",
     [("Xi Jinping", "Kim Jong Un", "greetings", "2021-07-11", "anniversary", 60, False)]),
    # passive: received ... from
    ("Kim Jong-un, president of the State Affairs, received a congratulatory message from Vladimir Putin on July 12.",
     [("Vladimir Putin", "Kim Jong Un", "congratulatory", "2021-07-12", "none", None, False)]),
    # weekday against the page's date (2021-07-14 is a Wednesday)
    ("Chinese President Xi Jinping on Monday sent a condolence message to Alexander Lukashenko over the floods.",
     [("Xi Jinping", "Alexander Lukashenko", "condolence", "2021-07-12", "condolence", None, False)]),
    # a title alone resolves to the holder on the page's date
    ("The Russian president sent a verbal message to Kim Jong Un on July 9.",
     [("Vladimir Putin", "Kim Jong Un", "verbal", "2021-07-09", "none", None, False)]),
    # a reply message is type message, reply true, thanks
    ("Kim Jong Un sent a reply message to Xi Jinping on July 13, thanking him for his congratulatory message.",
     [("Kim Jong Un", "Xi Jinping", "message", "2021-07-13", "thanks", None, True),
      ("Xi Jinping", "Kim Jong Un", "congratulatory", "2021-07", "none", None, False)]),
    # an exchange is two events
    ("Xi Jinping and Kim Jong Un exchanged congratulatory messages on Sunday.",
     [("Kim Jong Un", "Xi Jinping", "congratulatory", "2021-07-11", "none", None, False),
      ("Xi Jinping", "Kim Jong Un", "congratulatory", "2021-07-11", "none", None, False)]),
    ("Xi Jinping exchanged congratulatory messages with Kim Jong Un on Sunday.",
     [("Kim Jong Un", "Xi Jinping", "congratulatory", "2021-07-11", "none", None, False),
      ("Xi Jinping", "Kim Jong Un", "congratulatory", "2021-07-11", "none", None, False)]),
    # joint recipients: one event per pair
    ("Vladimir Putin sent a message of condolence to Nguyen Phu Trong and Nguyen Xuan Phuc on July 10.",
     [("Vladimir Putin", "Nguyen Phu Trong", "condolence", "2021-07-10", "condolence", None, False),
      ("Vladimir Putin", "Nguyen Xuan Phuc", "condolence", "2021-07-10", "condolence", None, False)]),
    # "wrote to", recalled month
    ("Back in June, Kim Jong Un wrote to Donald Trump about the talks.",
     [("Kim Jong Un", "Donald Trump", "letter", "2021-06", "none", None, False)]),  # talks: current affairs
    # a phone call: the caller is the sender
    ("Vladimir Putin held phone talks with Alexander Lukashenko on July 13.",
     [("Vladimir Putin", "Alexander Lukashenko", "call", "2021-07-13", "none", None, False)]),
    # birthday with its number
    ("Kim Jong Un sent a congratulatory message to Vladimir Putin on his 68th birthday.",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2021-07-14", "birthday", 68, False)]),
    # an official the registry does not know keeps the name as written
    ("Kim Jong Un sent a message of greetings to President Amara Tembo of Zambia on July 6.",
     [("Kim Jong Un", "Amara Tembo", "greetings", "2021-07-06", "none", None, False)]),
    # the sender is the subject next to the verb, not a name in a clause before it
    ("Soon after Mike Pompeo left, the media said Kim Jong Un wrote a personal letter to Donald Trump on July 8.",
     [("Kim Jong Un", "Donald Trump", "letter", "2021-07-08", "none", None, False)]),
    # "the letter" alone names no new act
    ("The letter was shown to Mike Pompeo by Donald Trump on July 9.", []),
    # a page's addressee named once, senders in a round-up after it
    ("Foreign leaders congratulate Kassym-Jomart Tokayev on his re-election.\n\n"
     "Tokayev has received congratulations from many heads of state.\n\n"
     "Kim Jong Un sent a congratulatory message on July 12.\n\n"
     "Vladimir Putin also sent his congratulations on Tuesday.",
     [("Kim Jong Un", "Kassym-Jomart Tokayev", "congratulatory", "2021-07-12", "election", None, False),
      ("Vladimir Putin", "Kassym-Jomart Tokayev", "congratulatory", "2021-07-13", "election", None, False)]),
    ("Congratulations to Alexander Lukashenko on his re-election\n\n"
     "In his message, the Chinese president wished Alexander Lukashenko every success.",
     [("Xi Jinping", "Alexander Lukashenko", "congratulatory", "2021-07-14", "election", None, False)]),
    # premiers exchanging among themselves are not the heads of state of the sentence before
    ("Xi Jinping exchanged congratulatory messages with Nguyen Phu Trong on July 12.\n\n"
     "Premier Li Keqiang and Prime Minister Nguyen Xuan Phuc also exchanged congratulatory messages.",
     [("Li Keqiang", "Nguyen Xuan Phuc", "congratulatory", "2021-07-14", "none", None, False),
      ("Nguyen Phu Trong", "Xi Jinping", "congratulatory", "2021-07-12", "none", None, False),
      ("Nguyen Xuan Phuc", "Li Keqiang", "congratulatory", "2021-07-14", "none", None, False),
      ("Xi Jinping", "Nguyen Phu Trong", "congratulatory", "2021-07-12", "none", None, False)]),
    # an envoy passes on the principal's greetings: a verbal event from the principal
    ("Wang Yi conveyed the warm greetings and best wishes of President Xi Jinping to Kim Jong Un on July 13.",
     [("Xi Jinping", "Kim Jong Un", "verbal", "2021-07-13", "none", None, False)]),
    ("Choe Ryong Hae conveyed Kim Jong Un's verbal invitation for Vladimir Putin to visit Pyongyang.",
     [("Kim Jong Un", "Vladimir Putin", "verbal", "2021-07-14", "other", None, False)]),
    # a letter carried by a relative or an envoy is the principal's
    ("Kim Yo Jong delivered a personal letter from her brother to Moon Jae-in on July 10.",
     [("Kim Jong Un", "Moon Jae-in", "letter", "2021-07-10", "none", None, False)]),
    # an unregistered official keeps the whole name after "Minister of Foreign Affairs"
    ("Minister of Foreign Affairs Tran Van Loc sent a message of congratulations to Foreign Minister Ri Son Gwon.",
     [("Tran Van Loc", "Ri Son Gwon", "congratulatory", "2021-07-14", "none", None, False)]),
    # "while Z sent hers to W": the kind named before
    ("Xi Jinping sent his congratulations to Kim Jong Un, while Nguyen Thi Kim Ngan sent hers to President Tran Thi Lan.",
     [("Nguyen Thi Kim Ngan", "Tran Thi Lan", "congratulatory", "2021-07-14", "none", None, False),
      ("Xi Jinping", "Kim Jong Un", "congratulatory", "2021-07-14", "none", None, False)]),
    # a participle clause: the message is the main subject's
    ("Alexander Lukashenko was the first to congratulate Vladimir Putin, sending a message on Monday.",
     [("Alexander Lukashenko", "Vladimir Putin", "congratulatory", "2021-07-12", "none", None, False)]),
    # a reply that thanks is a reply of thanks, whatever else its sentence names
    ("Kim Jong Un sent a reply message to Xi Jinping on July 13.\n\n"
     "In the reply Kim Jong Un thanked Xi Jinping for sending him warm congratulations upon his election.",
     [("Kim Jong Un", "Xi Jinping", "message", "2021-07-13", "thanks", None, True),
      ("Xi Jinping", "Kim Jong Un", "congratulatory", "2021-07", "election", None, False)]),
    # a national day named after the country
    ("Kim Jong Un sent a message of greetings to Vladimir Putin on Saturday to mark Russia Day.",
     [("Kim Jong Un", "Vladimir Putin", "greetings", "2021-07-10", "national_day", None, False)]),
    # "called X a ..." names someone; it is no phone call
    ("Vladimir Putin, in a telegram to Raul Castro, called Fidel a symbol of an era.",
     [("Vladimir Putin", "Raul Castro Ruz", "message", "2021-07-14", "none", None, False)]),
    # a date after the page's own is a plan, not the date of the act
    ("Donald Trump said on Tuesday the summit would take place on July 30, after he received a letter from Kim Jong Un.",
     [("Kim Jong Un", "Donald Trump", "letter", "2021-07-13", "other", None, False)]),
    # not events: plans, meetings, messages to a country, to a conference
    ("Kim Jong Un will send a message to Xi Jinping next week.", []),
    ("Kim Jong Un is expected to send a letter to Vladimir Putin.", []),
    ("Xi Jinping met Kim Jong Un in Pyongyang and congratulated him on the congress.", []),
    ("Kim Jong Un sent a condolence message to Iran over the crash.", []),
    ("Xi Jinping sent a congratulatory message to the 10th China-Africa Forum on Monday.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_phrasing(text: str, expected: list[tuple]) -> None:
    assert sorted(_rows(text)) == sorted(expected)


def test_in_his_message_and_pronouns_take_the_page_context() -> None:
    text = (
        "Kim Jong Un sent a message of greetings to Xi Jinping on July 1.\n\n"
        "In his message, Kim Jong Un extended warm congratulations on the 100th founding anniversary of the CPC.\n\n"
        "He said the friendship would grow."
    )
    rows = _rows(text)
    assert rows == [("Kim Jong Un", "Xi Jinping", "greetings", "2021-07-01", "anniversary", 100, False)]


def test_no_page_date_year_comes_from_the_anniversary_number() -> None:
    text = "Xi Jinping sent a message of congratulations to Kim Jong Un on September 9 on the 74th anniversary of the founding of the DPRK."
    assert _rows(text, published=None) == [
        ("Xi Jinping", "Kim Jong Un", "congratulatory", "2022-09-09", "anniversary", 74, False)
    ]


def test_anniversary_number_mismatch_is_noted_not_hidden() -> None:
    text = "Xi Jinping sent a message of congratulations to Kim Jong Un on September 9, 2021 on the 75th anniversary of the founding of the DPRK."
    (report,) = extract_reports(_doc(text))
    assert report.occasion.anniversary == 75
    assert report.occasion.check and "73" in report.occasion.check


def test_evidence_spans_point_into_the_text() -> None:
    text = "Pyongyang, July 12 (KCNA) -- Kim Jong Un received a message of greetings from Xi Jinping on July 11."
    doc = _doc(text, "2021-07-12")
    (report,) = extract_reports(doc)
    fields = {ev.field for ev in report.evidence}
    assert {"sender", "recipient", "type", "date"} <= fields
    for ev in report.evidence:
        assert doc.text[ev.span.start : ev.span.end] == ev.span.text
        assert doc.text[ev.sentence.start : ev.sentence.end] == ev.sentence.text
    assert report.sender.mention == "Xi Jinping" and report.rule == "received-from"


def test_repeated_act_counts_once() -> None:
    text = (
        "Kim Jong Un sent a congratulatory message to Vladimir Putin on July 12.\n\n"
        "In the message, Kim Jong Un wished Putin success.\n\n"
        "Kim's message to Putin praised his leadership."
    )
    assert len(_rows(text)) == 1


def test_quoted_you_sent_is_the_addressees_earlier_message() -> None:
    # Inside a quoted reply, "you sent" is the addressee's earlier message, dated by its occasion, not by the reply.
    text = (
        "Kim Jong Un received a reply message from Xi Jinping on January 17.\n\n"
        "The message said: You, Comrade Chairman, sent a message of condolence over the death of Comrade Jiang Zemin.\n\n"
        "I express my heartfelt thanks to you."
    )
    assert sorted(_rows(text, "2023-01-20")) == [
        ("Kim Jong Un", "Xi Jinping", "condolence", "2022-11", "condolence", None, False),
        ("Xi Jinping", "Kim Jong Un", "message", "2023-01-17", "thanks", None, True),
    ]
