"""Dates of events on whole pages written for this test: cleaned, then read, as the CLI does."""

from __future__ import annotations

import pytest

from missive.clean import clean_page
from missive.extract import extract_reports
from missive.extract.occasions import known_occasions, ties_in
from missive.extract.pagedate import find_dateline
from missive.model import Page


def rows(text: str) -> list[tuple]:
    page = Page(source="p.txt", raw=text.encode(), text=text, media_type="text", encoding="utf-8", container="txt")
    return sorted((r.sender.name, r.recipient.name, r.date.iso() if r.date else None, r.occasion.anniversary)
                  for r in extract_reports(clean_page(page)))


PAGES = [
    # a yearless outlet dateline; the year from the ties' anniversary number (Vietnam-Laos ties: 1962)
    ("Leaders mark anniversary of ties\nVOV - September 5\n"
     "General Secretary To Lam sent a message of greetings to Thongloun Sisoulith on Thursday on the 62nd "
     "anniversary of the establishment of diplomatic relations between the two countries.\n"
     "The message hailed the special friendship between Vietnam and Laos.",
     [("To Lam", "Thongloun Sisoulith", "2024-09-05", 62)]),
    # the pair named in the passage wins over other countries on the page (China-Laos ties: 1961)
    ("Greetings on ties anniversary\nHanoi (VNA) – April 25 – Xi Jinping sent a message of greetings to "
     "Thongloun Sisoulith on the 63rd anniversary of China-Laos diplomatic ties, Vietnam's agency reported.",
     [("Xi Jinping", "Thongloun Sisoulith", "2024-04-25", 63)]),
    # weekday counted back from a TASS dateline once a birthday number fixes the year (born 1952)
    ("Putin greets Lukashenko\nMOSCOW, August 31. /TASS/. Russian President Vladimir Putin on Friday sent a "
     "message of greetings to Alexander Lukashenko on his 70th birthday, the Kremlin said.",
     [("Vladimir Putin", "Alexander Lukashenko", "2024-08-30", 70)]),
]


@pytest.mark.parametrize("text, expected", PAGES, ids=[p[0][:30] for p in PAGES])
def test_page_dates(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text, month_day", [
    ("VOV - June 24\nThe leaders met.", (6, 24)),
    ("Hanoi (VNA) – June 24 – The leaders met.", (6, 24)),
    ("MOSCOW, March 24. /TASS/. The leaders met.", (3, 24)),
    ("BEIJING, Sept. 9 (Xinhua) -- The leaders met.", (9, 9)),
    ("The talks - June 24 was the day they met.", None),
    ("VOV - June 24, 2019\nThe leaders met.", None),
    # day first, as Central Asian and Belarusian agencies write it
    ("Samarkand, 24 July (Agency). The leaders met.", (7, 24)),
    ("GOMEL, 3 November (Agency) - The leaders met.", (11, 3)),
    # place, date and agency each closed by a full stop
    ("ALMATY. November 3. AGENCY - The leaders met.", (11, 3)),
    # a day and a month in a sentence are no dateline
    ("On 3 November (a Friday) the leaders met.", None),
])
def test_yearless_datelines(text: str, month_day: tuple | None) -> None:
    found = find_dateline(text)
    assert (found[1:] if found else None) == month_day


def test_ties_pairs_are_known_and_distinct() -> None:
    ties = [k for k in known_occasions() if k.kind == "ties"]
    pairs = [frozenset(k.countries) for k in ties]
    assert len(pairs) == len(set(pairs)) >= 8
    assert all(k.date and k.date.year >= 1945 for k in ties)


@pytest.mark.parametrize("page, passage, expected", [
    ("Vietnam and Cambodia leaders", "anniversary of diplomatic relations between the two countries", "vietnam-cambodia-ties"),
    ("Chinese and Cuban leaders met; Vietnam too", "anniversary of diplomatic ties", "china-cuba-ties"),
    ("Vietnam and Cambodia", "anniversary of Russia-DPRK diplomatic ties", "russia-dprk-ties-pair"),
    ("Vietnam and Cambodia", "the anniversary of the founding of the party", None),
])
def test_ties_in(page: str, passage: str, expected: str | None) -> None:
    found = ties_in(page + " " + passage, passage)
    assert (found.id if found else None) == expected


def sentence_rows(text: str, published: str = "2024-10-20") -> list[tuple]:
    from missive.model import DatedValue, Document, PartialDate

    doc = Document(page_hash="h", source="t.txt", text=text, language="en",
                   published=DatedValue(PartialDate.parse(published), None, "test"))
    return sorted((r.sender.name, r.recipient.name, r.date.iso() if r.date else None) for r in extract_reports(doc))


# The page is dated Sunday 2024-10-20 in every case.
SENTENCES = [
    # relative days count from the day stated just before
    ("Xi Jinping on Wednesday sent a message of condolence to Vladimir Putin. "
     "Putin sent a message of thanks to Xi Jinping the following day.",
     [("Vladimir Putin", "Xi Jinping", "2024-10-17"), ("Xi Jinping", "Vladimir Putin", "2024-10-16")]),
    ("Xi Jinping on Wednesday sent a message of condolence to Vladimir Putin. "
     "The day before, Kim Jong Un had sent a condolence message to Putin.",
     [("Kim Jong Un", "Vladimir Putin", "2024-10-15"), ("Xi Jinping", "Vladimir Putin", "2024-10-16")]),
    ("Kim Jong Un sent a message of greetings to Xi Jinping on October 14. "
     "Two days later, Xi Jinping sent a letter to Kim Jong Un.",
     [("Kim Jong Un", "Xi Jinping", "2024-10-14"), ("Xi Jinping", "Kim Jong Un", "2024-10-16")]),
    ("Kim Jong Un sent a message of greetings to Xi Jinping on October 14. "
     "A day earlier, Vladimir Putin had sent a letter to Xi Jinping.",
     [("Kim Jong Un", "Xi Jinping", "2024-10-14"), ("Vladimir Putin", "Xi Jinping", "2024-10-13")]),
    # "two days after the election" counts from the election: no day of its own, so the page's
    ("Two days after the election, Vladimir Putin sent a message of greetings to Xi Jinping.",
     [("Vladimir Putin", "Xi Jinping", "2024-10-20")]),
    # the stated day wins over the page's date
    ("Pyongyang, October 20 (KCNA) -- Kim Jong Un received a message of greetings from Xi Jinping, "
     "president of the People's Republic of China, on October 19.",
     [("Xi Jinping", "Kim Jong Un", "2024-10-19")]),
    ("Vladimir Putin sent a verbal message to Kim Jong Un. It was delivered by the ambassador on Wednesday evening.",
     [("Vladimir Putin", "Kim Jong Un", "2024-10-16")]),
    ("Kim Jong Un sent a message of greetings to Xi Jinping. The message was handed to the Chinese side on Friday.",
     [("Kim Jong Un", "Xi Jinping", "2024-10-18")]),
    # a sentence after it about something else does not date the message
    ("Vladimir Putin sent a verbal message to Kim Jong Un. The talks were held on Wednesday.",
     [("Vladimir Putin", "Kim Jong Un", "2024-10-20")]),
]


@pytest.mark.parametrize("text, expected", SENTENCES, ids=[s[0][:50] for s in SENTENCES])
def test_sentence_dates(text: str, expected: list[tuple]) -> None:
    assert sentence_rows(text) == expected


@pytest.mark.parametrize("actor, month, day, year", [
    ("joe-biden", 11, 9, 2020),               # four days after the vote
    ("kassym-jomart-tokayev", 6, 12, 2019),
    ("vladimir-putin", 3, 24, None),          # after both the 2018 and the 2024 vote: no single year
    ("joe-biden", 6, 1, None),                # follows no known election
])
def test_election_year(actor: str, month: int, day: int, year: int | None) -> None:
    from missive.extract.occasions import election_year

    assert election_year(actor, month, day) == year


def test_election_actors_are_in_the_registry() -> None:
    from missive.extract.occasions import elections
    from missive.extract.registry import load_registry

    assert set(elections()) <= set(load_registry().actors)


def test_yearless_dateline_takes_the_year_of_the_election_the_message_follows() -> None:
    text = ("SEOUL, Nov. 9 (Yonhap) -- Moon Jae-in on Sunday sent a congratulatory message to Joe Biden "
            "on his election as president of the United States.")
    doc_rows = rows(f"Moon congratulates Biden\n{text}")
    assert doc_rows == [("Moon Jae-in", "Joe Biden", "2020-11-08", None)]


# A page dated 2025-03-10: a recalled month is the latest such month before it.
RECALLED = [
    ("Donald Trump last held a phone call with Xi Jinping in December.", [("Donald Trump", "Xi Jinping", "2024-12")]),
    ("After Donald Trump won the election in November, Xi Jinping sent a congratulatory message to Trump.",
     [("Xi Jinping", "Donald Trump", "2024-11")]),
    # a month that looks ahead, or names something else after the message, is not its date
    ("Xi Jinping sent a congratulatory message to Donald Trump, who will take office in May.",
     [("Xi Jinping", "Donald Trump", "2025-03-10")]),
    ("Xi Jinping sent a letter to Donald Trump about the visit in December.", [("Xi Jinping", "Donald Trump", "2025-03-10")]),
]


@pytest.mark.parametrize("text, expected", RECALLED, ids=[s[0][:50] for s in RECALLED])
def test_recalled_month(text: str, expected: list[tuple]) -> None:
    assert sentence_rows(text, "2025-03-10") == expected


# The page is dated Sunday 2024-10-20: months named from the page's own, and "the same day" chained.
MONTHS_BACK = [
    ("Vladimir Putin sent a letter to Kim Jong Un earlier this month, the Kremlin said.",
     [("Vladimir Putin", "Kim Jong Un", "2024-10")]),
    ("Xi Jinping sent a message of condolence to Vladimir Putin last month.",
     [("Xi Jinping", "Vladimir Putin", "2024-09")]),
    # "this month" without a look back is a plan, not this message's month
    ("Xi Jinping sent a letter to Kim Jong Un, who will visit Beijing this month.",
     [("Xi Jinping", "Kim Jong Un", "2024-10-20")]),
    # "the same day" is the day stated last before it, even in a clause that is no message
    ("Parliament elected Kim Jong Un on October 17. On the same day, Xi Jinping sent a congratulatory "
     "message to Kim Jong Un.",
     [("Xi Jinping", "Kim Jong Un", "2024-10-17")]),
]


@pytest.mark.parametrize("text, expected", MONTHS_BACK, ids=[s[0][:50] for s in MONTHS_BACK])
def test_months_back_and_same_day(text: str, expected: list[tuple]) -> None:
    assert sentence_rows(text) == expected


def test_months_back_crosses_the_new_year() -> None:
    text = "Kim Jong Un sent a message of greetings to Xi Jinping late last month."
    assert sentence_rows(text, "2025-01-05") == [("Kim Jong Un", "Xi Jinping", "2024-12")]


# The page is dated Sunday 2024-10-20: days named from the page's own, and "the 14th of October".
PAGE_DAYS = [
    ("Kim Jong Un today sent a message of greetings to Xi Jinping, the agency said.",
     [("Kim Jong Un", "Xi Jinping", "2024-10-20")]),
    ("Vladimir Putin yesterday sent a message of condolence to Xi Jinping.",
     [("Vladimir Putin", "Xi Jinping", "2024-10-19")]),
    ("Xi Jinping sent a letter to Kim Jong Un on the 14th of October.",
     [("Xi Jinping", "Kim Jong Un", "2024-10-14")]),
    # "yesterday" inside the quoted message is the message's own word, not the report's day
    ('Kim Jong Un sent a message of greetings to Xi Jinping, saying "yesterday our peoples stood together".',
     [("Kim Jong Un", "Xi Jinping", "2024-10-20")]),
]


@pytest.mark.parametrize("text, expected", PAGE_DAYS, ids=[s[0][:50] for s in PAGE_DAYS])
def test_page_days(text: str, expected: list[tuple]) -> None:
    assert sentence_rows(text) == expected


# A page dated 2025-03-10: a part of a month, and a year named from the page's own.
PARTS = [
    ("Donald Trump last spoke by phone with Xi Jinping in late January.", [("Donald Trump", "Xi Jinping", "2025-01")]),
    ("Kim Jong Un had already sent a letter to Donald Trump in mid-February.", [("Kim Jong Un", "Donald Trump", "2025-02")]),
    ("Xi Jinping sent a congratulatory message to Vladimir Putin last year.", [("Xi Jinping", "Vladimir Putin", "2024")]),
    ("Kim Jong Un sent a letter to Xi Jinping earlier this year, the ministry said.", [("Kim Jong Un", "Xi Jinping", "2025")]),
    # a plan is not the message's date
    ("Xi Jinping sent a letter to Kim Jong Un, who will visit Beijing this year.", [("Xi Jinping", "Kim Jong Un", "2025-03-10")]),
]


@pytest.mark.parametrize("text, expected", PARTS, ids=[s[0][:50] for s in PARTS])
def test_parts_of_months_and_years_back(text: str, expected: list[tuple]) -> None:
    assert sentence_rows(text, "2025-03-10") == expected


# The page is dated Sunday 2024-10-20: "a day before" closing a clause counts from the day stated just before.
def test_a_day_before_at_the_end_of_a_clause() -> None:
    text = ("Kim Jong Un sent a message of greetings to Xi Jinping on October 14. "
            "Vladimir Putin had sent a letter to Xi Jinping a day before.")
    assert sentence_rows(text) == [("Kim Jong Un", "Xi Jinping", "2024-10-14"), ("Vladimir Putin", "Xi Jinping", "2024-10-13")]


def test_a_day_before_an_event_named_after_it_is_not_counted() -> None:
    text = "Vladimir Putin sent a letter to Xi Jinping two days before the summit opened."
    assert sentence_rows(text) == [("Vladimir Putin", "Xi Jinping", "2024-10-20")]


# The page is dated Sunday 2024-10-20: AP style writes the day without "on".
TRAILING = [
    ("Kim Jong Un sent Donald Trump a letter Tuesday, the agency said.", [("Kim Jong Un", "Donald Trump", "2024-10-15")]),
    ("Xi Jinping sent a message of condolence to Vladimir Putin Oct. 14 in a rare gesture.",
     [("Xi Jinping", "Vladimir Putin", "2024-10-14")]),
    # a reporting verb's day is the report's, not the message's
    ("Kim Jong Un sent a message of condolence to Xi Jinping, state media reported Friday.",
     [("Kim Jong Un", "Xi Jinping", "2024-10-20")]),
    # a preposition of time makes it no act's day
    ("Kim Jong Un sent a letter to Xi Jinping, valid until Friday.", [("Kim Jong Un", "Xi Jinping", "2024-10-20")]),
]


@pytest.mark.parametrize("text, expected", TRAILING, ids=[s[0][:50] for s in TRAILING])
def test_days_without_on(text: str, expected: list[tuple]) -> None:
    assert sentence_rows(text) == expected
