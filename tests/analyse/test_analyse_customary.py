"""The customary-message view: per year, sent or missing, how late, and who was first.

Every store here is filled with events written for these tests, one report each.
"""

from __future__ import annotations

import pytest

from missive.analyse import RECURRING, customary_messages
from missive.analyse.customary import anchor_of
from missive.errors import InputError
from missive.model import ActorRef, Event, Occasion, Page, PartialDate, Report
from missive.store import Batch, open_store

D = PartialDate
KIM = ActorRef("Kim Jong Un", actor_id="kim-jong-un")
XI = ActorRef("Xi Jinping", actor_id="xi-jinping")
PUTIN = ActorRef("Vladimir Putin", actor_id="vladimir-putin")

PRC = "the founding of the People's Republic of China"
TREATY = "the Treaty of Friendship, Cooperation and Mutual Assistance between the two countries"

# (event id, sender, recipient, date, occasion kind, of)
EVENTS = [
    ("kx-prc-2019", KIM, XI, D(2019, 10, 1), "anniversary", PRC),
    # 2020: no message on the PRC's founding day.
    ("kx-prc-2021", KIM, XI, D(2021, 10, 3), "national_day", "China's 72nd National Day"),
    ("kx-prc-2022", KIM, XI, D(2022, 10), "anniversary", PRC),  # month only: no lag
    ("xk-dprk-2019", XI, KIM, D(2019, 9, 9), "anniversary", "the founding of the DPRK"),
    ("kx-treaty-2019", KIM, XI, D(2019, 7, 12), "anniversary", TREATY),
    ("kx-treaty-2020", KIM, XI, D(2020, 7, 11), "anniversary", TREATY),
    ("xk-treaty-2020", XI, KIM, D(2020, 7, 11), "anniversary", TREATY),
    ("kx-treaty-2021", KIM, XI, D(2021, 7, 11), "anniversary", TREATY),
    ("xk-treaty-2021", XI, KIM, D(2021, 7, 10), "anniversary", TREATY),
    ("pk-newyear-2022", PUTIN, KIM, D(2021, 12, 31), "new_year", None),  # sent the eve: for 2022
    ("pk-newyear-2023", PUTIN, KIM, D(2023, 1, 2), "new_year", None),
    ("kp-newyear-2023", KIM, PUTIN, D(2023, 1, 1), "new_year", None),
    ("kx-birthday-2023", KIM, XI, D(2023, 6, 15), "birthday", "Xi Jinping's 70th birthday"),
    ("kx-undated", KIM, XI, None, "anniversary", PRC),  # cannot be placed in a year
    ("kx-letter-2020", KIM, XI, D(2020, 10, 1), "none", None),  # not an occasion message
]


def _event(n: int, eid: str, sender: ActorRef, recipient: ActorRef, date, kind: str, of: str | None) -> tuple[Page, Report, Event]:
    text = f"{sender.name} sent a message to {recipient.name} (case {n})."
    page = Page(source=f"{eid}.txt", raw=text.encode(), text=text, media_type="text", encoding="utf-8", container="txt")
    occasion = Occasion(kind, None, of)
    rep = Report(doc=page.source, page_hash=page.hash, sender=sender, recipient=recipient, type="congratulatory",
                 date=date, occasion=occasion, outlet="Test Wire")
    return page, rep, Event(eid, sender, recipient, "congratulatory", date, occasion, False, (rep,))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    built = [_event(n, *row) for n, row in enumerate(EVENTS)]
    with open_store(str(tmp_path_factory.mktemp("customary") / "c.db")) as opened:
        opened.write_batch(Batch(pages=[b[0] for b in built], reports=[b[1] for b in built]))
        opened.replace_events([b[2] for b in built])
        yield opened


def _by(rows, occasion):
    return {r.year: r for r in rows if r.occasion == occasion}


def test_a_year_without_the_message_shows_as_missing(store):
    prc = _by(customary_messages(store, "kim-jong-un", "xi-jinping", "anniversary"), "prc-founding")
    assert sorted(prc) == [2019, 2020, 2021, 2022]
    assert [prc[y].sent for y in sorted(prc)] == [True, False, True, True]
    missing = prc[2020]
    assert (missing.date, missing.event_id, missing.lag_days, missing.messages) == (None, None, None, 0)
    assert missing.occasion_date == D(2020, 10, 1)  # the day it should have come is still known


@pytest.mark.parametrize(
    "year, lag, event_id",
    [
        (2019, 0, "kx-prc-2019"),  # on the day
        (2021, 2, "kx-prc-2021"),  # "National Day of China" is the PRC's founding day: two days late
        (2022, None, "kx-prc-2022"),  # dated to the month only: sent, lag unknown
    ],
)
def test_lag_is_days_after_the_occasion(store, year, lag, event_id):
    row = _by(customary_messages(store, "kim-jong-un", "xi-jinping", "national_day"), "prc-founding")[year]
    assert (row.sent, row.lag_days, row.event_id) == (True, lag, event_id)


@pytest.mark.parametrize(
    "year, first, reverse",
    [
        (2019, None, None),  # the other side sent nothing that year
        (2020, "same day", D(2020, 7, 11)),
        (2021, "recipient", D(2021, 7, 10)),  # Xi's came a day before Kim's
    ],
)
def test_first_compares_with_the_reverse_direction(store, year, first, reverse):
    row = _by(customary_messages(store, "Kim Jong Un", "XI JINPING", "anniversary"), "china-dprk-treaty")[year]
    assert (row.first, row.reverse_date) == (first, reverse)
    back = _by(customary_messages(store, "xi-jinping", "kim-jong-un", "anniversary"), "china-dprk-treaty")
    if first == "recipient":
        assert back[year].first == "sender"


def test_only_the_senders_own_occasions_are_rows(store):
    # Xi congratulates Kim on the DPRK's founding; Kim never writes to Xi on it.
    keys = {r.occasion for r in customary_messages(store, "kim-jong-un", "xi-jinping", "anniversary")}
    assert keys == {"prc-founding", "china-dprk-treaty"}
    back = {r.occasion for r in customary_messages(store, "xi-jinping", "kim-jong-un", "anniversary")}
    assert back == {"dprk-founding", "china-dprk-treaty"}


def test_new_year_greetings_sent_on_the_eve_count_for_the_new_year(store):
    rows = _by(customary_messages(store, "vladimir-putin", "kim-jong-un", "new_year", years=[2021, 2022, 2023]), "new-year")
    assert [rows[y].sent for y in (2021, 2022, 2023)] == [False, True, True]
    assert rows[2022].lag_days == -1 and rows[2022].date == D(2021, 12, 31)
    assert (rows[2023].lag_days, rows[2023].first) == (1, "recipient")


def test_birthday_from_the_registry_and_years_given(store):
    rows = _by(customary_messages(store, "kim-jong-un", "xi-jinping", "birthday", years=range(2022, 2024)), "birthday:xi-jinping")
    assert [rows[y].sent for y in (2022, 2023)] == [False, True]
    assert rows[2022].occasion_date == D(2022, 6, 15)  # born 15 June in the registry
    assert rows[2023].lag_days == 0


def test_of_keeps_one_occasion_and_rows_are_sorted(store):
    rows = customary_messages(store, "kim-jong-un", "xi-jinping", "anniversary", of="china-dprk-treaty")
    assert [(r.occasion, r.year) for r in rows] == [("china-dprk-treaty", y) for y in (2019, 2020, 2021)]
    everything = customary_messages(store, "kim-jong-un", "xi-jinping", "anniversary")
    assert everything == sorted(everything, key=lambda r: (r.occasion, r.year))


def test_a_pair_without_messages_has_no_rows(store):
    assert customary_messages(store, "kim-jong-un", "nobody-at-all", "anniversary") == []
    assert customary_messages(store, "kim-jong-un", "xi-jinping", "new_year") == []  # no years known


@pytest.mark.parametrize("kind", ["condolence", "none", "election", ""])
def test_only_recurring_occasions_are_asked(store, kind):
    assert kind not in RECURRING
    with pytest.raises(InputError):
        customary_messages(store, "kim-jong-un", "xi-jinping", kind)


@pytest.mark.parametrize(
    "kind, of, key",
    [
        ("anniversary", "the 75th anniversary of the founding of the DPRK", "dprk-founding"),
        ("national_day", "the National Day of the People's Republic of China", "prc-founding"),
        ("anniversary", "the founding of the Workers' Party of Korea", "wpk-founding"),
        ("anniversary", "the 12th Harvest Festival (joint message)", "of:the harvest festival"),
        ("anniversary", None, "kind:anniversary"),
        ("new_year", "2024", "new-year"),
        ("birthday", "his 70th birthday", "birthday:xi-jinping"),
    ],
)
def test_anchor_of_an_occasion(kind, of, key):
    ev = Event("e", KIM, XI, "congratulatory", D(2024, 1, 1), Occasion(kind, None, of), False)
    assert anchor_of(ev).key == key
