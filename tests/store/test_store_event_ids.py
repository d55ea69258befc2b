"""Event ids outlive re-resolution: the store keeps them and leads a lost id on.

Every test runs on SQLite and PostgreSQL (the ``store`` fixture).
"""

from __future__ import annotations

from store_samples import document, page, report

from missive.jobs import resolve_store
from missive.store import Batch


def _add(store, pages_and_reports) -> None:
    store.write_batch(Batch(
        pages=[p for p, _ in pages_and_reports],
        documents=[document(p) for p, _ in pages_and_reports],
        reports=[r for _, r in pages_and_reports],
    ))


def test_event_ids_and_the_event_of_a_report(store):
    store.replace_events([])
    p1, p2 = page(1), page(2)
    r1, r2 = report(p1), report(p2)
    _add(store, [(p1, r1), (p2, r2)])
    assert resolve_store(store) == 1
    (only,) = store.event_ids()
    assert store.event_of_report(r1.id) == store.event_of_report(r2.id) == only
    assert store.event_of_report("no-such-report") is None


def test_an_event_keeps_its_id_when_a_page_with_a_smaller_report_id_arrives(store):
    store.replace_events([])
    pages = [page(n) for n in range(10, 16)]
    pairs = sorted(((p, report(p)) for p in pages), key=lambda pr: pr[1].id)
    smallest, later = pairs[0], pairs[1:]
    _add(store, later)
    resolve_store(store)
    (before,) = store.event_ids()
    assert before == "ev-" + later[0][1].id
    _add(store, [smallest])  # its report id sorts before every stored one
    resolve_store(store)
    assert store.event_ids() == {before}
    assert store.event_of_report(smallest[1].id) == before
