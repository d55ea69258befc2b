"""Store.count_events: GROUP BY counts in SQL, alike on both backends and equal to counting by hand."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from store_samples import KIM, LOCAL, PUTIN, XI, event, page, report

from missive.analyse import count_events as analyse_count_events
from missive.analyse.counts import _count_in_python
from missive.errors import InputError
from missive.model import ActorRef, PartialDate
from missive.store import Batch, Query

D = PartialDate
# A second spelling of Kim under the same registry id: counted as one actor, labelled by the smaller name.
KIM_ALIAS = ActorRef("Chairman Kim Jong Un", "person", "kim-jong-un")

# (sender, recipient, type, date)
EVENTS = [
    (KIM, XI, "letter", D(2021, 9, 9)),
    (KIM_ALIAS, XI, "congratulatory", D(2021, 10)),
    (XI, KIM, "congratulatory", D(2019)),
    (KIM, PUTIN, "greetings", D(2021, 1, 1)),
    (LOCAL, XI, "thanks", None),
    (PUTIN, KIM, "verbal", D(950, 5, 5)),  # a year under 1000 is keyed "950", as str(year) gives
]


@pytest.fixture
def counted(store):
    pages = [page(300 + n) for n in range(len(EVENTS))]
    reps = [report(p, s, r, t, d) for p, (s, r, t, d) in zip(pages, EVENTS)]
    store.write_batch(Batch(pages=pages, reports=reps))
    store.replace_events([event(f"ev-{n}", [r]) for n, r in enumerate(reps)])
    return store


CASES = [
    ("type", Query(), [(("congratulatory",), "congratulatory", 2), (("greetings",), "greetings", 1),
                       (("letter",), "letter", 1), (("thanks",), "thanks", 1), (("verbal",), "verbal", 1)]),
    ("year", Query(), [(("2019",), "2019", 1), (("2021",), "2021", 3), (("950",), "950", 1),
                       (("undated",), "undated", 1)]),
    ("pair", Query(sender="kim-jong-un"), [
        (("kim-jong-un", "vladimir-putin"), "Kim Jong Un → Vladimir Putin", 1),
        (("kim-jong-un", "xi-jinping"), "Chairman Kim Jong Un → Xi Jinping", 2),
    ]),
    ("pair", Query(recipient="xi jinping", type="thanks"), [
        (("Mayor of Springfield", "xi-jinping"), "Mayor of Springfield → Xi Jinping", 1),
    ]),
    ("year", Query(party="vladimir-putin", since=D(2000)), [(("2021",), "2021", 1)]),
    ("type", Query(type="call"), []),
]


@pytest.mark.parametrize("by, query, expected", CASES)
def test_counts_group_in_the_database(counted, by, query, expected):
    assert counted.count_events(query, by) == sorted(expected)


def test_paging_fields_are_ignored(counted):
    assert counted.count_events(Query(limit=1), "type") == counted.count_events(Query(), "type")


def test_unknown_grouping_is_an_input_error(counted):
    with pytest.raises(InputError, match="colour"):
        counted.count_events(Query(), "colour")


def test_random_events_count_as_by_hand(store):
    rng = random.Random(7)
    actors = [KIM, XI, PUTIN, LOCAL]
    pages, reps = [], []
    for n in range(40):
        p = page(400 + n)
        s, r = rng.sample(actors, 2)
        date = rng.choice([None, D(rng.randrange(1990, 2024)), D(2020, rng.randrange(1, 13), 1)])
        pages.append(p)
        reps.append(report(p, s, r, rng.choice(["letter", "call", "thanks"]), date))
    store.write_batch(Batch(pages=pages, reports=reps))
    store.replace_events([event(f"ev-{n:02d}", [r]) for n, r in enumerate(reps)])
    by_hand = Counter((r.sender.actor_id or r.sender.name, r.recipient.actor_id or r.recipient.name) for r in reps)
    assert {k: n for k, _, n in store.count_events(Query(), "pair")} == dict(by_hand)
    years = Counter(str(r.date.year) if r.date else "undated" for r in reps)
    assert {k[0]: n for k, _, n in store.count_events(Query(), "year")} == dict(years)
    # analyse.count_events gives the same rows through the store as through its own loop.
    for by in ("pair", "type", "year"):
        through_store = analyse_count_events(store, by, Query(party="xi-jinping"))
        in_python = _count_in_python(store, by, Query(party="xi-jinping"))
        assert set(through_store) == set(in_python) and len(through_store) == len(in_python)


def test_counts_of_every_event_follow_each_replacement(counted):
    # The unfiltered counts come from tallies kept by replace_events: a new set replaces them.
    assert sum(n for _, _, n in counted.count_events(Query(), "type")) == len(EVENTS)
    p = page(399)
    only = report(p, XI, PUTIN, "call", D(2001, 2, 3))
    counted.write_batch(Batch(pages=[p], reports=[only]))
    counted.replace_events([event("ev-only", [only])])
    assert counted.count_events(Query(), "pair") == [(("xi-jinping", "vladimir-putin"), "Xi Jinping → Vladimir Putin", 1)]
    assert counted.count_events(Query(), "year") == [(("2001",), "2001", 1)]
    counted.replace_events([])
    assert counted.count_events(Query(), "type") == []


@pytest.mark.parametrize("by", ["pair", "type", "year"])
def test_tallies_equal_a_group_by_over_every_event(counted, by):
    # order="-date" is no filter: the tallies answer it; occasion=None spelled out likewise.
    from missive.store import counting

    sql, params = counting.count_sql(Query(), by, counted._text_clause)
    with counted._reading() as cur:
        cur.execute(sql, params)
        grouped = counting.count_rows(cur.fetchall(), by)
    assert counted.count_events(Query(order="-date"), by) == grouped


def test_counts_stay_true_when_reprocessing_removes_an_event(counted):
    from missive.store.base import PageResults

    before = sum(n for _, _, n in counted.count_events(Query(), "type"))
    gone = page(300)  # the page of EVENTS[0]: its report, and so its event, go
    counted.replace_batch([PageResults(gone.hash)], "v-next")
    assert sum(n for _, _, n in counted.count_events(Query(), "type")) == before - 1
    counted.replace_events([e for e in counted.events()])  # a resolve makes the tallies fresh again
    assert sum(n for _, _, n in counted.count_events(Query(), "type")) == before - 1


def test_a_store_upgraded_with_events_counts_them_before_its_next_resolve(counted):
    # As after migration 0004 on an existing store: tallies empty and marked stale.
    counted._transaction(lambda cur: (cur.execute("DELETE FROM event_tallies"),
                                      cur.execute("INSERT INTO store_state (key, value) VALUES ('tallies_stale', '1')")))
    assert sum(n for _, _, n in counted.count_events(Query(), "type")) == len(EVENTS)
