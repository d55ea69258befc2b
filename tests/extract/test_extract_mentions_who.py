"""Who is who: short names and titles by the page's date, honorifics, capitals, people only mentioned.

Every sentence here is written for this test. A name or title resolves to the person
it meant on the page's date; founders recalled inside a message, places named after
people and a late leader's relatives never become the office holder.
"""

from __future__ import annotations

import datetime as dt

import pytest

from missive.extract import extract_reports
from missive.extract.mentions import find_mentions
from missive.extract.registry import load_registry
from missive.model import DatedValue, Document, PartialDate


def _mentions(text: str, on: str | None) -> list[tuple[str, str | None, tuple[str, ...]]]:
    day = dt.date.fromisoformat(on) if on else None
    seen: dict[str, str] = {}
    out = []
    for sentence in text.split(". "):  # the page's sentences in order, sharing what they named
        at = text.index(sentence)
        out += [(m.text, m.actor_id, m.titles) for m in find_mentions(text, at, at + len(sentence), load_registry(), day, seen)]
    return out


def _ids(text: str, on: str | None) -> list[str | None]:
    return [aid for _, aid, _ in _mentions(text, on)]


def _rows(text: str, published: str) -> list[tuple[str, str, str]]:
    pub = DatedValue(PartialDate.parse(published), None, "test")
    doc = Document(page_hash="h", source="t.txt", text=text, language="en", published=pub)
    return sorted((r.sender.name, r.recipient.name, r.type) for r in extract_reports(doc))


# -- a short name means the person who bore it at the page's date -----------------------------

SHORT = [
    ("Kim", "1990-05-01", "kim-il-sung"),  # the father's years
    ("Kim", "2005-05-01", "kim-jong-il"),  # the son's
    ("Kim", "2011-07-01", "kim-jong-il"),  # the grandson alive but not yet in office
    ("Kim", "2021-05-01", "kim-jong-un"),
    ("Kim", None, "kim-jong-un"),  # an undated page: the one who has not died
]


@pytest.mark.parametrize("short,on,actor_id", SHORT, ids=[f"{s}@{d}" for s, d, _ in SHORT])
def test_short_name_is_the_bearer_on_the_page_date(short: str, on: str | None, actor_id: str) -> None:
    assert _ids(f"The message reached {short} on Monday", on) == [actor_id]


def test_short_name_follows_the_full_name_the_page_gave() -> None:
    text = "Hu Jintao wrote to Kim Jong Il on Monday. In the message to Kim, he praised the treaty"
    assert _ids(text, "2011-07-11") == ["hu-jintao", "kim-jong-il", "kim-jong-il"]


def test_a_full_name_of_the_dead_does_not_hold_the_short_name_after_the_death() -> None:
    text = "The museum honours Kim Il Sung. Kim sent greetings to the visitors"
    assert _ids(text, "2019-04-15") == ["kim-il-sung", "kim-jong-un"]


# -- a title two countries use: the page's own people decide ---------------------------------


def test_bare_supreme_leader_is_nobody_without_a_name_on_the_page() -> None:
    assert _ids("The Supreme Leader welcomed the result", "2024-07-06") == []


@pytest.mark.parametrize("name,actor_id", [("Ali Khamenei", "ali-khamenei"), ("Kim Jong Un", "kim-jong-un")])
def test_bare_supreme_leader_is_the_one_the_page_named(name: str, actor_id: str) -> None:
    text = f"Officials met {name} on Friday. The Supreme Leader welcomed the result"
    assert _ids(text, "2024-07-06") == [actor_id, actor_id]


# -- honorifics and surnames in capitals -------------------------------------------------------

HONORIFICS = [
    ("Supreme Leader Ayatollah Seyyed Ali Khamenei praised the turnout", "2024-07-06", "ali-khamenei"),
    ("Supreme Leader of Iran Ayatollah Ali Khamenei praised the turnout", "2024-07-06", "ali-khamenei"),
    ("Prime Minister Samdech Akka Moha Sena Padei Techo Hun Sen spoke", "2020-01-01", "hun-sen"),
    ("President Dr Arif Alvi spoke", "2021-05-21", "arif-alvi"),
    ("H.E. Mr. YOON Suk Yeol, President of the Republic of Korea, spoke", "2023-03-01", "yoon-suk-yeol"),
    ("Samdech Techo HUN SEN spoke", "2020-01-01", "hun-sen"),
    ("Premier LI Qiang of the State Council spoke", "2024-01-01", "li-qiang"),
    ("KIM JONG UN SENDS GREETINGS", "2024-01-01", "kim-jong-un"),
    ("H.E. Mr. KISHIDA Fumio, Prime Minister of Japan, spoke", "2023-03-01", "fumio-kishida"),  # surname first
]


@pytest.mark.parametrize("text,on,actor_id", HONORIFICS, ids=[t[:30] for t, _, _ in HONORIFICS])
def test_honorifics_and_capitals_name_the_registry_person(text: str, on: str, actor_id: str) -> None:
    found = _mentions(text, on)
    assert [aid for _, aid, _ in found] == [actor_id]  # one person, no stray "unknown official"


def test_the_title_before_the_honorifics_stays_with_the_name() -> None:
    (text, aid, titles), = _mentions("Supreme Leader Ayatollah Seyyed Ali Khamenei praised the turnout", "2024-07-06")
    assert aid == "ali-khamenei" and titles == ("Supreme Leader",)


def test_an_acronym_run_is_no_name() -> None:
    assert _ids("The KCNA and the WPK CC reported it", "2024-01-01") == []


# -- places named after people, relatives named after the late leader --------------------------


@pytest.mark.parametrize("text", ["The delegation flew to Ho Chi Minh City", "Crowds filled Kim Il Sung Square",
                                  "Students of Kim Il Sung University sang"])
def test_a_place_named_after_a_person_is_no_person(text: str) -> None:
    assert _ids(text, "2020-01-01") == []


def test_a_relative_named_after_the_possessor_is_that_relative() -> None:
    found = _mentions("The letter went to Abe's widow, Akie Abe, in Tokyo", "2022-07-09")
    assert ("Akie Abe", None, ()) in found


# -- whole pages: people only mentioned never send or receive ---------------------------------


def test_founders_recalled_in_a_message_are_not_senders() -> None:
    text = ("HANOI, March 2 -- President Luong Cuong and Chinese President Xi Jinping exchanged congratulatory "
            "messages on the anniversary of diplomatic ties. Prime Minister Pham Minh Chinh and Chinese Premier "
            "Li Qiang also exchanged messages. In his message, the Lao leader said that the people of Vietnam "
            "treasure the friendship with China, which was nurtured by President Ho Chi Minh and Chairman Mao "
            "Zedong and generations of leaders.")
    senders = {s for s, _, _ in _rows(text, "2025-03-02")}
    assert senders == {"Luong Cuong", "Xi Jinping", "Pham Minh Chinh", "Li Qiang"}


def test_kim_on_a_page_of_his_father_s_years_is_the_father() -> None:
    text = ("BEIJING, June 3 -- Chinese President Hu Jintao sent a congratulatory message to Kim Jong Il on the "
            "anniversary of the treaty. In his message to Kim, Hu wished the DPRK prosperity.")
    assert _rows(text, "2009-06-03") == [("Hu Jintao", "Kim Jong Il", "congratulatory")]


def test_iran_s_supreme_leader_is_not_the_dprk_s() -> None:
    text = "TEHRAN, May 2 -- Alexander Lukashenko sent a message of condolence to Supreme Leader of Iran Ali Khamenei."
    assert _rows(text, "2024-05-02") == [("Alexander Lukashenko", "Ali Khamenei", "condolence")]


def test_a_message_to_the_widow_is_not_to_the_sitting_premier() -> None:
    text = ("Chinese President Xi Jinping sent a message of condolence to Japanese Prime Minister Fumio Kishida. "
            "Indian Prime Minister Narendra Modi also sent a message of sympathy to Abe's widow, Akie Abe.")
    rows = _rows(text, "2022-07-09")
    assert ("Xi Jinping", "Fumio Kishida", "condolence") in rows
    assert ("Narendra Modi", "Fumio Kishida", "condolence") not in rows


@pytest.mark.parametrize("country,actor_id", [("Iran", "ali-khamenei"), ("the DPRK", "kim-jong-un")])
def test_bare_supreme_leader_of_the_one_country_the_page_names(country: str, actor_id: str) -> None:
    text = f"Voters in {country} went to the polls. The Supreme Leader welcomed the result"
    assert _ids(text, "2024-07-06") == [actor_id]


def test_a_shared_title_names_no_one_on_its_own() -> None:
    """ "supreme leader" is both Iran's and the DPRK's: the registry gives no single holder for it."""
    registry = load_registry()
    assert registry.holder("supreme leader", dt.date(2024, 7, 6)) is None
    assert {a.id for a in registry.holders("supreme leader", dt.date(2024, 7, 6))} == {"ali-khamenei", "kim-jong-un"}


# -- a title after another country's word is that country's -------------------------------------


def test_a_title_after_another_country_s_word_is_not_this_country_s_holder() -> None:
    # "party general secretary" alone is Vietnam's (To Lam) in 2025; "Chinese ..." is not he
    text = "Luong Cuong wrote to Chinese Party General Secretary and President Xi Jinping"
    assert _ids(text, "2025-01-18") == ["luong-cuong", "xi-jinping"]


def test_a_title_after_its_own_country_s_word_keeps_its_holder() -> None:
    found = _mentions("The message went to Vietnamese Party General Secretary To Lam", "2025-01-18")
    assert [(aid, titles) for _, aid, titles in found] == [("to-lam", ("Party General Secretary",))]


def test_joint_senders_exchanging_with_a_foreign_party_chief_are_not_a_pair() -> None:
    text = ("HANOI, January 18 -- Party General Secretary To Lam and State President Luong Cuong exchanged "
            "congratulatory messages with Chinese Party General Secretary and President Xi Jinping on the anniversary.")
    pairs = {(s, r) for s, r, _ in _rows(text, "2025-01-18")}
    assert ("To Lam", "Luong Cuong") not in pairs and ("Luong Cuong", "To Lam") not in pairs
    assert ("To Lam", "Xi Jinping") in pairs


# -- relatives: another of the family, the family of the late -----------------------------------


@pytest.mark.parametrize("text", ["The gift reached Melania Trump on Monday", "The letter went to Akie Abe in Tokyo"])
def test_a_given_name_before_a_surname_is_another_of_the_family(text: str) -> None:
    assert "donald-trump" not in _ids(text, "2020-01-01") and "shinzo-abe" not in _ids(text, "2022-07-09")


@pytest.mark.parametrize("text,actor_id", [("The message reached Chairman Kim on Monday", "kim-jong-un"),
                                           ("The Japanese side said Abe would reply", "shinzo-abe"),
                                           ("Mr Trump replied on Monday", "donald-trump")])
def test_a_title_or_honorific_before_a_surname_keeps_the_person(text: str, actor_id: str) -> None:
    assert _ids(text, "2020-01-01") == [actor_id]


@pytest.mark.parametrize("family", ["Abe's family", "Abe's widow and mother"])
def test_a_message_to_a_late_leader_s_family_is_not_to_the_sitting_premier(family: str) -> None:
    text = ("Chinese President Xi Jinping sent a message of condolence to Japanese Prime Minister Fumio Kishida. "
            f"Russian President Vladimir Putin sent a message to {family}.")
    assert _rows(text, "2022-07-09") == [("Xi Jinping", "Fumio Kishida", "condolence")]


@pytest.mark.parametrize("text", ["Wreaths were laid at the President Ho Chi Minh Mausoleum",
                                  "The delegation visited the Chairman Mao Memorial Hall"])
def test_a_place_after_a_title_is_no_unknown_official(text: str) -> None:
    assert _mentions(text, "2020-01-01") == []


def test_a_condolence_to_the_new_king_over_the_late_queen_is_to_the_king() -> None:
    text = "Chinese President Xi Jinping sent a message of condolence to King Charles III over the death of Queen Elizabeth II."
    assert _rows(text, "2022-09-09") == [("Xi Jinping", "Charles III", "condolence")]


@pytest.mark.parametrize("title,on,name", [("the thai king", "2015-01-01", "Bhumibol Adulyadej"),
                                           ("the thai king", "2020-01-01", "Maha Vajiralongkorn"),
                                           ("the uzbek president", "2010-01-01", "Islam Karimov")])
def test_a_late_holder_holds_the_title_in_his_years(title: str, on: str, name: str) -> None:
    actor = load_registry().resolve(title, dt.date.fromisoformat(on))
    assert actor is not None and actor.name == name


# -- two people of different times: no message between them, even on a page with no date --------


@pytest.mark.parametrize("a,b,met", [("ho-chi-minh", "nguyen-phu-trong", False), ("mao-zedong", "xi-jinping", False),
                                     ("kim-il-sung", "kim-jong-un", False),  # born 1984, but no office before 2011
                                     ("kim-jong-il", "hu-jintao", True), ("shinzo-abe", "xi-jinping", True),
                                     ("ho-chi-minh", None, True)])
def test_contemporaries_are_people_whose_times_met(a: str, b: str | None, met: bool) -> None:
    registry = load_registry()
    assert registry.contemporaries(a, b) is met and registry.contemporaries(b, a) is met


EARLIER = [
    ("the vietnamese president", "2013-06-01", "Truong Tan Sang"),
    ("the lao president", "2012-06-01", "Choummaly Sayasone"),
    ("the mongolian president", "2015-07-10", "Tsakhiagiin Elbegdorj"),
    ("the japanese prime minister", "2012-01-01", "Yoshihiko Noda"),
    ("the iranian president", "2010-01-01", "Mahmoud Ahmadinejad"),
    ("russian prime minister", "2010-01-01", "Vladimir Putin"),
    ("chinese vice president", "2010-01-01", "Xi Jinping"),
    ("chinese foreign minister", "2010-01-01", "Yang Jiechi"),
    ("secretary of state", "2014-01-01", "John Kerry"),
]


@pytest.mark.parametrize("title,on,name", EARLIER, ids=[f"{t}@{d}" for t, d, _ in EARLIER])
def test_an_older_page_s_title_names_the_holder_of_its_day(title: str, on: str, name: str) -> None:
    actor = load_registry().resolve(title, dt.date.fromisoformat(on))
    assert actor is not None and actor.name == name
