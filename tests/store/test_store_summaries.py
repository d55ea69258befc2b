"""Event summaries (listings without report JSON) and the write generation, on both backends."""

from __future__ import annotations

import pytest
from store_samples import KIM, LOCAL, PUTIN, XI, document, event, page, report

from missive.codec import to_dict
from missive.model import PartialDate
from missive.store import Batch, EventSummary, Query


def _fill(store) -> None:
    """Four pages, three events: one backed by three reports from two outlets in two languages."""
    pages = [page(n) for n in range(4)]
    reps = [
        report(pages[0], outlet="Pyongyang Wire", language="en"),
        report(pages[1], outlet="Beijing Daily", language="ZH"),
        report(pages[2], outlet=None, language="en"),
        report(pages[3], sender=PUTIN, recipient=LOCAL, type="condolence", date=None, outlet="Moscow Post"),
    ]
    store.write_batch(Batch(pages=pages, documents=[document(p) for p in pages], reports=reps))
    store.replace_events([
        event("ev-a", reps[:3]),
        event("ev-b", [reps[3]]),
        event("ev-c", [reps[1]], reply_to="ev-a"),
    ])  # fmt: skip


def _expected(store, query: Query) -> list[tuple]:
    """What the full listing says, reduced to the summary's facts."""
    return [
        (e.id, len(e.reports), tuple(sorted({r.outlet for r in e.reports if r.outlet})),
         tuple(sorted({r.language.lower() for r in e.reports})), {k: v for k, v in to_dict(e).items() if k != "reports"})
        for e in store.events(query)
    ]  # fmt: skip


@pytest.mark.parametrize(
    "query",
    [
        Query(),
        Query(order="-date"),
        Query(sender="Vladimir Putin"),
        Query(type="letter", since=PartialDate(2021)),
        Query(outlet="beijing daily"),
        Query(language="zh"),
        Query(text="warm letter"),
        Query(party="no such person"),
    ],
)
def test_summaries_agree_with_full_events(store, query: Query) -> None:
    _fill(store)
    got, cursor = store.event_summaries_page(query)
    assert cursor is None
    assert all(isinstance(s, EventSummary) for s in got)
    assert [(s.id, s.report_count, s.outlets, s.languages, dict(s.data)) for s in got] == _expected(store, query)


def test_a_summary_decodes_to_the_event_without_reports(store) -> None:
    _fill(store)
    (summary,), _ = store.event_summaries_page(Query(sender="Vladimir Putin"))
    full = store.event("ev-b")
    assert summary.event.sender == PUTIN and summary.event.recipient == LOCAL
    assert summary.event.date is None and summary.event.reports == ()
    assert summary.event == type(full)(**{**vars(full), "reports": ()})


def test_summary_pages_follow_the_event_cursor(store) -> None:
    _fill(store)
    seen, after = [], None
    for _ in range(5):
        chunk, after = store.event_summaries_page(Query(limit=2, after=after, order="-date"))
        seen += [s.id for s in chunk]
        if after is None:
            break
    assert seen == [e.id for e in store.events(Query(order="-date"))]
    events_page, events_cursor = store.events_page(Query(limit=2, order="-date"))
    summaries_page, summaries_cursor = store.event_summaries_page(Query(limit=2, order="-date"))
    assert summaries_cursor == events_cursor
    assert [s.id for s in summaries_page] == [e.id for e in events_page]


def test_every_write_moves_the_generation(store) -> None:
    """write_batch, replace_events, add_override, mark_pages_stale: each commit is seen."""
    seen = [store.generation()]
    p = page(10)
    rep = report(p, sender=XI, recipient=KIM)
    writes = [
        lambda: store.write_batch(Batch(pages=[p], documents=[document(p)], reports=[rep])),
        lambda: store.replace_events([event("ev-x", [rep])]),
        lambda: store.add_override("split", [rep.id], "kept apart"),
        lambda: store.mark_pages_stale(),
    ]
    for write in writes:
        write()
        seen.append(store.generation())
    assert seen == sorted(set(seen)), seen  # strictly increasing
    assert store.generation() == store.generation()  # reads do not move it


def test_a_failed_write_leaves_the_generation(store) -> None:
    before = store.generation()
    with pytest.raises(Exception):
        store.replace_events([event("ev-y", [report(page(11))])])  # its report is not stored
    assert store.generation() == before


def test_a_write_from_another_handle_is_seen(store_url: str) -> None:
    from missive.store import open_store

    with open_store(store_url) as reader, open_store(store_url) as writer:
        before = reader.generation()
        p = page(12)
        writer.write_batch(Batch(pages=[p], documents=[document(p)], reports=[report(p)]))
        assert reader.generation() > before
