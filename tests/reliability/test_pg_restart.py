"""PostgreSQL restarted in the middle of an ingest: the run either finishes or stops with a clear
StoreError (exit 4, no traceback), and a rerun ends in exactly the state of an uninterrupted run.

Restarting the shared server disturbs other test sessions for a moment, so the test does it once
and waits until the server answers again (``pg_isready``) before it ends, whatever happened.
"""

from __future__ import annotations

import glob
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pg_fixture import HOST, PORT, fresh_database, pg_server  # noqa: E402,F401  (fixture)

from missive.store import open_store  # noqa: E402

from support.corpus import write_corpus  # noqa: E402

MISSIVE = [sys.executable, "-m", "missive.cli"]
PAGES = 150


def state(url: str) -> dict:
    """Pages, report ids, event membership; and no report stored twice."""
    with open_store(url) as store:
        reports = [r.id for r in store.iter_reports()]
        events = sorted(tuple(sorted(r.id for r in e.reports)) for e in store.events())
        pages = store.stats()["pages"]
    assert len(reports) == len(set(reports)), "a report stored twice"
    return {"pages": pages, "reports": sorted(reports), "events": events}


def stored_pages(url: str) -> int:
    """Pages committed so far, read over a connection of its own (0 while the server is away)."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=2) as conn:
            row = conn.execute("SELECT count(*) FROM pages").fetchone()
            return int(row[0]) if row else 0
    except psycopg.Error:
        return 0


def server_ready(timeout: float = 60) -> bool:
    """Wait until the server accepts connections again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if subprocess.run(["pg_isready", "-h", HOST, "-p", str(PORT)], capture_output=True).returncode == 0:
            return True
        time.sleep(0.5)
    return False


def restart_server() -> subprocess.CompletedProcess:
    """Restart the local cluster (the newest installed version), as an operator would."""
    versions = sorted((os.path.basename(p) for p in glob.glob("/etc/postgresql/*")), key=lambda v: [int(x) for x in v.split(".") if x.isdigit()])
    if not versions:
        pytest.skip("no local PostgreSQL cluster to restart")
    cmd = ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "restart"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pg-restart-corpus")
    write_corpus(folder, pages=PAGES, seed=57)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = str(tmp_path_factory.mktemp("pg-restart-ref") / "ref.db")
    done = subprocess.run([*MISSIVE, "ingest", str(corpus), "--db", db], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return state(db)


@pytest.mark.slow
@pytest.mark.postgres
def test_server_restart_mid_ingest_then_rerun_equals_an_uninterrupted_run(corpus: Path, reference: dict, pg_server: str) -> None:
    with fresh_database(pg_server, "missive_restart") as url:
        open_store(url).close()  # migrated, so progress can be read from the start
        proc = subprocess.Popen([*MISSIVE, "ingest", str(corpus), "--db", url, "--batch-size", "3"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        try:
            deadline = time.monotonic() + 120
            while stored_pages(url) < 6 and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.05)
            before = stored_pages(url)
            assert proc.poll() is None and 0 < before < PAGES, "the restart must fall in the middle of the run"
            restarted = restart_server()
            assert restarted.returncode == 0, restarted.stderr
            out, err = proc.communicate(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            assert server_ready(), "the server did not come back after the restart"

        # Either the run rode out the restart, or it stopped with a StoreError that says why.
        assert proc.returncode in (0, 4), (proc.returncode, err[-2000:])
        assert "Traceback" not in err, err[-2000:]
        if proc.returncode == 4:
            assert "connect" in err.lower() or "server" in err.lower(), err[-1000:]
        first = {"exit": proc.returncode, "pages_before_restart": before, "pages_after_run": stored_pages(url)}
        print("first run:", first, err.strip().splitlines()[-1:] if err.strip() else "")

        done = subprocess.run([*MISSIVE, "ingest", str(corpus), "--db", url], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        got = state(url)
    assert got == reference
