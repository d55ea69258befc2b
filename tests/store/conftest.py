"""The `store` fixture: every store test runs once on SQLite and once on PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator

import psycopg
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for pg_fixture
sys.path.insert(0, str(Path(__file__).resolve().parent))  # for store_samples

from pg_fixture import fresh_database, pg_server, pg_url  # noqa: E402,F401  (fixtures)

from missive.store import open_store  # noqa: E402

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
# Children first, for the foreign keys; DELETE is far quicker than TRUNCATE on tiny tables.
_TABLES = ("event_tallies", "event_reports", "events", "overrides", "skips", "actors", "reports", "documents", "pages", "store_state")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def store_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty store of the current backend (migrated, no rows)."""
    if backend == "sqlite":
        return str(tmp_path / "db" / "missive.db")
    url = request.getfixturevalue("pg_url")
    open_store(url).close()  # migrates on first use
    with psycopg.connect(url, autocommit=True) as conn:
        for table in _TABLES:
            conn.execute(f"DELETE FROM {table}")
    return url


@pytest.fixture
def fresh_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database that has never been opened (no migrations yet)."""
    if backend == "sqlite":
        yield str(tmp_path / "fresh" / "missive.db")
        return
    with fresh_database(request.getfixturevalue("pg_server"), "missive_fresh") as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator:
    """An open, empty store of each backend."""
    with open_store(store_url) as opened:
        yield opened
