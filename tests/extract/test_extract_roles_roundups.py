"""Who sent what to whom in round-ups, calls, parallel clauses and carried-over senders.

Every sentence here is written for this test; each case names the kind of
phrasing it stands for. Rows: (sender, recipient, type, date, occasion kind).
"""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate


def _rows(text: str, published: str = "2024-12-31") -> list[tuple]:
    doc = Document(page_hash="h", source="t.txt", text=text, language="en",
                   published=DatedValue(PartialDate.parse(published), None, "test"))
    return sorted((r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind)
                  for r in extract_reports(doc))


ROUNDUPS = [
    # recipients listed with an appositive title each: one event per recipient
    ("Kim Jong Un sent New Year cards to Xi Jinping, general secretary of the Central Committee of the "
     "Communist Party of China and president of the People's Republic of China, Vladimir Putin, president of "
     "the Russian Federation, Alexander Lukashenko, president of Belarus, and Daniel Ortega, president of "
     "Nicaragua, on December 30.",
     [("Kim Jong Un", n, "greetings", "2024-12-30", "new_year")
      for n in ("Alexander Lukashenko", "Daniel Ortega", "Vladimir Putin", "Xi Jinping")]),
    # the same list with semicolons between the entries
    ("Kim Jong Un sent New Year cards to Vladimir Putin, president of Russia; Alexander Lukashenko, president "
     "of Belarus; and Daniel Ortega, president of Nicaragua.",
     [("Kim Jong Un", n, "greetings", "2024-12-31", "new_year")
      for n in ("Alexander Lukashenko", "Daniel Ortega", "Vladimir Putin")]),
    # an appositive title then a new subject is no list
    ("In a condolence message to Alexander Lukashenko, the Belarusian president, Kim Jong Un said he was saddened.",
     [("Kim Jong Un", "Alexander Lukashenko", "condolence", "2024-12-31", "condolence")]),
    # passive "messages were also sent to": the sender carries over from the sentence before
    ("Vladimir Putin sent New Year greetings to Xi Jinping on December 30.\n\n"
     "Messages were also sent to Alexander Lukashenko, Kassym-Jomart Tokayev and Shavkat Mirziyoyev.",
     [("Vladimir Putin", n, "greetings", "2024-12-30", "new_year")
      for n in ("Alexander Lukashenko", "Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Xi Jinping")]),
    ("Xi Jinping sent a congratulatory message to Vladimir Putin on his re-election on Tuesday. "
     "Congratulations were also sent to Mikhail Mishustin.",
     [("Xi Jinping", "Mikhail Mishustin", "congratulatory", "2024-12-31", "election"),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-12-31", "election")]),
    # a passive with "by" names its own sender
    ("Messages of condolence were sent to Alexander Lukashenko by Kim Jong Un on Monday over the floods.",
     [("Kim Jong Un", "Alexander Lukashenko", "condolence", "2024-12-30", "condolence")]),
]

CALLS_AND_ENVOYS = [
    ("Xi Jinping spoke with Vladimir Putin on the phone on Monday.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "none")]),
    ("Vladimir Putin and Kassym-Jomart Tokayev talked by phone on December 29.",
     [("Vladimir Putin", "Kassym-Jomart Tokayev", "call", "2024-12-29", "none")]),
    ("Alexander Lukashenko talked by telephone with Vladimir Putin on Monday.",
     [("Alexander Lukashenko", "Vladimir Putin", "call", "2024-12-30", "none")]),
    ("Shavkat Mirziyoyev telephoned Xi Jinping on Monday.",
     [("Shavkat Mirziyoyev", "Xi Jinping", "call", "2024-12-30", "none")]),
    ("Xi Jinping spoke with Vladimir Putin at the summit.", []),
    # leaders named by title alone, resolved on the page's date
    ("The Uzbek president telephoned Xi Jinping on Monday. The Kazakh leader sent him a message of greetings.",
     [("Kassym-Jomart Tokayev", "Xi Jinping", "greetings", "2024-12-31", "none"),
      ("Shavkat Mirziyoyev", "Xi Jinping", "call", "2024-12-30", "none")]),
    # the envoy conveys; the principal is the sender, a title names the addressee
    ("Choe Son Hui conveyed to the President of Russia warm greetings from Kim Jong Un.",
     [("Kim Jong Un", "Vladimir Putin", "verbal", "2024-12-31", "none")]),
]

PAIRS = [
    # a counterpart named after a leader of the sentence before goes to the name written
    ("Xi Jinping sent a congratulatory message to Vo Van Thuong on Monday. "
     "Li Qiang cabled congratulations to his Vietnamese counterpart Pham Minh Chinh.",
     [("Li Qiang", "Pham Minh Chinh", "congratulatory", "2024-12-31", "none"),
      ("Xi Jinping", "Vo Van Thuong", "congratulatory", "2024-12-30", "none")]),
    # "in a separate message" is the congratulation itself, not a message from its object
    ("Li Qiang congratulated Pham Minh Chinh in a separate message.",
     [("Li Qiang", "Pham Minh Chinh", "congratulatory", "2024-12-31", "none")]),
    # parallel clauses pair within each clause
    ("Li Qiang sent a message to Pham Minh Chinh, and Zhao Leji to Vuong Dinh Hue.",
     [("Li Qiang", "Pham Minh Chinh", "message", "2024-12-31", "none"),
      ("Zhao Leji", "Vuong Dinh Hue", "message", "2024-12-31", "none")]),
    ("Xi Jinping sent a message to To Lam, Li Qiang to Pham Minh Chinh, and Zhao Leji to his counterpart Vuong Dinh Hue.",
     [("Li Qiang", "Pham Minh Chinh", "message", "2024-12-31", "none"),
      ("Xi Jinping", "To Lam", "message", "2024-12-31", "none"),
      ("Zhao Leji", "Vuong Dinh Hue", "message", "2024-12-31", "none")]),
    ("Li Qiang and Zhao Leji sent messages to Pham Minh Chinh and Vuong Dinh Hue respectively.",
     [("Li Qiang", "Pham Minh Chinh", "message", "2024-12-31", "none"),
      ("Zhao Leji", "Vuong Dinh Hue", "message", "2024-12-31", "none")]),
    # without "respectively" a joint message goes to everyone
    ("Li Qiang and Zhao Leji sent a joint message to Pham Minh Chinh and Vuong Dinh Hue.",
     [(a, b, "message", "2024-12-31", "none") for a in ("Li Qiang", "Zhao Leji") for b in ("Pham Minh Chinh", "Vuong Dinh Hue")]),
]

NOT_EVENTS = [
    # congratulations offered in a call are the call: one event, with their occasion
    ("Xi Jinping spoke with Vladimir Putin by phone and congratulated him on his re-election.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-31", "election")]),
    ("Xi Jinping held a phone call with Vladimir Putin on Monday. Xi congratulated Putin on his re-election.",
     [("Xi Jinping", "Vladimir Putin", "call", "2024-12-30", "election")]),
    # congratulations in person are no message
    ("Xi Jinping met with To Lam in Beijing and congratulated him on his election.", []),
    ("At the talks, Xi Jinping congratulated Kim Jong Un on his re-election.", []),
    ("Xi Jinping held talks with Kim Jong Un and extended congratulations to him on his re-election.", []),
    # questions and modals state no act
    ("Will Xi Jinping send a message to Kim Jong Un?", []),
    ("Kim Jong Un may send a personal letter to Donald Trump.", []),
    ("Kim Jong Un could write to Donald Trump again.", []),
    ("Kim Jong Un might also send a letter to Donald Trump.", []),
]

OCCASIONS = [
    # elected at a congress: the election wins over the congress
    ("Xi Jinping sent a congratulatory message to To Lam on becoming general secretary at the 14th National "
     "Congress of the Communist Party of Vietnam.",
     [("Xi Jinping", "To Lam", "congratulatory", "2024-12-31", "election")]),
    ("Xi Jinping congratulated To Lam in a message on Monday. To Lam was elected general secretary at the "
     "party's national congress.",
     [("Xi Jinping", "To Lam", "congratulatory", "2024-12-30", "election")]),
    # a letter or call on current affairs answers no occasion; one about a summit answers "other"
    ("Kim Jong Un sent a letter to Donald Trump about the stalled nuclear negotiations.",
     [("Kim Jong Un", "Donald Trump", "letter", "2024-12-31", "none")]),
    ("Kim Jong Un sent a letter to Donald Trump proposing a second summit.",
     [("Kim Jong Un", "Donald Trump", "letter", "2024-12-31", "other")]),
    ("Xi Jinping spoke with Joe Biden by phone on Monday about trade.",
     [("Xi Jinping", "Joe Biden", "call", "2024-12-30", "none")]),
]


@pytest.mark.parametrize("text,expected", OCCASIONS, ids=[c[0][:50] for c in OCCASIONS])
def test_occasion_kind(text: str, expected: list[tuple]) -> None:
    assert _rows(text, "2024-12-31") == sorted(expected)


@pytest.mark.parametrize("text,expected", ROUNDUPS + CALLS_AND_ENVOYS + PAIRS + NOT_EVENTS,
                         ids=[c[0][:50] for c in ROUNDUPS + CALLS_AND_ENVOYS + PAIRS + NOT_EVENTS])
def test_who_sent_to_whom(text: str, expected: list[tuple]) -> None:
    assert _rows(text) == sorted(expected)


LINKS = [
    # verbless link lines after the article (menu items, related headlines) state no act
    ("Xi Jinping sends congratulatory message to Lula\n\nChinese President Xi Jinping on Monday sent a congratulatory "
     "message to Luiz Inacio Lula da Silva on his inauguration.\n\nTelephone conversation with Russian President "
     "Vladimir Putin\nMessage of condolence to Alexander Lukashenko\n",
     [("Xi Jinping", "Luiz Inacio Lula da Silva", "congratulatory", "2024-12-30", "election")]),
    # nor does their occasion leak into the article's event
    ("Kim Jong Un sends message to Xi Jinping\n\nKim Jong Un sent a message to Xi Jinping on Monday.\n\n"
     "Greetings on the 100th anniversary of the founding of the Communist Party of China\n",
     [("Kim Jong Un", "Xi Jinping", "message", "2024-12-30", "none")]),
    # a headline with a verb further down the page is an article's own title
    ("Kim Jong Un sent a message to Xi Jinping on December 29.\n\nXi Jinping sends message of greetings to Kim Jong Un\n",
     [("Kim Jong Un", "Xi Jinping", "message", "2024-12-29", "none"),
      ("Xi Jinping", "Kim Jong Un", "greetings", "2024-12-31", "none")]),
]


@pytest.mark.parametrize("text,expected", LINKS, ids=[c[0][:50] for c in LINKS])
def test_link_lines(text: str, expected: list[tuple]) -> None:
    assert [row for row in _rows(text)] == sorted(expected)
