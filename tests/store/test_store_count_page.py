"""Store.count_page: one page of a count in display order, and the number of groups, on both backends.

The order is the one a reader sees: most events first (ties by label, then key) for pairs
and types, calendar order with undated last for years. Paging through it must give every
group of ``count_events`` exactly once, whether the kept tallies or a GROUP BY answer.
"""

from __future__ import annotations

import random

import pytest
from store_samples import KIM, LOCAL, PUTIN, XI, event, page, report

from missive.errors import InputError
from missive.model import ActorRef, PartialDate
from missive.store import Batch, CountPage, Query

D = PartialDate
# Labels that sort differently by code point ("Z" < "É") than in most locales ("É" < "Z").
EMILE = ActorRef("Émile Durand", "person", "emile-durand")
ZORA = ActorRef("Zora Adeyemi", "person", "zora-adeyemi")
ACTORS = [KIM, XI, PUTIN, LOCAL, EMILE, ZORA]


def display_order(rows, by):
    """What a reader expects, from the full count sorted by key."""
    if by == "year":
        return sorted(rows, key=lambda r: (r[0][0] == "undated", int(r[0][0]) if r[0][0] != "undated" else 0))
    return sorted(rows, key=lambda r: (-r[2], r[1], r[0]))


@pytest.fixture
def many(store):
    """60 events between six actors, many pairs with equal counts; years 1995-2024 and undated."""
    rng = random.Random(11)
    pages, reps = [], []
    for n in range(60):
        p = page(600 + n)
        s, r = rng.sample(ACTORS, 2)
        date = rng.choice([None, D(rng.randrange(1995, 2025)), D(2020, rng.randrange(1, 13), 2)])
        pages.append(p)
        reps.append(report(p, s, r, rng.choice(["letter", "call", "thanks", "verbal"]), date))
    store.write_batch(Batch(pages=pages, reports=reps))
    store.replace_events([event(f"ev-{n:02d}", [r]) for n, r in enumerate(reps)])
    return store


def walk(store, query, by, limit):
    """Every page of ``limit`` groups, concatenated, and the totals each page reported."""
    rows, totals, offset = [], set(), 0
    while True:
        got = store.count_page(query, by, limit=limit, offset=offset)
        totals.add(got.total)
        rows += got.rows
        if len(got.rows) < limit:
            return rows, totals
        offset += limit


def stale(store):
    """As after a reprocess: the tallies no longer answer, the events are grouped."""
    store._transaction(lambda cur: cur.execute("INSERT INTO store_state (key, value) VALUES ('tallies_stale', '1')"))


@pytest.mark.parametrize("by", ["pair", "type", "year"])
@pytest.mark.parametrize("source", ["tallies", "group by", "filtered"])
def test_pages_walk_the_count_in_display_order(many, by, source):
    query = Query(party="xi-jinping") if source == "filtered" else Query()
    if source == "group by":
        stale(many)
    everything = many.count_events(query, by)
    assert everything, "the sample must have groups to page through"
    rows, totals = walk(many, query, by, limit=4)
    assert rows == display_order(everything, by)
    assert totals == {len(everything)}


@pytest.mark.parametrize("source", ["tallies", "group by"])
def test_the_top_pairs_are_the_most_frequent_with_ties_by_label(many, source):
    if source == "group by":
        stale(many)
    top = many.count_page(Query(), "pair", limit=3)
    everything = many.count_events(Query(), "pair")
    assert top.rows == display_order(everything, "pair")[:3]
    assert top.total == len(everything) > 3
    assert [n for _, _, n in top.rows] == sorted((n for _, _, n in top.rows), reverse=True)


def test_labels_tie_by_code_point_on_every_backend(store):
    # One letter each way between two pairs: equal counts, so the labels decide.
    pages = [page(700), page(701)]
    reps = [report(pages[0], EMILE, KIM), report(pages[1], ZORA, KIM)]
    store.write_batch(Batch(pages=pages, reports=reps))
    store.replace_events([event("ev-e", [reps[0]]), event("ev-z", [reps[1]])])
    for query in (Query(), Query(recipient="kim-jong-un")):
        labels = [label for _, label, _ in store.count_page(query, "pair", limit=10).rows]
        assert labels == ["Zora Adeyemi → Kim Jong Un", "Émile Durand → Kim Jong Un"]


def test_a_page_past_the_last_group_is_empty_but_still_counts_them(many):
    total = len(many.count_events(Query(type="letter"), "pair"))
    assert many.count_page(Query(type="letter"), "pair", limit=5, offset=1000) == CountPage([], total)
    assert many.count_page(Query(), "type", limit=5, offset=1000) == CountPage([], 4)


def test_an_empty_store_has_no_groups(store):
    assert store.count_page(Query(), "pair") == CountPage([], 0)
    assert store.count_page(Query(sender="nobody"), "year", limit=5, offset=5) == CountPage([], 0)


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (-1, 0), (5, -1)])
def test_a_page_needs_a_positive_limit_and_no_negative_offset(many, limit, offset):
    with pytest.raises(InputError):
        many.count_page(Query(), "pair", limit=limit, offset=offset)


def test_unknown_grouping_is_an_input_error(many):
    with pytest.raises(InputError, match="colour"):
        many.count_page(Query(), "colour")


def test_sqlite_reads_the_top_pairs_from_an_index_without_sorting(tmp_path):
    from missive.store import counting, open_store

    with open_store(str(tmp_path / "plan.db")) as store:
        with store._reading() as cur:
            sql, params = counting.tally_page_sql("pair", 100, 0)
            cur.execute("EXPLAIN QUERY PLAN " + sql, params)
            plan = " ".join(str(row[-1]) for row in cur.fetchall())
    assert "event_tallies_top" in plan and "TEMP B-TREE" not in plan


def test_the_number_of_groups_is_counted_where_no_resolve_kept_it(many):
    # Tallies made before migration 0006 come without their kept number of groups.
    kept = many.count_page(Query(), "pair", limit=1).total
    many._transaction(lambda cur: cur.execute("DELETE FROM store_state WHERE key LIKE 'tally_groups:%'"))
    assert many.count_page(Query(), "pair", limit=1).total == kept == len(many.count_events(Query(), "pair"))
