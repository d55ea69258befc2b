"""Concurrency: the web app serves reads while an ingest writes (SQLite WAL), and several ingests
into one PostgreSQL store end with no duplicate and no lost page."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pg_fixture import fresh_database, pg_server  # noqa: E402,F401  (fixture)

from missive.store import open_store  # noqa: E402
from missive.web import create_app  # noqa: E402

from support.corpus import write_corpus  # noqa: E402

MISSIVE = [sys.executable, "-m", "missive.cli"]


def state(url: str) -> dict:
    with open_store(url) as store:
        reports = [r.id for r in store.iter_reports()]
        events = sorted(tuple(sorted(r.id for r in e.reports)) for e in store.events())
        pages = store.stats()["pages"]
    return {"pages": pages, "reports": sorted(reports), "dupes": len(reports) - len(set(reports)), "events": events}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("conc-corpus")
    write_corpus(folder, pages=120, seed=41)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = str(tmp_path_factory.mktemp("conc-ref") / "ref.db")
    done = subprocess.run([*MISSIVE, "ingest", str(corpus), "--db", db], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return state(db)


@pytest.mark.slow
def test_reads_never_fail_while_an_ingest_writes(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "live.db")
    open_store(db).close()  # migrated before the app and the writer start
    writer = subprocess.Popen([*MISSIVE, "ingest", str(corpus), "--db", db, "--batch-size", "3"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    failures: list[tuple[str, int]] = []
    reads = 0
    seen_counts: set[int] = set()
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        while writer.poll() is None:
            for path in ("/api/events?limit=50", "/", "/api/reports?limit=20", "/api/search?q=message"):
                resp = client.get(path)
                reads += 1
                if resp.status_code != 200:
                    failures.append((path, resp.status_code))
            seen_counts.add(len(client.get("/api/reports?limit=200").json()["items"]))
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert not failures, failures[:10]
    assert reads > 20 and len(seen_counts) > 1, "reads overlapped the writes"


@pytest.mark.slow
@pytest.mark.postgres
def test_concurrent_ingests_into_postgresql_lose_and_duplicate_nothing(corpus: Path, reference: dict, pg_server: str) -> None:
    with fresh_database(pg_server, "missive_conc") as url:
        open_store(url).close()
        procs = [subprocess.Popen([*MISSIVE, "ingest", str(corpus), "--db", url, "--batch-size", str(b)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for b in (4, 7, 10)]  # fmt: skip
        for p in procs:
            p.wait(timeout=300)
        errors = [p.stderr.read() for p in procs if p.returncode != 0 and p.stderr]
        assert not errors, errors
        got = state(url)
    assert got["dupes"] == 0
    assert {k: got[k] for k in ("pages", "reports", "events")} == {k: reference[k] for k in ("pages", "reports", "events")}
