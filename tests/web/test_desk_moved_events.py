"""A link to an event outlives a merge: the id that is gone redirects to the merged event."""

from __future__ import annotations

import sys
from pathlib import Path

from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))
from store_samples import document, page, report  # noqa: E402

from missive.jobs import resolve_store  # noqa: E402
from missive.model import PartialDate  # noqa: E402
from missive.store import Batch, open_store  # noqa: E402
from missive.web import create_app  # noqa: E402


def test_the_id_an_analyst_merged_away_redirects_to_the_merged_event(tmp_path):
    url = str(tmp_path / "moved.db")
    first, second = page(1), page(2)
    early, late = report(first, date=PartialDate(2021, 9, 9)), report(second, date=PartialDate(2021, 9, 20))
    with open_store(url) as store:
        store.write_batch(Batch(pages=[first, second], documents=[document(first), document(second)], reports=[early, late]))
        resolve_store(store)
        before = store.event_ids()
        assert len(before) == 2
        store.add_override("merge", [early.id, late.id])
        resolve_store(store)
        (kept,) = store.event_ids()
    (gone,) = before - {kept}
    with TestClient(create_app(url), raise_server_exceptions=False) as client:
        for prefix in ("/events/", "/api/events/"):
            moved = client.get(prefix + gone, follow_redirects=False)
            assert moved.status_code == 301
            assert moved.headers["location"] == prefix + kept
            assert client.get(prefix + gone).status_code == 200
        # An id that never named a report stays a plain 404.
        assert client.get("/api/events/ev-nothing-like-it", follow_redirects=False).status_code == 404
