"""An ingest killed with SIGKILL and run again ends in exactly the state of an
uninterrupted run: the same pages, reports and events, none twice, none lost."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from missive.store import open_store

from support.corpus import write_corpus

MISSIVE = [sys.executable, "-m", "missive.cli"]


def run_ingest(corpus: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MISSIVE, "ingest", str(corpus), "--db", str(db), "--batch-size", "5"],
        capture_output=True, text=True, timeout=600,
    )


def store_state(db: Path) -> dict:
    """Everything that must match: page and report counts, report ids, event membership."""
    with open_store(str(db)) as store:
        stats = store.stats()
        reports = sorted(r.id for r in store.iter_reports())
        events = sorted(tuple(sorted(r.id for r in e.reports)) for e in store.events())
    return {"pages": stats["pages"], "reports": reports, "events": events}


def committed_pages(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from pages").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, pages=90)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    result = run_ingest(corpus, db)
    assert result.returncode == 0, result.stderr
    state = store_state(db)
    assert state["pages"] == 90 and state["reports"], "the reference run must find reports"
    return state


@pytest.mark.slow
@pytest.mark.parametrize("kill_after_pages", [1, 30, 60])
def test_rerun_after_sigkill_equals_uninterrupted_run(
    corpus: Path, reference: dict, tmp_path: Path, kill_after_pages: int
) -> None:
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [*MISSIVE, "ingest", str(corpus), "--db", str(db), "--batch-size", "5"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while committed_pages(db) < kill_after_pages and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    killed = proc.poll() is None
    if killed:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if killed:
        assert committed_pages(db) < 90, "the kill must land before the run ends"

    result = run_ingest(corpus, db)
    assert result.returncode == 0, result.stderr
    assert store_state(db) == reference


def test_second_ingest_adds_nothing_and_says_so(corpus: Path, reference: dict, tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    assert run_ingest(corpus, db).returncode == 0
    again = run_ingest(corpus, db)
    assert again.returncode == 0
    assert "new: 0" in again.stderr and "already known: 90" in again.stderr
    assert "nothing new" in again.stderr
    assert store_state(db) == reference
