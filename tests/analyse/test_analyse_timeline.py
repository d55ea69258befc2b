"""analyse.timeline built from counts equals the timeline read event by event, on SQLite and PostgreSQL.

The reference below is the former algorithm (every matching event read through the light
listing, grouped in Python); the new one reads only counts. Both must give the same rows,
labels, totals, cells, span of years, types and undated count, with and without filters.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # pg_fixture
sys.path.insert(0, str(HERE.parent / "store"))  # store_samples

from pg_fixture import pg_server, pg_url  # noqa: E402,F401  (fixtures)
from store_samples import KIM, LOCAL, PUTIN, XI, event, page, report  # noqa: E402

from missive.analyse import counts, timeline  # noqa: E402
from missive.analyse.counts import _all_events, _type_order, actor_key  # noqa: E402
from missive.model import ActorRef, PartialDate  # noqa: E402
from missive.store import Batch, Query, open_store  # noqa: E402

D = PartialDate
# Our own actors beyond the samples: one unresolved, one whose name sorts by code point.
ACTORS = [KIM, XI, PUTIN, LOCAL, ActorRef("Émile Durand", "person", "emile-durand"),
          ActorRef("Zora Adeyemi", "person", "zora-adeyemi"), ActorRef("Harbour Council")]
TYPES = ["letter", "call", "thanks", "congratulatory", "verbal"]


def reference(store, query: Query) -> tuple:
    """The former timeline: every matching event grouped by unordered pair, then year and type."""
    by_pair: dict = defaultdict(list)
    names: dict = {}
    for ev in _all_events(store, query):
        a, b = actor_key(ev.sender), actor_key(ev.recipient)
        names.setdefault(a, ev.sender.name)
        names.setdefault(b, ev.recipient.name)
        by_pair[tuple(sorted((a, b)))].append(ev)
    rows, years, types, undated = [], set(), set(), 0
    for pair, events in by_pair.items():
        per_year: dict = defaultdict(dict)
        for ev in events:
            types.add(ev.type)
            if ev.date is None:
                undated += 1
                continue
            years.add(ev.date.year)
            per_year[ev.date.year][ev.type] = per_year[ev.date.year].get(ev.type, 0) + 1
        rows.append((pair, (names[pair[0]], names[pair[1]]), len(events), dict(sorted(per_year.items()))))
    rows.sort(key=lambda r: (-r[2], r[1], r[0]))
    span = tuple(range(min(years), max(years) + 1)) if years else ()
    return span, _type_order(types), undated, rows, len(rows)


def as_tuple(tl, limit: int) -> tuple:
    return tl.years, tl.types, tl.undated, [(r.pair, r.labels, r.total, r.per_year) for r in tl.rows], limit


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def busy(request, tmp_path):
    """A store of 240 random events between seven actors (both directions, undated ones,
    years 1955-2024), one name per actor as the former labels assumed."""
    if request.param == "sqlite":
        url = str(tmp_path / "timeline.db")
    else:
        import psycopg

        url = request.getfixturevalue("pg_url")
        open_store(url).close()
        with psycopg.connect(url, autocommit=True) as conn:
            for table in ("event_tallies", "event_reports", "events", "overrides", "skips", "actors", "reports",
                          "documents", "pages", "store_state"):
                conn.execute(f"DELETE FROM {table}")
    rng = random.Random(5)
    pages, reps = [], []
    for n in range(240):
        p = page(2000 + n, f"Sample page {n}: the {'harbour' if n % 7 == 0 else 'capital'} sent word.")
        s, r = rng.sample(ACTORS, 2)
        date = rng.choice([None, D(rng.randrange(1955, 2025)), D(2020, rng.randrange(1, 13), 2)])
        pages.append(p)
        reps.append(report(p, s, r, rng.choice(TYPES), date, sentence=p.text))
    with open_store(url) as store:
        store.write_batch(Batch(pages=pages, reports=reps))
        store.replace_events([event(f"ev-{n:03d}", [r]) for n, r in enumerate(reps)])
        yield store


QUERIES = [
    Query(),
    Query(order="-date"),
    Query(type="letter"),
    Query(since=D(1990), until=D(2020, 6)),
    Query(party="kim-jong-un"),
    Query(party="Harbour Council", type="call"),
    Query(sender="xi jinping"),
    Query(pair=("kim-jong-un", "xi-jinping")),
    Query(text="harbour"),
    Query(type="no-such-type"),
]


@pytest.mark.parametrize("query", QUERIES, ids=repr)
@pytest.mark.parametrize("rows", [40, 3])
def test_the_timeline_from_counts_equals_the_one_from_every_event(busy, query, rows):
    years, types, undated, expected, pairs = reference(busy, query)
    got = timeline(busy, query, rows=rows)
    assert as_tuple(got, rows) == (years, types, undated, expected[:rows], rows)
    assert got.pairs in (pairs, None)


def test_the_busiest_pairs_are_proven_from_a_few_directed_counts(busy, monkeypatch):
    # Unfiltered, the top directed pairs are read first and more only when they cannot
    # prove the answer: any first page size gives the same rows.
    expected = as_tuple(timeline(busy, rows=5), 5)
    for first in (1, 2, 5, 17):
        monkeypatch.setattr(counts, "FIRST_PAIRS", first)
        assert as_tuple(timeline(busy, rows=5), 5) == expected


def test_stale_tallies_give_the_same_timeline(busy):
    fresh = as_tuple(timeline(busy), 40)
    busy._transaction(lambda cur: cur.execute("INSERT INTO store_state (key, value) VALUES ('tallies_stale', '1')"))
    assert as_tuple(timeline(busy), 40) == fresh


def test_an_actor_with_two_names_is_labelled_by_the_smaller(busy):
    alias = ActorRef("Chairman Kim Jong Un", "person", "kim-jong-un")
    p = page(2999)
    extra = report(p, alias, XI, "thanks", D(2001, 3, 4))
    busy.write_batch(Batch(pages=[p], reports=[extra]))
    busy.replace_events([*busy.events(), event("ev-alias", [extra])])
    row = next(r for r in timeline(busy).rows if r.pair == ("kim-jong-un", "xi-jinping"))
    assert row.labels == ("Chairman Kim Jong Un", "Xi Jinping")
    assert row.per_year[2001] == {"thanks": 1}


def test_a_name_differing_only_in_case_stays_its_own_pair(busy):
    # The actor filters match names case-insensitively; the cells must still count by exact key.
    loud = ActorRef("HARBOUR COUNCIL")
    p = page(2998)
    extra = report(p, loud, XI, "verbal", D(1999, 1, 1))
    busy.write_batch(Batch(pages=[p], reports=[extra]))
    busy.replace_events([*busy.events(), event("ev-loud", [extra])])
    _, _, _, expected, _ = reference(busy, Query())
    assert [(r.pair, r.total, r.per_year) for r in timeline(busy, rows=100).rows] == [
        (p, n, y) for p, _, n, y in expected]


def test_year_type_counts_are_grouped_even_when_nothing_is_filtered(busy):
    # Not kept in the tallies: an unfiltered count groups the events, as a stale store does.
    by_hand: dict = defaultdict(int)
    for ev in busy.events():
        by_hand[(str(ev.date.year) if ev.date else "undated", ev.type)] += 1
    assert {k: n for k, _, n in busy.count_events(Query(), "year_type")} == by_hand
    page = busy.count_page(Query(), "year_type", limit=3)
    assert page.total == len(by_hand) and [n for _, _, n in page.rows] == sorted(by_hand.values(), reverse=True)[:3]
    busy._transaction(lambda cur: cur.execute("INSERT INTO store_state (key, value) VALUES ('tallies_stale', '1')"))
    assert {k: n for k, _, n in busy.count_events(Query(), "year_type")} == by_hand
