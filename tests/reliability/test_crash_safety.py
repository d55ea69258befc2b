"""Crash safety: an ingest killed again and again, or stopped by a full disk, then resumed, ends in
exactly the state of an uninterrupted run (same pages, reports, events; none twice, none lost)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from missive.store import open_store

from support.corpus import write_corpus

MISSIVE = [sys.executable, "-m", "missive.cli"]
PAGES = 90


def run_ingest(corpus: Path, db: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*MISSIVE, "ingest", str(corpus), "--db", db, "--batch-size", "5"],
                          capture_output=True, text=True, timeout=timeout)  # fmt: skip


def store_state(db: str) -> dict:
    """What must match: pages (by hash), report ids, event membership, and no duplicate anywhere."""
    with open_store(db) as store:
        reports = [r.id for r in store.iter_reports()]
        events = [tuple(sorted(r.id for r in e.reports)) for e in store.events()]
        pages = store.stats()["pages"]
    assert len(reports) == len(set(reports)), "a report stored twice"
    members = [rid for ev in events for rid in ev]
    assert len(members) == len(set(members)), "a report in two events"
    return {"pages": pages, "reports": sorted(reports), "events": sorted(events)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus")
    write_corpus(folder, pages=PAGES, seed=23)
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("crash-ref") / "ref.db"
    started = time.monotonic()
    done = run_ingest(corpus, str(db))
    assert done.returncode == 0, done.stderr
    state = store_state(str(db))
    assert state["pages"] == PAGES and state["reports"]
    return {**state, "secs": time.monotonic() - started, "bytes": sum(p.stat().st_size for p in db.parent.iterdir())}


@pytest.mark.slow
def test_ten_random_sigkills_then_resume_equals_an_uninterrupted_run(corpus: Path, reference: dict, tmp_path: Path) -> None:
    db = str(tmp_path / "killed.db")
    rng = random.Random(2024)
    kills = 0
    for _ in range(10):
        proc = subprocess.Popen([*MISSIVE, "ingest", str(corpus), "--db", db, "--batch-size", "5"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        # Anywhere from start-up (imports, migration) to the late part of a full run. Resumed runs
        # have less left to do each time, so the window is half a full run: most runs still die.
        time.sleep(rng.uniform(0.2, max(0.5, reference["secs"] * 0.5)))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
    assert kills >= 5, "most runs must be killed mid-way for the test to mean anything"
    done = run_ingest(corpus, db)
    assert done.returncode == 0, done.stderr
    state = store_state(db)
    assert {k: state[k] for k in ("pages", "reports", "events")} == {k: reference[k] for k in ("pages", "reports", "events")}


# -- disk full: a real size-limited filesystem ------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path, reference: dict):
    """A tmpfs holding about half of what the full store needs (skip where mounting is not allowed)."""
    mount = tmp_path / "small-disk"
    mount.mkdir()
    size_kb = max(64, reference["bytes"] // 2048)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(mount)], capture_output=True, text=True)
    if done.returncode != 0:
        if os.environ.get("CI") and os.geteuid() == 0:
            pytest.fail(f"cannot mount a tmpfs: {done.stderr}")
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.slow
def test_disk_full_fails_cleanly_then_resumes_with_space(corpus: Path, reference: dict, small_disk: Path, tmp_path: Path) -> None:
    db = small_disk / "full.db"
    done = run_ingest(corpus, str(db))
    assert done.returncode == 4, (done.returncode, done.stderr[-2000:])  # StoreError, not a crash
    assert "Traceback" not in done.stderr
    assert "full" in done.stderr.lower() or "space" in done.stderr.lower(), done.stderr[-500:]
    with open_store(str(db)) as store:
        partial = store.stats()["pages"]
    assert 0 <= partial < PAGES
    # "Make space": move the store (with its WAL) to a roomy disk and run again.
    roomy = tmp_path / "roomy"
    roomy.mkdir()
    for path in small_disk.iterdir():
        shutil.copy2(path, roomy / path.name)
    done = run_ingest(corpus, str(roomy / "full.db"))
    assert done.returncode == 0, done.stderr
    state = store_state(str(roomy / "full.db"))
    assert {k: state[k] for k in ("pages", "reports", "events")} == {k: reference[k] for k in ("pages", "reports", "events")}
