"""The PostgreSQL store outlives a lost connection between batches: the server ends the store's
session (as a restart does) and the next write or read goes through on a new connection. When the
server does not come back, the caller gets a StoreError that says so, not a psycopg traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pg_fixture import fresh_database, pg_server  # noqa: E402,F401  (fixture)

from missive.errors import StoreError  # noqa: E402
from missive.model import Page  # noqa: E402
from missive.store import Batch, open_store  # noqa: E402
from missive.store import postgres as pg_store  # noqa: E402

pytestmark = pytest.mark.postgres


def _page(i: int) -> Page:
    text = f"Reconnect test page {i}: a short text of our own."
    return Page(source=f"reconnect-{i}.txt", raw=text.encode(), text=text, media_type="text", encoding="utf-8", container="txt")


def _end_session(server: str, store: pg_store.PostgresStore) -> None:
    """Terminate the store's backend from another connection, as a server restart would."""
    import psycopg

    pid = store._conn.info.backend_pid
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.fixture
def store(pg_server: str):
    with fresh_database(pg_server, "missive_reconnect") as url:
        with open_store(url) as opened:
            assert isinstance(opened, pg_store.PostgresStore)
            yield opened


def test_a_write_after_the_session_was_ended_goes_through_on_a_new_connection(store, pg_server: str) -> None:
    store.write_batch(Batch(pages=(_page(1),)))
    before = store._conn.info.backend_pid
    _end_session(pg_server, store)
    result = store.write_batch(Batch(pages=(_page(2),)))
    assert result.new_pages == 1
    assert store._conn.info.backend_pid != before, "a new connection"
    assert store.stats()["pages"] == 2


def test_a_read_after_the_session_was_ended_goes_through_on_a_new_connection(store, pg_server: str) -> None:
    store.write_batch(Batch(pages=(_page(1),)))
    _end_session(pg_server, store)
    assert store.stats()["pages"] == 1


def test_a_server_that_does_not_come_back_is_a_store_error(store, pg_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import psycopg

    def refused(*args: object, **kwargs: object) -> None:
        raise psycopg.OperationalError("connection refused (the test's stand-in for a server that is down)")

    _end_session(pg_server, store)
    monkeypatch.setattr(pg_store, "RECONNECT_S", 0.5)
    monkeypatch.setattr(pg_store.psycopg, "connect", refused)
    with pytest.raises(StoreError, match="could not reconnect within"):
        store.write_batch(Batch(pages=(_page(3),)))
