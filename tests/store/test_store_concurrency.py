"""Migrations run once; several processes can open, write and read one store at once."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from store_samples import numbered_batch, page

from missive.store import Batch, open_store
from missive.store.migrate import load_migrations, pending, split_sqlite

HERE = Path(__file__).resolve().parent

# A writer process: opens the store (maybe migrating it), then writes all pages 0..39
# in its own shuffled order, in overlapping batches; prints what it counted.
WRITER = """
import json, random, sys
sys.path.insert(0, sys.argv[3])
from store_samples import numbered_batch
from missive.store import open_store
url, seed = sys.argv[1], int(sys.argv[2])
order = list(range(40))
random.Random(seed).shuffle(order)
new = known = reports = 0
with open_store(url) as store:
    for start in range(0, 40, 5):
        result = store.write_batch(numbered_batch(order[start:start + 10]))
        new, known, reports = new + result.new_pages, known + result.known_pages, reports + result.new_reports
print(json.dumps([new, known, reports]))
"""


def _run_writers(url: str, count: int) -> list[list[int]]:
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, url, str(seed), str(HERE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for seed in range(count)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    return results


def _applied(store) -> list[tuple[int, str]]:
    with store._reading() as cur:  # noqa: SLF001  (test looks at the bookkeeping table)
        cur.execute("SELECT version, name FROM schema_migrations ORDER BY version")
        return [(int(v), n) for v, n in cur.fetchall()]


def test_migrations_apply_once_and_reopening_is_a_no_op(fresh_url, backend):
    expected = [(m.version, m.name) for m in load_migrations(backend)]
    with open_store(fresh_url) as store:
        assert _applied(store) == expected
        store.write_batch(numbered_batch([1]))
    with open_store(fresh_url) as store:
        assert _applied(store) == expected
        assert store.stats()["pages"] == 1


@pytest.mark.slow
def test_concurrent_writers_on_a_fresh_store(fresh_url, backend):
    """Four processes migrate and fill one new store with overlapping batches."""
    results = _run_writers(fresh_url, 4)
    with open_store(fresh_url) as store:
        counts = store.stats()
        assert len(_applied(store)) == len(load_migrations(backend))
        assert sorted(r.id for r in store.reports()) == sorted(r.id for r in numbered_batch(list(range(40))).reports)
    assert {k: counts[k] for k in ("pages", "documents", "reports", "skips")} == dict.fromkeys(
        ("pages", "documents", "reports", "skips"), 40
    )
    assert sum(r[0] for r in results) == 40  # each page was new to exactly one writer
    assert sum(r[2] for r in results) == 40
    assert all(r[0] + r[1] == 75 for r in results)  # 8 batches: seven of ten pages, one of five


def test_readers_see_whole_batches_only(store_url):
    """While a writer process writes, a reader never sees half a batch."""
    open_store(store_url).close()
    writer = subprocess.Popen([sys.executable, "-c", WRITER, store_url, "11", str(HERE)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = set()
    with open_store(store_url) as reader:
        deadline = time.monotonic() + 60
        while writer.poll() is None and time.monotonic() < deadline:
            counts = reader.stats()
            assert counts["pages"] == counts["documents"] == counts["reports"] == counts["skips"]
            seen.add(counts["pages"])
    _, err = writer.communicate(timeout=60)
    assert writer.returncode == 0, err
    assert max(seen | {0}) <= 40


def test_sqlite_reader_is_not_blocked_by_an_open_write(tmp_path):
    path = tmp_path / "busy.db"
    with open_store(str(path)) as store:
        store.write_batch(numbered_batch([1, 2]))
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another writer holds the write lock ...
        other.execute("DELETE FROM skips")
        started = time.monotonic()
        assert store.stats()["skips"] == 2  # ... and the reader still reads, at once
        assert time.monotonic() - started < 1.0
        other.execute("COMMIT")
        other.close()
        assert store.stats()["skips"] == 0


def test_sqlite_store_uses_wal_and_foreign_keys(tmp_path):
    with open_store(str(tmp_path / "w.db")) as store:
        with store._reading() as cur:  # noqa: SLF001
            assert cur.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert cur.execute("PRAGMA foreign_keys").fetchone()[0] == 1
            assert cur.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000


# -- the migration files themselves -------------------------------------------------------


@pytest.mark.parametrize("dialect", ["sqlite", "postgres"])
def test_migration_history_is_numbered_from_one(dialect):
    versions = [m.version for m in load_migrations(dialect)]
    assert versions == list(range(1, len(versions) + 1))
    assert pending(set(versions), load_migrations(dialect)) == []


def test_both_dialects_create_the_same_tables():
    def tables(sql: str) -> set[str]:
        import re

        return set(re.findall(r"CREATE TABLE (\w+)", sql))

    sqlite_sql = "".join(m.sql for m in load_migrations("sqlite"))
    pg_sql = "".join(m.sql for m in load_migrations("postgres"))
    assert tables(sqlite_sql) == tables(pg_sql) >= {"pages", "documents", "reports", "events", "event_reports", "overrides", "skips", "actors"}


def test_a_newer_database_is_refused():
    from missive.errors import StoreError

    with pytest.raises(StoreError, match="upgrade"):
        pending({1, 99}, load_migrations("sqlite"))


def test_sqlite_scripts_split_into_whole_statements():
    statements = split_sqlite(load_migrations("sqlite")[0].sql)
    assert all(sqlite3.complete_statement(s + "\n") for s in statements)
    assert any(s.startswith("CREATE TRIGGER") and s.rstrip().endswith("END;") for s in statements)
    db = sqlite3.connect(":memory:")
    for s in statements:
        db.execute(s)


def test_an_in_memory_store_is_migrated_on_open():
    with open_store(":memory:") as store:
        assert [v for v, _ in _applied(store)] == [m.version for m in load_migrations("sqlite")]
        assert store.write_batch(Batch(pages=[page(1)])).new_pages == 1


@pytest.mark.postgres
def test_postgres_retries_a_serialization_failure_then_gives_up(pg_url, monkeypatch):
    from psycopg import errors as pg_errors

    import missive.store.postgres as pg
    from missive.errors import StoreError

    monkeypatch.setattr(pg.time, "sleep", lambda s: None)
    with open_store(pg_url) as store:
        attempts = []

        def flaky(cur):
            attempts.append(1)
            cur.execute("INSERT INTO skips (source, stage, reason, at, key) VALUES (?, ?, ?, ?, ?)", ["s", "t", "r", "now", f"k{len(attempts)}"])
            if len(attempts) < 3:
                raise pg_errors.SerializationFailure("simulated conflict")
            return "done"

        assert store._transaction(flaky) == "done"  # noqa: SLF001
        assert len(attempts) == 3
        assert [s.source for s in store.skips()].count("s") == 1  # the failed attempts rolled back

        def always(cur):
            raise pg_errors.DeadlockDetected("simulated deadlock")

        with pytest.raises(StoreError, match="kept conflicting"):
            store._transaction(always)  # noqa: SLF001


REPLACER = """
import sys
sys.path.insert(0, sys.argv[2])
from store_samples import event
from missive.store import open_store
with open_store(sys.argv[1]) as store:
    reports = store.reports()
    for round_ in range(15):
        store.replace_events([event(f"ev-{i}", [r]) for i, r in enumerate(reports)])
"""


def test_concurrent_event_replacements_take_turns(store_url):
    with open_store(store_url) as store:
        store.write_batch(numbered_batch(list(range(12))))
    procs = [
        subprocess.Popen([sys.executable, "-c", REPLACER, store_url, str(HERE)], stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with open_store(store_url) as store:
        assert {e.id for e in store.events()} == {f"ev-{i}" for i in range(12)}
        assert store.stats()["events"] == 12
