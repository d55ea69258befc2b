"""The pair filter (either direction between two actors) and the page filter, on both backends."""

from __future__ import annotations

import pytest
from store_samples import KIM, LOCAL, PUTIN, XI, event, page, report

from missive.errors import InputError
from missive.model import PartialDate
from missive.store import Batch, Query

D = PartialDate

# name -> (sender, recipient, date, page number): pages 1 and 2 carry two reports each.
ROWS = {
    "kim-to-xi": (KIM, XI, D(2021, 9, 9), 1),
    "xi-to-kim": (XI, KIM, D(2021, 10, 1), 1),
    "kim-to-putin": (KIM, PUTIN, D(2021, 6, 12), 2),
    "putin-to-xi": (PUTIN, XI, D(2022, 6, 15), 2),
    "local-to-xi": (LOCAL, XI, None, 3),
}


@pytest.fixture
def stored(store):
    """ROWS stored as reports and as one event each; returns (store, name -> report id, pages)."""
    pages = {n: page(500 + n, f"Paired page {n}.") for n in sorted({row[3] for row in ROWS.values()})}
    reps = {name: report(pages[n], s, r, "letter", d) for name, (s, r, d, n) in ROWS.items()}
    store.write_batch(Batch(pages=list(pages.values()), reports=list(reps.values())))
    store.replace_events([event(f"ev-{name}", [rep]) for name, rep in sorted(reps.items())])
    return store, {name: rep.id for name, rep in reps.items()}, pages


PAIR_CASES = [
    (("kim-jong-un", "xi-jinping"), {"kim-to-xi", "xi-to-kim"}),
    (("xi-jinping", "kim-jong-un"), {"kim-to-xi", "xi-to-kim"}),  # the order of the two does not matter
    (("Kim Jong Un", "XI JINPING"), {"kim-to-xi", "xi-to-kim"}),  # names, any case
    (("vladimir-putin", "kim-jong-un"), {"kim-to-putin"}),  # only one direction exists
    (("xi-jinping", "Mayor of Springfield"), {"local-to-xi"}),  # an actor without an id
    (("vladimir-putin", "mayor of springfield"), set()),
    (("kim-jong-un", "kim-jong-un"), set()),  # nobody wrote to themselves
]


@pytest.mark.parametrize("pair, expected", PAIR_CASES)
def test_pair_matches_both_directions_in_reports_and_events(stored, pair, expected):
    store, ids, _ = stored
    q = Query(pair=pair)
    assert {r.id for r in store.reports(q)} == {ids[n] for n in expected}
    assert {e.id for e in store.events(q)} == {f"ev-{n}" for n in expected}


def test_pair_combines_with_the_other_filters(stored):
    store, _, _ = stored
    pair = ("kim-jong-un", "xi-jinping")
    assert [e.id for e in store.events(Query(pair=pair, since=D(2021, 9, 20)))] == ["ev-xi-to-kim"]
    assert [e.id for e in store.events(Query(pair=pair, sender="kim-jong-un"))] == ["ev-kim-to-xi"]
    assert [e.id for e in store.events(Query(pair=pair, order="-date"))] == ["ev-xi-to-kim", "ev-kim-to-xi"]


def test_pair_pages_with_the_cursor(stored):
    store, _, _ = stored
    first, cursor = store.events_page(Query(pair=("xi-jinping", "kim-jong-un"), limit=1))
    assert [e.id for e in first] == ["ev-kim-to-xi"] and cursor
    second, last = store.events_page(Query(pair=("xi-jinping", "kim-jong-un"), limit=1, after=cursor))
    assert [e.id for e in second] == ["ev-xi-to-kim"] and last is None


@pytest.mark.parametrize("bad", [("kim-jong-un",), ("kim-jong-un", ""), ("a", "b", "c"), ("kim\x00", "xi-jinping")])
def test_a_malformed_pair_is_refused(stored, bad):
    store, _, _ = stored
    with pytest.raises(InputError):
        store.events(Query(pair=bad))  # type: ignore[arg-type]


def test_page_hash_finds_the_reports_and_events_of_one_page(stored):
    store, ids, pages = stored
    assert {r.id for r in store.reports(Query(page_hash=pages[1].hash))} == {ids["kim-to-xi"], ids["xi-to-kim"]}
    assert {e.id for e in store.events(Query(page_hash=pages[2].hash))} == {"ev-kim-to-putin", "ev-putin-to-xi"}
    assert [r.id for r in store.reports(Query(page_hash=pages[3].hash, pair=("xi-jinping", "mayor of springfield")))] == [
        ids["local-to-xi"]
    ]
    assert store.reports(Query(page_hash="0" * 64)) == []
