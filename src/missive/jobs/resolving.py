"""Re-resolve every stored report into events, honouring the analysts' overrides."""

from __future__ import annotations

from .. import resolve
from ..store.base import Store


def resolve_store(store: Store) -> int:
    """Merge all stored reports into events and replace the stored events; return their count.

    Resolution always runs over every report, so the result does not depend on
    the order or the batches in which pages arrived; events keep the ids they had.
    """
    reports = list(store.iter_reports())
    page_hashes = sorted({r.page_hash for r in reports})
    texts = [(h, store.document(h).text) for h in page_hashes]
    duplicates = resolve.find_near_duplicates(texts)
    overrides = [(o.kind, tuple(o.report_ids)) for o in store.overrides()]
    events = resolve.resolve_events(reports, overrides=overrides, duplicates=duplicates, keep_ids=store.event_ids())
    store.replace_events(events)
    return len(events)
