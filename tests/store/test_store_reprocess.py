"""Re-processing support in the store: version stamps, streaming pages, atomic replacement.

Every test runs on SQLite and PostgreSQL (the ``store`` fixture).
"""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_samples import KIM, LOCAL, PUTIN, XI, document, event, page, report

from missive.errors import NotFoundError, StoreError
from missive.model import Occasion, PartialDate, Skip
from missive.store import Batch, PageResults, Query, open_store

OLD, NEW = "0.1.0+old", "0.1.0+new"


def _stored_reports(store, page_hash: str) -> dict[str, object]:
    return {r.id: r for r in store.reports() if r.page_hash == page_hash}


def _fresh(store) -> None:
    """Start from 'events up to date' (the PostgreSQL fixture keeps store_state between tests)."""
    store.replace_events([])


# -- version stamps and streaming ---------------------------------------------------------


def test_write_batch_stamps_new_pages_with_the_batch_version(store):
    stamped, unknown = page(1), page(2)
    store.write_batch(Batch(pages=[stamped], version=OLD))
    store.write_batch(Batch(pages=[unknown]))
    assert store.page(stamped.hash).version == OLD
    assert store.page(unknown.hash).version is None
    # A known page keeps the stamp of the run that processed it.
    store.write_batch(Batch(pages=[stamped], version=NEW))
    assert store.page(stamped.hash).version == OLD


@pytest.mark.parametrize(
    "stale_for, expected",
    [
        (None, {"old", "new", "unknown"}),  # no filter: every page
        (NEW, {"old", "unknown"}),  # another version or none
        (OLD, {"new", "unknown"}),
        ("0.2.0+other", {"old", "new", "unknown"}),
    ],
)
def test_iter_pages_yields_the_pages_stale_for_a_version(store, stale_for, expected):
    pages = {"old": page(1), "new": page(2), "unknown": page(3)}
    store.write_batch(Batch(pages=[pages["old"]], version=OLD))
    store.write_batch(Batch(pages=[pages["new"]], version=NEW))
    store.write_batch(Batch(pages=[pages["unknown"]]))
    names = {p.hash: name for name, p in pages.items()}
    got = [sp.hash for sp in store.iter_pages(stale_for=stale_for)]
    assert got == sorted(got), "streamed in hash order"
    assert {names[h] for h in got} == expected


def test_iter_pages_streams_many_pages_with_their_bytes_and_hints(store):
    pages = [page(n, f"Page {n} body " * (n % 7 + 1)) for n in range(130)]  # more than one chunk
    store.write_batch(Batch(pages=pages))
    got = list(store.iter_pages())
    assert [sp.hash for sp in got] == sorted(p.hash for p in pages)
    by_hash = {p.hash: p for p in pages}
    for sp in got:
        p = by_hash[sp.hash]
        assert (sp.raw, sp.source, sp.url, sp.container, sp.media_type, sp.encoding) == (
            p.raw, p.source, p.url, p.container, p.media_type, p.encoding,
        )
        assert (sp.title_hint, sp.published_hint, sp.fetched_at) == (p.title_hint, p.published_hint, p.fetched_at)


def test_pages_replaced_while_streaming_are_neither_repeated_nor_lost(store):
    pages = [page(n) for n in range(120)]
    store.write_batch(Batch(pages=pages, version=OLD))
    seen = []
    for sp in store.iter_pages(stale_for=NEW):
        seen.append(sp.hash)
        store.replace_batch([PageResults(sp.hash)], NEW)
    assert sorted(seen) == sorted(p.hash for p in pages) and len(set(seen)) == len(seen)
    assert list(store.iter_pages(stale_for=NEW)) == []


def test_mark_pages_stale_forgets_every_stamp(store):
    store.write_batch(Batch(pages=[page(1), page(2)], version=NEW))
    store.write_batch(Batch(pages=[page(3)]))
    assert store.mark_pages_stale() == 2
    assert len(list(store.iter_pages(stale_for=NEW))) == 3


# -- replacing one page's results ---------------------------------------------------------


def test_replace_keeps_rewrites_adds_and_removes_reports(store):
    p = page(1)
    stays = report(p, sender=KIM, recipient=XI, type="letter")
    goes = report(p, sender=KIM, recipient=PUTIN, type="message")
    store.write_batch(Batch(pages=[p], documents=[document(p)], reports=[stays, goes], version=OLD))
    # Same id (same pair, type and date), newer content: a different occasion and sentence.
    rewritten = dataclasses.replace(stays, occasion=Occasion("birthday"))
    arrives = report(p, sender=XI, recipient=KIM, type="reply message")
    assert rewritten.id == stays.id and arrives.id not in (stays.id, goes.id)

    done = store.replace_batch([PageResults(p.hash, document(p), [rewritten, arrives])], NEW)

    assert (done.pages, done.removed_reports, done.added_reports, done.kept_reports) == (1, 1, 1, 1)
    assert _stored_reports(store, p.hash) == {rewritten.id: rewritten, arrives.id: arrives}
    assert store.page(p.hash).version == NEW


def test_replace_page_results_counts_removed_and_added(store):
    p = page(1)
    a, b = report(p, recipient=XI), report(p, recipient=PUTIN)
    store.write_batch(Batch(pages=[p], documents=[document(p)], reports=[a]))
    assert store.replace_page_results(p.hash, document(p), [b], NEW) == (1, 1)
    assert store.replace_page_results(p.hash, document(p), [b], NEW) == (0, 0)
    assert set(_stored_reports(store, p.hash)) == {b.id}


def test_replace_rewrites_the_document_and_its_search_index(store):
    p = page(1)
    store.write_batch(Batch(pages=[p], documents=[document(p, "The old cleaner kept the zucchini menu.")]))
    newer = document(p, "The new cleaner kept only the tangerine article.", outlet="Seoul Daily")
    store.replace_batch([PageResults(p.hash, newer)], NEW)
    assert store.document(p.hash) == newer
    assert [h.page_hash for h in store.search("tangerine")] == [p.hash]
    assert store.search("zucchini") == []


def test_replace_updates_report_text_search(store):
    p = page(1)
    before = report(p, sentence="Kim sent a letter about the marigold festival.")
    store.write_batch(Batch(pages=[p], documents=[document(p)], reports=[before]))
    after = report(p, sentence="Kim sent a letter about the chrysanthemum show.")
    store.replace_batch([PageResults(p.hash, document(p), [after])], NEW)
    assert [r.id for r in store.reports(Query(text="chrysanthemum"))] == [after.id]
    assert store.reports(Query(text="marigold")) == []


def test_a_page_screened_out_now_loses_its_document_and_reports(store):
    p = page(1)
    store.write_batch(Batch(pages=[p], documents=[document(p)], reports=[report(p)]))
    assert store.replace_batch([PageResults(p.hash)], NEW).removed_reports == 1
    with pytest.raises(NotFoundError):
        store.document(p.hash)
    assert _stored_reports(store, p.hash) == {}
    assert store.stats()["pages"] == 1, "the page itself (its bytes) stays"


def test_vanished_reports_leave_their_events_and_empty_events_go(store):
    p, q = page(1), page(2)
    gone, kept = report(p, recipient=XI), report(q, recipient=XI)
    alone = report(p, recipient=PUTIN)
    store.write_batch(Batch(pages=[p, q], documents=[document(p), document(q)], reports=[gone, kept, alone]))
    store.replace_events([event("ev-shared", [gone, kept]), event("ev-alone", [alone])])

    store.replace_batch([PageResults(p.hash, document(p), [])], NEW)

    events = {e.id: [r.id for r in e.reports] for e in store.events()}
    assert events == {"ev-shared": [kept.id]}
    assert store.events_stale()


def test_overrides_naming_vanished_reports_stay_stored(store):
    p = page(1)
    a, b = report(p, recipient=XI), report(p, recipient=PUTIN)
    store.write_batch(Batch(pages=[p], documents=[document(p)], reports=[a, b]))
    merge = store.add_override("merge", [a.id, b.id], note="same letter")
    store.replace_batch([PageResults(p.hash, document(p), [a])], NEW)
    assert store.overrides() == [merge]
    assert store.known_reports([a.id, b.id, "no-such-id"]) == {a.id}


def test_actors_no_report_names_any_more_are_dropped(store):
    p, q = page(1), page(2)
    to_local = report(p, sender=KIM, recipient=LOCAL)
    to_putin = report(p, sender=KIM, recipient=PUTIN)
    elsewhere = report(q, sender=PUTIN, recipient=XI)
    store.write_batch(Batch(pages=[p, q], documents=[document(p), document(q)], reports=[to_local, to_putin, elsewhere]))
    store.replace_batch([PageResults(p.hash, document(p), [report(p, sender=KIM, recipient=XI)])], NEW)
    names = {a.name for a in store.actors()}
    assert LOCAL.name not in names, "named only by a removed report"
    assert {KIM.name, XI.name, PUTIN.name} <= names, "Putin is still named on the other page"


def test_the_new_skip_replaces_the_old_skips_of_the_stages_that_re_ran(store):
    p = page(1)
    ingest_skip = Skip(p.source, "ingest", "an earlier record of this file was cut short")
    old_skip = Skip(p.source, "extract", "internal error in extract: KeyError: 'x'")
    store.write_batch(Batch(pages=[p], skips=[ingest_skip, old_skip]))
    new_skip = Skip(p.source, "clean", "no article text")
    store.replace_batch([PageResults(p.hash, skip=new_skip)], NEW)
    assert sorted(store.skips(), key=lambda s: s.stage) == [new_skip, ingest_skip]
    store.replace_batch([PageResults(p.hash, document(p))], NEW)
    assert store.skips() == [ingest_skip]


# -- atomicity and refusals ----------------------------------------------------------------


def test_a_batch_naming_an_unknown_page_writes_nothing(store):
    p = page(1)
    store.write_batch(Batch(pages=[p], documents=[document(p)], reports=[report(p)], version=OLD))
    unknown = page(2)
    with pytest.raises(NotFoundError):
        store.replace_batch([PageResults(p.hash), PageResults(unknown.hash)], NEW)
    assert len(_stored_reports(store, p.hash)) == 1
    assert store.document(p.hash) == document(p)
    assert store.page(p.hash).version == OLD


@pytest.mark.parametrize("stray", ["report", "document"])
def test_results_of_another_page_are_refused(store, stray):
    p, q = page(1), page(2)
    store.write_batch(Batch(pages=[p, q]))
    item = PageResults(p.hash, document(q), []) if stray == "document" else PageResults(p.hash, document(p), [report(q)])
    with pytest.raises(StoreError, match="other pages"):
        store.replace_batch([item], NEW)


def test_a_page_twice_in_one_batch_or_no_version_is_refused(store):
    p = page(1)
    store.write_batch(Batch(pages=[p]))
    with pytest.raises(StoreError, match="twice"):
        store.replace_batch([PageResults(p.hash), PageResults(p.hash)], NEW)
    with pytest.raises(StoreError, match="version"):
        store.replace_batch([PageResults(p.hash)], "")


# -- the "events are stale" flag -----------------------------------------------------------


def test_events_are_stale_from_a_report_change_until_events_are_replaced(store):
    _fresh(store)
    assert not store.events_stale()
    p = page(1)
    store.write_batch(Batch(pages=[p], documents=[document(p)]))
    assert not store.events_stale(), "no report arrived"
    store.replace_batch([PageResults(p.hash, document(p))], NEW)
    assert not store.events_stale(), "still no report"
    store.replace_batch([PageResults(p.hash, document(p), [report(p)])], NEW)
    assert store.events_stale()
    store.replace_events([])
    assert not store.events_stale()
    store.write_batch(Batch(pages=[page(2)], reports=[report(page(2))]))
    assert store.events_stale()


# -- a property: whatever the old and new report sets, the page ends with the new one -------

_POOL = [(s, r, t) for s in (KIM, XI) for r in (PUTIN, LOCAL) for t in ("letter", "message")]


@settings(max_examples=40, deadline=None)
@given(old=st.sets(st.sampled_from(range(len(_POOL)))), new=st.sets(st.sampled_from(range(len(_POOL)))))
def test_replacement_leaves_exactly_the_new_reports(old, new):
    p = page(7)

    def made(i: int, note: str):
        s, r, t = _POOL[i]
        return report(p, sender=s, recipient=r, type=t, sentence=f"{s.name} wrote to {r.name} ({note}).")

    with open_store(":memory:") as store:
        store.write_batch(Batch(pages=[p], documents=[document(p)], reports=[made(i, "old") for i in sorted(old)]))
        done = store.replace_batch([PageResults(p.hash, document(p), [made(i, "new") for i in sorted(new)])], NEW)
        got = _stored_reports(store, p.hash)
        assert got == {m.id: m for m in (made(i, "new") for i in new)}
        assert (done.removed_reports, done.added_reports, done.kept_reports) == (len(old - new), len(new - old), len(old & new))
        assert store.page(p.hash).version == NEW


def test_a_repeated_report_id_keeps_the_first_as_write_batch_does(store):
    p, q = page(1), page(2)
    first = report(p, sentence="The first wording of the letter.")
    second = dataclasses.replace(first, outlet="Another Wire")
    store.write_batch(Batch(pages=[p, q], reports=[first, second]))
    store.replace_batch([PageResults(q.hash, None, [report(q), dataclasses.replace(report(q), outlet="Other")])], NEW)
    assert store.report(first.id) == first
    assert store.report(report(q).id) == report(q)
