"""Round-ups, envoys, counterparts, parallel lists, years and headlines: the kinds of round 4.

Every page here is written for this test; each case names the kind of phrasing
it stands for. Rows: (sender, recipient, type, date, occasion kind).
"""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate


def _rows(text: str, published: str | None = "2024-12-31") -> list[tuple]:
    pub = DatedValue(PartialDate.parse(published), None, "test") if published else None
    doc = Document(page_hash="h", source="t.txt", text=text, language="en", published=pub)
    return sorted((r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind)
                  for r in extract_reports(doc))


ROUNDUPS = [
    # "sent greetings to" is the leader's own greetings; "He also sent" carries the sender over
    ("Vladimir Putin sent New Year greetings to the heads of state of the CIS countries: Alexander Lukashenko, "
     "Kassym-Jomart Tokayev and Emomali Rahmon. He also sent greetings to Xi Jinping and Narendra Modi.",
     [("Vladimir Putin", n, "greetings", "2024-12-31", "new_year") for n in
      ("Alexander Lukashenko", "Emomali Rahmon", "Kassym-Jomart Tokayev", "Narendra Modi", "Xi Jinping")]),
    # a bare title as subject is the leader just named
    ("Vladimir Putin sent New Year greetings to heads of state and government. The President extended greetings "
     "to President of Azerbaijan Ilham Aliyev and President of Belarus Alexander Lukashenko.",
     [("Vladimir Putin", n, "greetings", "2024-12-31", "new_year") for n in ("Alexander Lukashenko", "Ilham Aliyev")]),
    # senders named only by a plural title and their countries, resolved on the page's date
    ("Vladimir Putin received congratulations from the presidents of Uzbekistan, Kazakhstan and Belarus on his birthday.",
     [(n, "Vladimir Putin", "congratulatory", "2024-12-31", "birthday") for n in
      ("Alexander Lukashenko", "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev")]),
    ("Xi Jinping received congratulatory messages from the Russian, Kazakh and Uzbek presidents on his re-election.",
     [(n, "Xi Jinping", "congratulatory", "2024-12-31", "election") for n in
      ("Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Vladimir Putin")]),
    ("Kim Jong Un sent greetings to the leaders of Russia, Belarus and Cuba on the New Year.",
     [("Kim Jong Un", n, "greetings", "2024-12-31", "new_year") for n in
      ("Alexander Lukashenko", "Miguel Diaz-Canel", "Vladimir Putin")]),
    # a condolence round-up: each sender its own event, type and date
    ("Xi Jinping sent a message of condolence to Vladimir Putin on March 23 over the attack on a concert hall. "
     "Kassym-Jomart Tokayev and Shavkat Mirziyoyev also expressed condolences in telegrams to Putin. "
     "Alexander Lukashenko called Putin to offer condolences. Kim Jong Un sent a message of condolence to Putin on March 24.",
     [("Alexander Lukashenko", "Vladimir Putin", "call", "2024-03-25", "condolence"),
      ("Kassym-Jomart Tokayev", "Vladimir Putin", "condolence", "2024-03-25", "condolence"),
      ("Kim Jong Un", "Vladimir Putin", "condolence", "2024-03-24", "condolence"),
      ("Shavkat Mirziyoyev", "Vladimir Putin", "condolence", "2024-03-25", "condolence"),
      ("Xi Jinping", "Vladimir Putin", "condolence", "2024-03-23", "condolence")]),
    # a call named after the words it carried; condolences that "came from" the people named
    ("Shavkat Mirziyoyev expressed condolences to Vladimir Putin in a phone call.",
     [("Shavkat Mirziyoyev", "Vladimir Putin", "call", "2024-12-31", "condolence")]),
    ("Xi Jinping sent a message of condolence to Vladimir Putin. Condolences also came from Kassym-Jomart Tokayev "
     "and Ilham Aliyev.",
     [(n, "Vladimir Putin", "condolence", "2024-12-31", "condolence") for n in ("Ilham Aliyev", "Kassym-Jomart Tokayev", "Xi Jinping")]),
    # greetings to a group of people name no addressee; a plan names no act
    ("Alexander Lukashenko sends greetings to Belarusian athletes", []),
    ("Xi Jinping sent greetings to the participants of the forum.", []),
    ("The President will also make several telephone calls.", []),
]

LISTS = [
    # one addressee per line after "the following leaders:" (bullets or none)
    ("Kim Jong Un sent New Year cards to the following leaders:\n"
     "Xi Jinping, general secretary of the Central Committee of the Communist Party of China\n"
     "Vladimir Putin, president of the Russian Federation\n"
     "Alexander Lukashenko, president of the Republic of Belarus\n",
     [("Kim Jong Un", n, "greetings", "2024-12-31", "new_year") for n in ("Alexander Lukashenko", "Vladimir Putin", "Xi Jinping")]),
    ("Kim Jong Un sent New Year cards to foreign heads of state:\n"
     "- Xi Jinping, general secretary of the Communist Party of China;\n"
     "- Miguel Diaz-Canel, first secretary of the Communist Party of Cuba.\n"
     "The cards wished them success.",
     [("Kim Jong Un", n, "greetings", "2024-12-31", "new_year") for n in ("Miguel Diaz-Canel", "Xi Jinping")]),
    # item lines that open with the addressee's title
    ("Vladimir Putin sent New Year greetings to the leaders of CIS countries:\n- President of Azerbaijan Ilham Aliyev;\n"
     "- President of Belarus Alexander Lukashenko.\nThe President wished them good health.",
     [("Vladimir Putin", n, "greetings", "2024-12-31", "new_year") for n in ("Alexander Lukashenko", "Ilham Aliyev")]),
    # lines after the colon that open with no name are no list
    ("Kim Jong Un sent New Year cards to the following leaders:\nThe cards wished prosperity to the people.\n"
     "Xi Jinping thanked him.", []),
    # the addressees named in the next sentence, the day in the one before
    ("Kim Jong Un sent New Year cards to heads of state of various countries on December 30. They are Xi Jinping, "
     "general secretary of the Communist Party of China, Vladimir Putin, president of the Russian Federation, and "
     "Alexander Lukashenko, president of the Republic of Belarus.",
     [("Kim Jong Un", n, "greetings", "2024-12-30", "new_year") for n in ("Alexander Lukashenko", "Vladimir Putin", "Xi Jinping")]),
    # received from a group, the senders named in the next sentence
    ("Kim Jong Un received New Year cards from heads of state of different countries.\n"
     "Among them were Xi Jinping, Vladimir Putin and Alexander Lukashenko.",
     [(n, "Kim Jong Un", "greetings", "2024-12-31", "new_year") for n in ("Alexander Lukashenko", "Vladimir Putin", "Xi Jinping")]),
    # the day of a message received is not the day of the others' messages in the next sentence
    ("Xi Jinping received a congratulatory message from Kim Jong Un on Monday. Vladimir Putin and Alexander "
     "Lukashenko also sent congratulatory messages to Xi.",
     [("Alexander Lukashenko", "Xi Jinping", "congratulatory", "2024-12-31", "none"),
      ("Kim Jong Un", "Xi Jinping", "congratulatory", "2024-12-30", "none"),
      ("Vladimir Putin", "Xi Jinping", "congratulatory", "2024-12-31", "none")]),
    # "similar cards were sent to": the kind and the sender of the sentence before
    ("Kim Jong Un sent a New Year card to Xi Jinping. Similar cards were sent to Vladimir Putin and Alexander Lukashenko.",
     [("Kim Jong Un", n, "greetings", "2024-12-31", "new_year") for n in ("Alexander Lukashenko", "Vladimir Putin", "Xi Jinping")]),
    # a colon that opens a quotation, not a list of people, adds nobody
    ("Kim Jong Un sent a New Year card to Xi Jinping. The card read:\nWarm wishes for the New Year.",
     [("Kim Jong Un", "Xi Jinping", "greetings", "2024-12-31", "new_year")]),
]

PARALLEL = [
    # "A to B, C to D, and E to F" after a colon: each item its own pair, never across items
    ("Vietnamese leaders sent condolences to Chinese leaders: Nguyen Phu Trong to Xi Jinping, Vo Van Thuong to "
     "Li Qiang, Pham Minh Chinh to Li Qiang, and Vuong Dinh Hue to Zhao Leji.",
     [("Nguyen Phu Trong", "Xi Jinping", "condolence", "2024-12-31", "condolence"),
      ("Pham Minh Chinh", "Li Qiang", "condolence", "2024-12-31", "condolence"),
      ("Vo Van Thuong", "Li Qiang", "condolence", "2024-12-31", "condolence"),
      ("Vuong Dinh Hue", "Zhao Leji", "condolence", "2024-12-31", "condolence")]),
    ("Vietnamese leaders sent messages of condolence to their Chinese counterparts: General Secretary Nguyen Phu "
     "Trong to General Secretary Xi Jinping; Prime Minister Pham Minh Chinh to Premier Li Qiang; and Chairman "
     "Vuong Dinh Hue to Chairman Zhao Leji.",
     [("Nguyen Phu Trong", "Xi Jinping", "condolence", "2024-12-31", "condolence"),
      ("Pham Minh Chinh", "Li Qiang", "condolence", "2024-12-31", "condolence"),
      ("Vuong Dinh Hue", "Zhao Leji", "condolence", "2024-12-31", "condolence")]),
    # the sentence's own sender and addressee first, then items with titles before each name
    ("General Secretary Nguyen Phu Trong sent a message of congratulations to General Secretary Xi Jinping, "
     "President Vo Van Thuong to President Xi Jinping, and Prime Minister Pham Minh Chinh to Premier Li Qiang.",
     [("Nguyen Phu Trong", "Xi Jinping", "congratulatory", "2024-12-31", "none"),
      ("Pham Minh Chinh", "Li Qiang", "congratulatory", "2024-12-31", "none"),
      ("Vo Van Thuong", "Xi Jinping", "congratulatory", "2024-12-31", "none")]),
    ("Nguyen Phu Trong sent a message to Xi Jinping, while Pham Minh Chinh sent one to Li Qiang.",
     [("Nguyen Phu Trong", "Xi Jinping", "message", "2024-12-31", "none"),
      ("Pham Minh Chinh", "Li Qiang", "message", "2024-12-31", "none")]),
    # "relayed by A to B" is no item of a list: the carrier is no sender
    ("Kim Jong Un wrote a personal letter to Donald Trump, which was relayed by Kim Yong Chol to Mike Pompeo.",
     [("Kim Jong Un", "Donald Trump", "letter", "2024-12-31", "none")]),
]

HEADLINES = [
    # a headline's loose wording of the kind is the body's message, not a second one
    ("Kim Jong Un Sends Greetings to Russian President\n\nKim Jong Un sent a congratulatory message to Vladimir Putin "
     "on Friday on his 70th birthday.",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-12-27", "birthday")]),
]


@pytest.mark.parametrize("text,expected", [(t, [(*r[:3], "2023-03-24", r[4]) for r in rows]) for t, rows in PARALLEL],
                         ids=[c[0][:50] for c in PARALLEL])
def test_parallel_lists(text: str, expected: list[tuple]) -> None:
    assert _rows(text, "2023-03-24") == sorted(expected)


@pytest.mark.parametrize("text,expected", ROUNDUPS + LISTS + HEADLINES, ids=[c[0][:50] for c in ROUNDUPS + LISTS + HEADLINES])
def test_roundups_and_headlines(text: str, expected: list[tuple]) -> None:
    published = "2024-03-25" if "March 23" in text else "2024-12-31"
    assert _rows(text, published) == sorted(expected)


COUNTERPARTS = [
    # ministers exchange messages like their leaders: both directions, an unknown counterpart by the name written
    ("Foreign Minister Pham Binh Minh and his Cambodian counterpart Hor Namhong exchanged messages of congratulations.",
     [("Hor Namhong", "Pham Binh Minh", "congratulatory", "2017-06-24", "none"),
      ("Pham Binh Minh", "Hor Namhong", "congratulatory", "2017-06-24", "none")]),
    ("Deputy Prime Minister and Foreign Minister Pham Binh Minh and Cambodian Deputy Prime Minister and Minister of "
     "Foreign Affairs and International Cooperation Prak Sokhonn also exchanged congratulatory messages.",
     [("Pham Binh Minh", "Prak Sokhonn", "congratulatory", "2017-06-24", "none"),
      ("Prak Sokhonn", "Pham Binh Minh", "congratulatory", "2017-06-24", "none")]),
    ("Messages were also exchanged between Foreign Minister Pham Binh Minh and his Cambodian counterpart Prak Sokhonn.",
     [("Pham Binh Minh", "Prak Sokhonn", "message", "2017-06-24", "none"),
      ("Prak Sokhonn", "Pham Binh Minh", "message", "2017-06-24", "none")]),
    # "also exchanged messages" after the leaders' congratulations: the same kind
    ("Prime Minister Nguyen Xuan Phuc and his Lao counterpart Thongloun Sisoulith exchanged congratulatory messages. "
     "Foreign Minister Pham Binh Minh also exchanged messages with his Lao counterpart Saleumxay Kommasith.",
     [(a, b, "congratulatory", "2017-06-24", "none") for a, b in (
         ("Nguyen Xuan Phuc", "Thongloun Sisoulith"), ("Thongloun Sisoulith", "Nguyen Xuan Phuc"),
         ("Pham Binh Minh", "Saleumxay Kommasith"), ("Saleumxay Kommasith", "Pham Binh Minh"))]),
    ("Foreign Minister Pham Binh Minh sent a message to Prak Sokhonn, Cambodian Deputy Prime Minister and Minister "
     "of Foreign Affairs.",
     [("Pham Binh Minh", "Prak Sokhonn", "message", "2017-06-24", "none")]),
]


@pytest.mark.parametrize("text,expected", COUNTERPARTS, ids=[c[0][:50] for c in COUNTERPARTS])
def test_counterparts(text: str, expected: list[tuple]) -> None:
    assert _rows(text, "2017-06-24") == sorted(expected)


ENVOYS = [
    # a verbal message or greetings carried by an envoy: from the principal to the host, dated the day of the meeting
    ("Putin on Tuesday received North Korean Foreign Minister Choe Son Hui, who conveyed warm greetings from Kim Jong Un.",
     [("Kim Jong Un", "Vladimir Putin", "verbal", "2024-06-04", "none")]),
    ("Vladimir Putin received Choe Son Hui in the Kremlin on Tuesday. She conveyed a verbal message from Kim Jong Un "
     "to the Russian president.",
     [("Kim Jong Un", "Vladimir Putin", "verbal", "2024-06-04", "none")]),
    ("Vladimir Putin received Choe Son Hui on Tuesday, who handed over a personal letter from Kim Jong Un.",
     [("Kim Jong Un", "Vladimir Putin", "letter", "2024-06-04", "none")]),
    ("Kim Jong Un's verbal message was conveyed to Vladimir Putin by Choe Son Hui on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "verbal", "2024-06-03", "none")]),
    ("Xi Jinping on Monday received Choe Ryong Hae, who delivered a verbal message of Kim Jong Un.",
     [("Kim Jong Un", "Xi Jinping", "verbal", "2024-06-03", "none")]),
]


@pytest.mark.parametrize("text,expected", ENVOYS, ids=[c[0][:50] for c in ENVOYS])
def test_envoys(text: str, expected: list[tuple]) -> None:
    assert _rows(text, "2024-06-05") == sorted(expected)


TEASERS = [
    # a teaser of another story names an act the article does not report, and lends it no occasion
    ("Kim Jong Un sent a congratulatory message to Vladimir Putin on Tuesday.\n\nRead also: Xi Jinping sends "
     "condolences to Recep Tayyip Erdogan\n",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-06-04", "none")]),
    ("Kim Jong Un sent a congratulatory message to Vladimir Putin on Tuesday.\n\nXi Jinping congratulates Lula "
     "on election win\n",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-06-04", "none")]),
    # the page's own headline names the article's people: one act with the body's
    ("Home | News\nKim Jong Un sends congratulatory message to Putin\nKim Jong Un sent a message to the Russian "
     "president on Tuesday.",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-06-04", "none")]),
    # greetings exchanged at talks are said in person
    ("Xi Jinping held talks with Vladimir Putin in Beijing on Tuesday. The two leaders exchanged New Year greetings at the talks.", []),
    ("During their talks in Pyongyang, Kim Jong Un and Vladimir Putin exchanged greetings.", []),
]


@pytest.mark.parametrize("text,expected", TEASERS, ids=[c[0][:50] for c in TEASERS])
def test_teasers_and_talks(text: str, expected: list[tuple]) -> None:
    assert _rows(text, "2024-06-05") == sorted(expected)


OWN_DAY = [
    # the message's own day wins over the page's
    ("Kim Jong Un on October 19 sent a congratulatory message to Xi Jinping.",
     [("Kim Jong Un", "Xi Jinping", "congratulatory", "2023-10-19", "none")]),
    ("Messages were sent on October 18 by Nguyen Phu Trong to Xi Jinping.",
     [("Nguyen Phu Trong", "Xi Jinping", "message", "2023-10-18", "none")]),
    ("Messages sent on October 18 by Nguyen Phu Trong to Xi Jinping highlighted the friendship.",
     [("Nguyen Phu Trong", "Xi Jinping", "message", "2023-10-18", "none")]),
    ("Nguyen Phu Trong sent a message to Xi Jinping. The message, dated October 17, highlighted the friendship.",
     [("Nguyen Phu Trong", "Xi Jinping", "message", "2023-10-17", "none")]),
]


@pytest.mark.parametrize("text,expected", OWN_DAY, ids=[c[0][:50] for c in OWN_DAY])
def test_own_day(text: str, expected: list[tuple]) -> None:
    assert _rows(text, "2023-10-20") == sorted(expected)


LETTERS_AND_OCCASIONS = [
    # each letter of an exchange is a letter; only the answer is a reply, dated from its own clause; a farewell
    # (leaving office) is an occasion outside the guidelines' list: "other", for the letter and its answer
    ("Moon Jae-in sent a farewell letter to Kim Jong Un on April 20, and Kim replied with a letter the following day.",
     [("Kim Jong Un", "Moon Jae-in", "letter", "2022-04-21", "other", True),
      ("Moon Jae-in", "Kim Jong Un", "letter", "2022-04-20", "other", False)]),
    ("Moon Jae-in sent a farewell letter to Kim Jong Un on April 20. Kim sent a reply letter to Moon the following day.",
     [("Kim Jong Un", "Moon Jae-in", "letter", "2022-04-21", "other", True),
      ("Moon Jae-in", "Kim Jong Un", "letter", "2022-04-20", "other", False)]),
    # a call ahead of an inauguration is about what comes next; congratulations on it are an election's
    ("Moon Jae-in held a phone call with Joe Biden ahead of the inauguration to discuss relations.",
     [("Moon Jae-in", "Joe Biden", "call", "2022-05-10", "none", False)]),
    ("Xi Jinping sent a congratulatory message to Yoon Suk Yeol on his inauguration as president.",
     [("Xi Jinping", "Yoon Suk Yeol", "congratulatory", "2022-05-10", "election", False)]),
]


@pytest.mark.parametrize("text,expected", LETTERS_AND_OCCASIONS, ids=[c[0][:50] for c in LETTERS_AND_OCCASIONS])
def test_letters_and_occasions(text: str, expected: list[tuple]) -> None:
    doc = Document(page_hash="h", source="t.txt", text=text, language="en",
                   published=DatedValue(PartialDate.parse("2022-05-10"), None, "test"))
    rows = sorted((r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind, r.reply)
                  for r in extract_reports(doc))
    assert rows == sorted(expected)


PHRASINGS = [
    # "in a message" after a clause with subject and object: the subject wrote to the object
    ("Kim Jong Un wished Vladimir Putin a happy birthday in a message on Monday.",
     [("Kim Jong Un", "Vladimir Putin", "message", "2024-01-01", "birthday")]),
    # "cabled Y to congratulate him": one congratulatory message
    ("Xi Jinping cabled Vladimir Putin on Monday to congratulate him on his birthday.",
     [("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-01-01", "birthday")]),
    # the one who asked for a call placed it; "with him" is the other one the sentence named
    ("Vladimir Putin had a telephone conversation with Alexander Lukashenko at the latter's request.",
     [("Alexander Lukashenko", "Vladimir Putin", "call", "2024-01-03", "none")]),
    ("At the request of Alexander Lukashenko, Vladimir Putin held a telephone conversation with him.",
     [("Alexander Lukashenko", "Vladimir Putin", "call", "2024-01-03", "none")]),
    # "In a telegram to A, B expressed condolences": B wrote, the kind from the clause
    ("In a telegram to Kim Jong Un, Vladimir Putin expressed condolences over the floods.",
     [("Vladimir Putin", "Kim Jong Un", "condolence", "2024-01-03", "condolence")]),
]


@pytest.mark.parametrize("text,expected", PHRASINGS, ids=[c[0][:50] for c in PHRASINGS])
def test_more_phrasings(text: str, expected: list[tuple]) -> None:
    assert _rows(text, "2024-01-03") == sorted(expected)
