"""What goes into the store comes back equal, once, or not at all."""

from __future__ import annotations

import dataclasses

import pytest
from store_samples import KIM, LOCAL, PUTIN, XI, document, event, numbered_batch, page, report

from missive.errors import ConfigError, InputError, NotFoundError, StoreError
from missive.model import ActorRef, DatedValue, Document, PartialDate, Skip, Span
from missive.store import Batch, Query, open_store
from missive.store import rows as store_rows

# -- round trips -------------------------------------------------------------------------


def test_page_round_trip_keeps_raw_bytes_and_metadata(store):
    p = page(1, "Bytes \u00e9\u4e2d\ud55c " * 50)
    store.write_batch(Batch(pages=[p]))
    got = store.page(p.hash)
    assert got.raw == p.raw
    assert (got.hash, got.source, got.url, got.container, got.media_type, got.encoding) == (
        p.hash, p.source, p.url, p.container, p.media_type, p.encoding,
    )
    assert (got.title_hint, got.published_hint, got.fetched_at) == (p.title_hint, p.published_hint, p.fetched_at)
    assert got.ingested_at


def test_raw_bytes_are_stored_compressed(store):
    p = page(2, "the same sentence again. " * 2000)
    row = store_rows.page_row(p, "now")
    assert len(row["raw"]) < len(p.raw) / 10
    store.write_batch(Batch(pages=[p]))
    assert store.page(p.hash).raw == p.raw


@pytest.mark.parametrize(
    "published",
    [
        None,
        DatedValue(PartialDate(2019), None, "url:year"),
        DatedValue(PartialDate(2021, 2, 28), Span(4, 14, "2021-02-28"), "text:dateline"),
    ],
)
def test_document_round_trip(store, published):
    p = page(3)
    doc = Document(p.hash, p.source, "Seoul, 28 Feb. 한국어 문장과 中文句子.", "A title", "Seoul Daily", "ko", published, p.url)
    store.write_batch(Batch(pages=[p], documents=[doc]))
    assert store.document(p.hash) == doc


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"date": None, "occasion": "none"},
        {"date": PartialDate(2018), "occasion": "anniversary", "type": "congratulatory"},
        {"sender": LOCAL, "recipient": PUTIN, "outlet": None, "language": "zh"},
    ],
)
def test_report_round_trip(store, changes):
    p = page(4)
    r = report(p, **changes)
    r = dataclasses.replace(r, reply=True, date_basis="conveyed")
    store.write_batch(Batch(pages=[p], reports=[r]))
    assert store.report(r.id) == r
    assert store.reports() == [r]
    assert list(store.iter_reports()) == [r]


def test_event_round_trip_keeps_report_order_and_reply_link(store):
    pages = [page(n) for n in (5, 6)]
    r1, r2 = report(pages[0]), report(pages[1], date=PartialDate(2021, 9))
    store.write_batch(Batch(pages=pages, reports=[r1, r2]))
    first = event("ev-a", [r2, r1])
    answer = event("ev-b", [r1], reply_to="ev-a")
    store.replace_events([first, answer])
    assert store.event("ev-a") == first
    assert store.event("ev-b") == answer
    assert store.events() == sorted([first, answer], key=lambda e: e.id)


def test_replace_events_replaces_the_whole_table(store):
    p = page(7)
    r = report(p)
    store.write_batch(Batch(pages=[p], reports=[r]))
    store.replace_events([event("old-1", [r]), event("old-2", [r])])
    store.replace_events([event("new-1", [r])])
    assert [e.id for e in store.events()] == ["new-1"]
    with pytest.raises(NotFoundError):
        store.event("old-1")


def test_overrides_skips_and_actors(store):
    p = page(8)
    r1, r2 = report(p), report(p, sender=LOCAL, type="call")
    store.write_batch(Batch(pages=[p], reports=[r1, r2], skips=[Skip("/x.warc", "ingest", "not a WARC file")]))
    merged = store.add_override("merge", [r1.id, r2.id], "same call, two wordings")
    split = store.add_override("split", [r1.id])
    assert store.overrides() == [merged, split]
    assert merged.report_ids == (r1.id, r2.id) and merged.kind == "merge" and merged.note
    assert split.id > merged.id
    assert store.skips() == [Skip("/x.warc", "ingest", "not a WARC file")]
    assert {(a.name, a.actor_id) for a in store.actors()} == {
        (KIM.name, KIM.actor_id), (XI.name, XI.actor_id), (LOCAL.name, None),
    }


# -- idempotency ------------------------------------------------------------------------


def test_same_batch_twice_changes_nothing(store):
    batch = numbered_batch([1, 2, 3])
    first = store.write_batch(batch)
    before = (store.stats(), store.reports(), store.skips(), [store.page(p.hash).ingested_at for p in batch.pages])
    second = store.write_batch(batch)
    after = (store.stats(), store.reports(), store.skips(), [store.page(p.hash).ingested_at for p in batch.pages])
    assert (first.new_pages, first.known_pages, first.new_reports) == (3, 0, 3)
    assert (second.new_pages, second.known_pages, second.new_reports) == (0, 3, 0)
    assert before == after


def test_known_pages_are_counted_and_their_new_reports_ignored(store):
    store.write_batch(numbered_batch([1, 2]))
    again = numbered_batch([2, 3])
    extra = report(again.pages[0], type="call")  # a new report for the already-known page 2
    result = store.write_batch(dataclasses.replace(again, reports=[*again.reports, extra]))
    assert (result.new_pages, result.known_pages, result.new_reports) == (1, 1, 1)
    assert extra.id not in {r.id for r in store.reports()}
    assert store.known_pages([p.hash for p in again.pages] + ["f" * 64]) == {p.hash for p in again.pages}


def test_a_page_twice_in_one_batch_is_written_once(store):
    p = page(9)
    result = store.write_batch(Batch(pages=[p, p], documents=[document(p)], reports=[report(p)]))
    assert (result.new_pages, result.known_pages, result.new_reports) == (1, 1, 1)
    assert store.stats()["pages"] == 1


# -- atomicity --------------------------------------------------------------------------


def _empty(store) -> bool:
    counts = store.stats()
    return all(counts[t] == 0 for t in ("pages", "documents", "reports", "skips", "actors"))


def test_a_report_on_an_unknown_page_fails_the_whole_batch(store):
    batch = numbered_batch([1, 2])
    orphan = report(page(99))  # page 99 is neither stored nor in the batch
    with pytest.raises(StoreError):
        store.write_batch(dataclasses.replace(batch, reports=[*batch.reports, orphan]))
    assert _empty(store)
    assert store.write_batch(batch).new_pages == 2  # the store is still usable


def test_an_exception_midway_leaves_nothing(store, monkeypatch):
    calls = []
    real = store_rows.report_row

    def failing(r):
        calls.append(r)
        if len(calls) == 2:
            raise RuntimeError("injected failure")
        return real(r)

    monkeypatch.setattr(store_rows, "report_row", failing)
    with pytest.raises(RuntimeError, match="injected"):
        store.write_batch(numbered_batch([1, 2, 3]))
    assert len(calls) == 2
    assert _empty(store)


def test_events_naming_unstored_reports_leave_the_old_events(store):
    p = page(10)
    r = report(p)
    store.write_batch(Batch(pages=[p], reports=[r]))
    store.replace_events([event("kept", [r])])
    with pytest.raises(StoreError, match="not stored"):
        store.replace_events([event("new", [r]), event("bad", [report(page(11))])])
    assert [e.id for e in store.events()] == ["kept"]


# -- errors -----------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["page", "document", "report", "event"])
def test_unknown_ids_raise_not_found(store, method):
    with pytest.raises(NotFoundError):
        getattr(store, method)("no-such-id")


def test_override_validation(store):
    p = page(12)
    r = report(p)
    store.write_batch(Batch(pages=[p], reports=[r]))
    with pytest.raises(InputError):
        store.add_override("join", [r.id])
    with pytest.raises(InputError):
        store.add_override("merge", [r.id])
    with pytest.raises(NotFoundError):
        store.add_override("split", ["0123456789abcdef"])
    assert store.overrides() == []


def test_a_closed_store_raises_store_error(store_url):
    store = open_store(store_url)
    store.close()
    with pytest.raises(StoreError):
        store.stats()


def test_stats_counts_rows(store):
    store.write_batch(numbered_batch([1, 2, 3]))
    counts = store.stats()
    assert {k: counts[k] for k in ("pages", "documents", "reports", "events", "skips")} == {
        "pages": 3, "documents": 3, "reports": 3, "events": 0, "skips": 3,
    }


# -- open_store (backend-independent) ----------------------------------------------------


def test_open_store_rejects_unknown_schemes():
    with pytest.raises(ConfigError, match="mysql"):
        open_store("mysql://localhost/db")


def test_open_store_creates_parent_folders_and_uses_env(tmp_path, monkeypatch):
    path = tmp_path / "a" / "b" / "store.db"
    monkeypatch.setenv("MISSIVE_DB", str(path))
    with open_store() as store:
        assert store.url == str(path)
    assert path.exists()
    with open_store(f"sqlite:///{path}") as store:
        assert store.stats()["pages"] == 0


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    bad = tmp_path / "junk.db"
    bad.write_bytes(b"this is not a database file at all" * 100)
    with pytest.raises(StoreError):
        open_store(str(bad))


def test_memory_store_works():
    with open_store(":memory:") as store:
        p = page(1)
        store.write_batch(Batch(pages=[p], reports=[report(p)]))
        assert len(store.reports()) == 1
        assert store.actors()[0] == ActorRef(KIM.name, KIM.kind, KIM.actor_id)


def test_nul_in_text_is_stored_as_replacement_character_on_both_backends(store):
    p = page(13)
    doc = dataclasses.replace(document(p), text="Before\x00after.", title="Tab\x00le")
    r = report(p, sender=ActorRef("Odd\x00Name"), sentence="A letter\x00was sent.")
    store.write_batch(Batch(pages=[p], documents=[doc], reports=[r]))
    got = store.document(p.hash)
    assert (got.text, got.title) == ("Before\ufffdafter.", "Tab\ufffdle")
    assert len(got.text) == len(doc.text)
    assert store.report(r.id) == r  # the report's JSON keeps the NUL escaped, exactly
    assert store.reports(Query(sender="odd\ufffdname")) == [r]
