"""Issue #3: senders and recipients on pages unlike the dev set, and look-alikes that are no act.

Every sentence here is written for this test; each case names the kind of
phrasing it stands for, never one page. Rows: (sender, recipient, type, date,
occasion kind, reply). The page is dated Tuesday 2024-12-31.
"""

from __future__ import annotations

import datetime as dt

import pytest
from support.readings import rows as _rows

from missive.extract import extract_reports
from missive.extract.mentions import find_mentions
from missive.extract.registry import load_registry
from missive.model import Document




ROUNDUPS = [
    # "continue to send" is an ongoing act, not a plan: the addressee it names carries to the next sentences
    ("Heads of several states continue to send congratulations to Kassym-Jomart Tokayev on his re-election. "
     "Vladimir Putin sent a congratulatory telegram on Monday in which he praised the turnout.",
     [("Vladimir Putin", "Kassym-Jomart Tokayev", "congratulatory", "2024-12-30", "election", False)]),
    # "congratulatory messages came from A and B": one event per giver, to the one the page is about
    ("Kassym-Jomart Tokayev was re-elected on Sunday. Congratulatory messages also came from "
     "the President of Belarus Alexander Lukashenko and Shavkat Mirziyoyev.",
     [("Alexander Lukashenko", "Kassym-Jomart Tokayev", "congratulatory", "2024-12-31", "election", False),
      ("Shavkat Mirziyoyev", "Kassym-Jomart Tokayev", "congratulatory", "2024-12-31", "election", False)]),
    # greetings named for two feasts are greetings; "In his greetings to X, Y ..." is one more event
    ("Kim Jong Un sent New Year and Christmas greetings to Xi Jinping.",
     [("Kim Jong Un", "Xi Jinping", "greetings", "2024-12-31", "new_year", False)]),
    ("Vladimir Putin sent New Year greetings to the heads of several friendly states. "
     "In his greetings to Alexander Lukashenko, the Russian president praised the alliance.",
     [("Vladimir Putin", "Alexander Lukashenko", "greetings", "2024-12-31", "new_year", False)]),
    # two clauses, each with its own sender, cue and addressee: no pair across the clauses
    ("On Monday, Prime Minister Pham Minh Chinh sent a message of condolence to Premier Li Qiang, and "
     "National Assembly Chairman Vuong Dinh Hue sent his condolences in a message to Zhao Leji.",
     [("Pham Minh Chinh", "Li Qiang", "condolence", "2024-12-30", "condolence", False),
      ("Vuong Dinh Hue", "Zhao Leji", "condolence", "2024-12-30", "condolence", False)]),
    ("Xi Jinping sent a congratulatory message to Vladimir Putin, and Premier Li Qiang sent one to Mikhail Mishustin.",
     [("Li Qiang", "Mikhail Mishustin", "congratulatory", "2024-12-31", "none", False),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-31", "none", False)]),
    # the gapped clause keeps working: "and C to D" has no cue of its own
    ("Xi Jinping sent a congratulatory message to Vladimir Putin, and Li Qiang to Mikhail Mishustin.",
     [("Li Qiang", "Mikhail Mishustin", "congratulatory", "2024-12-31", "none", False),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-31", "none", False)]),
]

GIVERS_OF_THE_PAGE = [
    # "... were received from A, B and C", "Greetings were also received from A": to the one the page is about
    ("Vladimir Putin was re-elected on Sunday. Messages of congratulations were received from Xi Jinping, "
     "Kim Jong Un and Alexander Lukashenko.",
     [(n, "Vladimir Putin", "congratulatory", "2024-12-31", "election", False)
      for n in ("Alexander Lukashenko", "Kim Jong Un", "Xi Jinping")]),
    ("Vladimir Putin was re-elected on Sunday. Greetings were also received from Kim Jong Un.",
     [("Kim Jong Un", "Vladimir Putin", "greetings", "2024-12-31", "election", False)]),
    # "Similar messages came from A and B": the kind and the addressee named just before
    ("Vladimir Putin received a congratulatory message from Xi Jinping on Monday. Similar messages came from "
     "Kim Jong Un and Alexander Lukashenko.",
     [("Alexander Lukashenko", "Vladimir Putin", "congratulatory", "2024-12-31", "none", False),
      ("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-12-31", "none", False),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-30", "none", False)]),
    # "came from:" then one giver a line
    ("Vladimir Putin was re-elected on Sunday. Messages of congratulation came from:\n"
     "- Xi Jinping, President of China\n"
     "- Kim Jong Un, General Secretary of the Workers' Party of Korea\n",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-12-31", "election", False),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-31", "election", False)]),
    # "A and B also sent condolences." with no addressee: the one the sentence before wrote to
    ("Xi Jinping sent a message of condolence to Vladimir Putin on Monday. Kassym-Jomart Tokayev and "
     "Shavkat Mirziyoyev also sent condolences.",
     [("Kassym-Jomart Tokayev", "Vladimir Putin", "condolence", "2024-12-31", "condolence", False),
      ("Shavkat Mirziyoyev", "Vladimir Putin", "condolence", "2024-12-31", "condolence", False),
      ("Xi Jinping", "Vladimir Putin", "condolence", "2024-12-30", "condolence", False)]),
    # "X sent congratulations to Y, as did Z (and W)": each of them wrote to Y
    ("Xi Jinping sent a congratulatory message to Vladimir Putin on Monday, as did Kim Jong Un and Alexander Lukashenko.",
     [(n, "Vladimir Putin", "congratulatory", "2024-12-30", "none", False)
      for n in ("Alexander Lukashenko", "Kim Jong Un", "Xi Jinping")]),
    # heads of state named by their countries
    ("Vladimir Putin received congratulatory messages from the heads of state of China, Belarus and Kazakhstan on Monday.",
     [(n, "Vladimir Putin", "congratulatory", "2024-12-30", "none", False)
      for n in ("Alexander Lukashenko", "Kassym-Jomart Tokayev", "Xi Jinping")]),
]

EXCHANGES_AND_REPLIES = [
    # "A and B exchanged messages, as did C and his counterpart D": two events for each pair
    ("Prime Minister Nguyen Tan Dung and Cambodian Prime Minister Hun Sen exchanged congratulatory messages on Sunday, "
     "as did Foreign Minister Pham Binh Minh and his Cambodian counterpart Hor Namhong.",
     [("Hor Namhong", "Pham Binh Minh", "congratulatory", "2024-12-29", "none", False),
      ("Hun Sen", "Nguyen Tan Dung", "congratulatory", "2024-12-29", "none", False),
      ("Nguyen Tan Dung", "Hun Sen", "congratulatory", "2024-12-29", "none", False),
      ("Pham Binh Minh", "Hor Namhong", "congratulatory", "2024-12-29", "none", False)]),
    ("Xi Jinping exchanged messages of greetings with Vladimir Putin on Sunday, as did Li Qiang with Mikhail Mishustin.",
     [("Li Qiang", "Mikhail Mishustin", "greetings", "2024-12-29", "none", False),
      ("Mikhail Mishustin", "Li Qiang", "greetings", "2024-12-29", "none", False),
      ("Vladimir Putin", "Xi Jinping", "greetings", "2024-12-29", "none", False),
      ("Xi Jinping", "Vladimir Putin", "greetings", "2024-12-29", "none", False)]),
    # "..., while C and D did the same" after an exchange: C and D wrote to each other too
    ("Xi Jinping exchanged messages with Vladimir Putin on Monday, while Li Qiang and Mikhail Mishustin did the same.",
     [("Li Qiang", "Mikhail Mishustin", "message", "2024-12-30", "none", False),
      ("Mikhail Mishustin", "Li Qiang", "message", "2024-12-30", "none", False),
      ("Vladimir Putin", "Xi Jinping", "message", "2024-12-30", "none", False),
      ("Xi Jinping", "Vladimir Putin", "message", "2024-12-30", "none", False)]),
    # "exchanged greetings": greetings each way, unless at talks held in person
    ("Xi Jinping and his Russian counterpart Vladimir Putin on Sunday exchanged greetings.",
     [("Vladimir Putin", "Xi Jinping", "greetings", "2024-12-29", "none", False),
      ("Xi Jinping", "Vladimir Putin", "greetings", "2024-12-29", "none", False)]),
    # "the message of greetings X had sent him": an earlier message, recalled (its month), no reply itself
    ("Kim Jong Un received a reply message from Miguel Diaz-Canel on Monday. The message, sent in reply to the "
     "message of greetings Kim Jong Un had sent him on the 65th anniversary of the victory of the Cuban revolution, "
     "thanked him warmly.",
     [("Kim Jong Un", "Miguel Diaz-Canel", "greetings", "2024-01", "anniversary", False),
      ("Miguel Diaz-Canel", "Kim Jong Un", "message", "2024-12-30", "thanks", True)]),
    # "In his message, X ..." after an exchange X took no part in: no new act to the last pair
    ("Shavkat Mirziyoyev and Xi Jinping exchanged congratulatory messages on Monday. Vladimir Putin and Alexander "
     "Lukashenko also exchanged messages. In his message, Xi Jinping praised the friendship.",
     [("Alexander Lukashenko", "Vladimir Putin", "congratulatory", "2024-12-31", "none", False),
      ("Shavkat Mirziyoyev", "Xi Jinping", "congratulatory", "2024-12-30", "none", False),
      ("Vladimir Putin", "Alexander Lukashenko", "congratulatory", "2024-12-31", "none", False),
      ("Xi Jinping", "Shavkat Mirziyoyev", "congratulatory", "2024-12-30", "none", False)]),
    # ... while in a round-up to one addressee, "In their messages, A and B ..." are A's and B's messages to it
    ("To Lam was elected on Sunday. Thongloun Sisoulith sent a message of congratulations to To Lam. In their "
     "congratulatory messages, Xi Jinping and Vladimir Putin wished him success.",
     [(n, "To Lam", "congratulatory", "2024-12-31", "election", False)
      for n in ("Thongloun Sisoulith", "Vladimir Putin", "Xi Jinping")]),
    # "X replied to Y's message": Y's earlier message and X's reply, dated by the sentence
    ("Kim Jong Un replied to Xi Jinping's message on Monday.",
     [("Kim Jong Un", "Xi Jinping", "message", "2024-12-30", "none", True),
      ("Xi Jinping", "Kim Jong Un", "message", "2024-12", "none", False)]),
]

ANSWERS = [
    # "wrote back to Y": a letter that answers
    ("Kim Jong Un wrote back to Donald Trump on Monday.",
     [("Kim Jong Un", "Donald Trump", "letter", "2024-12-30", "none", True)]),
    # "in reply to his letter of last month": the earlier letter, with its own date, and the reply, with the page's
    ("Kim Jong Un sent a letter to Donald Trump in reply to his letter of last month.",
     [("Donald Trump", "Kim Jong Un", "letter", "2024-11", "none", False),
      ("Kim Jong Un", "Donald Trump", "letter", "2024-12-31", "none", True)]),
    ("Kim Jong Un sent a letter to Donald Trump on Monday in response to Trump's letter dated December 2.",
     [("Donald Trump", "Kim Jong Un", "letter", "2024-12-02", "none", False),
      ("Kim Jong Un", "Donald Trump", "letter", "2024-12-30", "none", True)]),
    # "sent a reply to Y's letter on Monday": the day is the reply's; the earlier letter gets its month
    ("Xi Jinping sent a reply to Vladimir Putin's letter on Monday.",
     [("Vladimir Putin", "Xi Jinping", "letter", "2024-12", "none", False),
      ("Xi Jinping", "Vladimir Putin", "message", "2024-12-30", "none", True)]),
    ("Kim Jong Un's reply to Vladimir Putin was published on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "message", "2024-12-30", "none", True)]),
]

KINDS = [
    # congratulations by telephone are a call
    ("Xi Jinping congratulated Vladimir Putin by telephone on Monday on his re-election.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "election", False)]),
    ("Xi Jinping congratulated Vladimir Putin over the phone on Monday.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "none", False)]),
    # "greeted Y in a message", "a message ..., greeting him": greetings
    ("Kim Jong Un greeted Vladimir Putin on his birthday in a message on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "greetings", "2024-12-30", "birthday", False)]),
    ("Kim Jong Un sent a message to Vladimir Putin on Monday, greeting him on his birthday.",
     [("Kim Jong Un", "Vladimir Putin", "greetings", "2024-12-30", "birthday", False)]),
]

MORE_KINDS = [
    # talks held by video link are a call
    ("Xi Jinping held talks with Vladimir Putin via video link on Monday.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "none", False)]),
    # thanks for birthday greetings recall them
    ("Vladimir Putin thanked Kim Jong Un for the birthday greetings.",
     [("Kim Jong Un", "Vladimir Putin", "greetings", "2024-12", "birthday", False)]),
]

LETTERS = [
    # a farewell letter answers an occasion outside the list ("other"); a letter about talks answers none
    ("Moon Jae-in sent a farewell letter to Kim Jong Un on Monday.",
     [("Moon Jae-in", "Kim Jong Un", "letter", "2024-12-30", "other", False)]),
    ("Donald Trump sent a letter to Kim Jong Un on Monday about the talks.",
     [("Donald Trump", "Kim Jong Un", "letter", "2024-12-30", "none", False)]),
]

THE_TWO = [
    # "the two leaders", "each other": the two just named write to each other
    ("Xi Jinping and Vladimir Putin marked the anniversary of their treaty. The two leaders exchanged congratulatory "
     "messages on Monday.",
     [("Vladimir Putin", "Xi Jinping", "congratulatory", "2024-12-30", "anniversary", False),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-30", "anniversary", False)]),
    ("Xi Jinping and Vladimir Putin sent congratulatory messages to each other on Monday.",
     [("Vladimir Putin", "Xi Jinping", "congratulatory", "2024-12-30", "none", False),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-30", "none", False)]),
    ("Xi Jinping and Vladimir Putin sent each other messages on Monday.",
     [("Vladimir Putin", "Xi Jinping", "message", "2024-12-30", "none", False),
      ("Xi Jinping", "Vladimir Putin", "message", "2024-12-30", "none", False)]),
    # "the two presidents last spoke in November": the earlier call of the two just named
    ("Donald Trump spoke by phone with Xi Jinping about trade. The two presidents last spoke by phone in November.",
     [("Donald Trump", "Xi Jinping", "call", "2024-11", "none", False),
      ("Donald Trump", "Xi Jinping", "call", "2024-12-31", "none", False)]),
]

PRONOUNS = [
    # "sent him a message": him is the one the sentence before was about
    ("Vladimir Putin was re-elected on Sunday. The Chinese president sent him a congratulatory message on Monday.",
     [("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-30", "election", False)]),
    ("Xi Jinping sent a message to Vladimir Putin on Monday. Kim Jong Un also sent him a letter.",
     [("Kim Jong Un", "Vladimir Putin", "letter", "2024-12-31", "none", False),
      ("Xi Jinping", "Vladimir Putin", "message", "2024-12-30", "none", False)]),
]

REPORTED = [
    # "X said Y had sent him a letter", "X said Y wrote to him": him is the one who said it
    ("Donald Trump said on Monday that Kim Jong Un had sent him a beautiful letter.",
     [("Kim Jong Un", "Donald Trump", "letter", "2024-12-30", "none", False)]),
    ("Donald Trump said on Monday that Kim Jong Un wrote to him.",
     [("Kim Jong Un", "Donald Trump", "letter", "2024-12-30", "none", False)]),
]

CARDS_AND_PRONOUNS = [
    # a bare "card", and "Cards were also sent to ...": greeting cards from the sender named before
    ("Kim Jong Un sent New Year cards to Xi Jinping on Monday. Cards were also sent to Vladimir Putin and "
     "Alexander Lukashenko.",
     [("Kim Jong Un", n, "greetings", "2024-12-30", "new_year", False)
      for n in ("Alexander Lukashenko", "Vladimir Putin", "Xi Jinping")]),
    ("Kim Jong Un sent a card to Vladimir Putin on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "greetings", "2024-12-30", "none", False)]),
    # "She also sent ..." after a sentence about her that states no act
    ("Kim Yo Jong issued a statement on Monday. She also sent a letter to Moon Jae-in.",
     [("Kim Yo Jong", "Moon Jae-in", "letter", "2024-12-30", "none", False)]),
]

IN_PERSON = [
    # congratulations offered at talks the sentences before describe are said in person: no event
    ("To Lam held talks with Xi Jinping in Beijing on Monday during his official visit. Xi Jinping "
     "welcomed the guest. To Lam congratulated Xi Jinping on his re-election, and the two leaders discussed trade.", []),
    # someone who was not at the talks congratulates in writing
    ("Xi Jinping held talks with Vladimir Putin in Moscow on Monday. Kim Jong Un congratulated Xi Jinping on his re-election.",
     [("Kim Jong Un", "Xi Jinping", "congratulatory", "2024-12-31", "election", False)]),
    # a medium named: a message, whoever met before
    ("Xi Jinping held talks with Vladimir Putin in Moscow on Monday. Xi Jinping congratulated Vladimir Putin in a "
     "message on his birthday.",
     [("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-30", "birthday", False)]),
]

COUNTERPARTS = [
    # a co-sender named again by a title is no addressee; an unnamed counterpart is no addressee at all
    ("Party General Secretary To Lam and State President Luong Cuong on Monday sent a message of congratulations "
     "to Lao Party General Secretary and President Thongloun Sisoulith on the country's National Day.\n\n"
     "Foreign Minister Bui Thanh Son also sent a message to his Lao counterpart.",
     [("Luong Cuong", "Thongloun Sisoulith", "congratulatory", "2024-12-30", "national_day", False),
      ("To Lam", "Thongloun Sisoulith", "congratulatory", "2024-12-30", "national_day", False)]),
]

NAMES = [
    # a sentence's first words before a comma and a title are no one's name ("On Monday, Prime Minister X")
    ("On Monday, Prime Minister Pham Minh Chinh sent a letter to Premier Li Qiang.",
     [("Pham Minh Chinh", "Li Qiang", "letter", "2024-12-30", "none", False)]),
]

ENVOYS = [
    # a long title between "from" and the principal's name
    ("Choe Son Hui conveyed to the President of Russia warm greetings from Chairman of the State Affairs of the "
     "DPRK Kim Jong Un.",
     [("Kim Jong Un", "Vladimir Putin", "verbal", "2024-12-31", "none", False)]),
    # "on behalf of X": X is the sender, whoever carried or said it
    ("Choe Son Hui conveyed greetings to Vladimir Putin on behalf of Kim Jong Un on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "verbal", "2024-12-30", "none", False)]),
    ("Choe Son Hui, on behalf of Kim Jong Un, handed a letter to Vladimir Putin on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "letter", "2024-12-30", "none", False)]),
    ("The ambassador handed a verbal message to Vladimir Putin on behalf of Kim Jong Un on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "verbal", "2024-12-30", "none", False)]),
    # an organisation on whose behalf one writes changes nothing
    ("Xi Jinping sent a message to Vladimir Putin on behalf of the Chinese government.",
     [("Xi Jinping", "Vladimir Putin", "message", "2024-12-31", "none", False)]),
    # the delivery told in the passive, the letter named with "the"
    ("The letter from Kim Jong Un was handed to Vladimir Putin by the ambassador on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "letter", "2024-12-30", "none", False)]),
    # the addressee before the cue: "handed over to Y a letter from X", "Y was handed a letter from X"
    ("Choe Son Hui handed over to Vladimir Putin a personal letter from Kim Jong Un on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "letter", "2024-12-30", "none", False)]),
    ("Vladimir Putin was handed a letter from Kim Jong Un on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "letter", "2024-12-30", "none", False)]),
    ("Kim Jong Un's condolences were conveyed to Vladimir Putin on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "condolence", "2024-12-30", "condolence", False)]),
]

CALLS = [
    # "In a phone call with Y, X said": X, the subject, spoke with Y
    ("In a phone call with Vladimir Putin on Monday, Xi Jinping said ties were strong.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "none", False)]),
    # a call named again without who placed it ("the phone conversation") is the same call
    ("Xi Jinping phoned Moon Jae-in on Thursday to congratulate him. The 40-minute phone conversation came a day "
     "after Moon was sworn in.",
     [("Xi Jinping", "Moon Jae-in", "call", "2024-12-26", "election", False)]),
    # two calls each way, each with its own day, stay two
    ("Xi Jinping phoned Vladimir Putin on Monday. Putin called Xi Jinping on Friday.",
     [("Vladimir Putin", "Xi Jinping", "call", "2024-12-27", "none", False),
      ("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "none", False)]),
    # the one at whose request the call was held placed it, named or as "the Russian side"
    ("Xi Jinping and Vladimir Putin held a phone conversation on Monday at the request of Vladimir Putin.",
     [("Vladimir Putin", "Xi Jinping", "call", "2024-12-30", "none", False)]),
    ("Xi Jinping held a phone conversation with Vladimir Putin on Monday at the request of the Russian side.",
     [("Vladimir Putin", "Xi Jinping", "call", "2024-12-30", "none", False)]),
    ("Xi Jinping spoke with Joe Biden over the phone on Monday at the request of the US side.",
     [("Joe Biden", "Xi Jinping", "call", "2024-12-30", "none", False)]),
    ("Xi Jinping held a phone conversation with Vladimir Putin on Monday at the request of the Chinese side.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "none", False)]),
]

NOT_ACTS = [
    # negated, doubted or wished-for acts are not events
    "Xi Jinping did not send a message to Vladimir Putin.",
    "Xi Jinping has not sent a congratulatory message to Vladimir Putin this year.",
    "It is unclear whether Xi Jinping sent a message to Vladimir Putin.",
    "Xi Jinping declined to congratulate Vladimir Putin.",
    "Xi Jinping hopes to receive a letter from Kim Jong Un.",
    # plans and questions
    "Xi Jinping is expected to send a message to Vladimir Putin.",
    "Will Xi Jinping send a message to Vladimir Putin?",
    # figures of speech: a "strong message" sent by a test, calling someone's words something
    "Vladimir Putin sent a strong message to Joe Biden with the missile test.",
    "Xi Jinping called Joe Biden's remarks irresponsible.",
    # a request to pass on wishes later is no act yet
    "Vladimir Putin asked her to pass on his best wishes to Kim Jong Un.",
    "Donald Trump said he had not received a letter from Kim Jong Un.",
    # a pronoun with no one named before it
    "She also sent a letter to Moon Jae-in.",
    # gifts and wreaths without a message
    "Kim Jong Un sent a basket of flowers to Vladimir Putin on his birthday.",
    "To Lam sent flowers to congratulate Xi Jinping on Monday.",
    # talks in person
    "Xi Jinping held talks with Vladimir Putin in Moscow on Monday.",
    # organisations only, or an addressee that is not a person
    "The Chinese Foreign Ministry sent a message to the Russian Foreign Ministry.",
    "Xi Jinping was re-elected on Sunday. The Central Committee of the Workers' Party of Korea sent a message to him.",
    "Xi Jinping sent a message to the forum on Monday.",
]


@pytest.mark.parametrize("text", [
    # people who never lived at the same time exchanged no message, even on a page with no date
    "The friendship that Ho Chi Minh built sends its greetings to To Lam.",
    "In a message, Mao Zedong congratulated Xi Jinping.",
])
def test_no_message_passes_between_people_who_never_lived_at_one_time(text: str) -> None:
    doc = Document(page_hash="h", source="t.txt", text=text, language="en")
    assert list(extract_reports(doc)) == []


@pytest.mark.parametrize(("text", "expected"), ROUNDUPS + GIVERS_OF_THE_PAGE + EXCHANGES_AND_REPLIES + ANSWERS + KINDS + MORE_KINDS + LETTERS + THE_TWO + PRONOUNS + REPORTED + CARDS_AND_PRONOUNS + IN_PERSON + COUNTERPARTS + NAMES + ENVOYS + CALLS)
def test_who_sent_to_whom(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == sorted(expected)


def test_congratulating_a_people_is_no_message_to_the_page_s_addressee() -> None:
    # the page is about Pezeshkian's congratulations, but Khamenei's went to the nation
    text = ("Masoud Pezeshkian received messages of congratulations from Vladimir Putin and Xi Jinping on Sunday. "
            "Earlier, Ali Khamenei congratulated the Iranian people on a large turnout.")
    assert [(r[0], r[1]) for r in _rows(text)] == [("Vladimir Putin", "Masoud Pezeshkian"), ("Xi Jinping", "Masoud Pezeshkian")]


def test_news_call_and_an_earlier_call_are_two_events() -> None:
    # "X spoke with Y (today) ... X last spoke with Y in December": the page's news and the call it recalls
    text = "Donald Trump spoke by phone with Xi Jinping about trade. Trump last spoke with Xi by phone in December."
    assert _rows(text, "2025-02-07") == [("Donald Trump", "Xi Jinping", "call", "2024-12", "none", False),
                                         ("Donald Trump", "Xi Jinping", "call", "2025-02-07", "none", False)]


@pytest.mark.parametrize("opening", ["On Monday", "Last Friday", "Earlier Today", "Also On Monday"])
def test_time_words_before_a_title_are_no_name(opening: str) -> None:
    text = f"{opening}, Prime Minister Pham Minh Chinh sent a letter."
    found = find_mentions(text, 0, len(text), load_registry(), dt.date(2024, 12, 31), {})
    assert [m.name for m in found] == ["Pham Minh Chinh"]


@pytest.mark.parametrize("text", NOT_ACTS)
def test_look_alikes_are_no_event(text: str) -> None:
    assert _rows(text) == []
