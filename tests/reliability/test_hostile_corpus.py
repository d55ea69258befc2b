"""Bad input never crashes a batch: ``missive ingest`` over the hostile corpus finishes, says why it
skipped each bad item, stores every good page, leaves a consistent store, and stays within memory
and time bounds. Files that vanish or lose their permissions mid-run become Skips too."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from missive.jobs import pipeline
from missive.model import Page
from missive.settings import Limits
from missive.store import open_store

REPO = Path(__file__).resolve().parents[2]
MAX_RSS_MB = 900  # 50 MB page, 5 MB one-line page and 400 MB gzip bombs included
MAX_WALL_S = 240

#: file (or record) -> the reason its Skip must give; files not listed are stored pages.
EXPECTED_SKIPS: dict[str, str] = {
    "empty.txt": "empty page",
    "blank.html": "only whitespace",
    "huge.txt": r"over the limit",
    "binary.txt": "binary content",
    "elf.html": "binary content",
    "unknown.bin": "binary content",
    "nul-bytes.txt": "binary content",
    "mixed-encodings.txt": "binary content",  # its UTF-16 tail holds NUL bytes
    "bomb.jsonl.gz": "gzip bomb|passed the limit",
    "bomb.warc.gz": "gzip bomb|passed the limit",
    "bomb.txt.gz": "gzip bomb|over the limit|passed the limit",
    "corrupt.txt.gz": "corrupt gzip",
    "not-gzip.jsonl.gz": "corrupt gzip",
    "truncated.json": "broken JSON",
    "truncated.warc#1": "truncated",
    "bad-lengths.warc#0": "truncated",
    "not-a-warc.warc": "no page found",
    "broken.jsonl#2": "broken JSON",
    "broken.jsonl#3": "broken JSON",
    "broken.jsonl#4": "'text' is a number",
    "broken.jsonl#5": "'url' is a list",
    "broken.jsonl#6": "JSON list",
    "broken.jsonl#7": "JSON NoneType|null",
    "broken.jsonl#8": "JSON string",
    "broken.jsonl#9": "neither a 'text' nor an 'html'",
    "broken.jsonl#10": "broken JSON|too deep|nested",
    "wrong-types.json#0": "neither a 'text' nor an 'html'",
    "wrong-types.json#1": "'text' is a list",
    "wrong-types.json#2": "JSON number",
    "wrong-types.json#3": "JSON string",
}
#: Pages that may be cleaned to nothing or abandoned at the per-page limit, but never crash the run.
MAY_SKIP = {
    "nested-10000.html": "no article text|too deeply nested|abandoned after",
    "nested-unclosed.html": "no article text|too deeply nested|abandoned after",
    "unclosed.html": "no article text",
    "one-line-5mb.txt": "abandoned after",
    "one-word-5mb.txt": "no article text|abandoned after",
}


@pytest.fixture(scope="module")
def corpus() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_hostile_corpus.py"), str(folder)], check=True, timeout=300)
    yield folder
    subprocess.run(["rm", "-rf", str(folder)], check=False)


def measured_ingest(corpus: Path, db: Path) -> tuple[subprocess.CompletedProcess, float, float]:
    """Run ``missive ingest`` in a child of a fresh wrapper: (result, peak RSS of the ingest in MB, seconds)."""
    wrapper = textwrap.dedent(
        """
        import json, resource, subprocess, sys, time
        t = time.monotonic()
        r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
        print(json.dumps({"rc": r.returncode, "err": r.stderr, "secs": time.monotonic() - t,
                          "rss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
        """
    )
    cmd = [sys.executable, "-c", wrapper, sys.executable, "-m", "missive.cli", "ingest", str(corpus), "--db", str(db)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=MAX_WALL_S + 60, check=True)
    out = json.loads(done.stdout)
    return subprocess.CompletedProcess(cmd, out["rc"], "", out["err"]), out["rss_kb"] / 1024, out["secs"]


@pytest.fixture(scope="module")
def ingested(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("hostile-db") / "store.db"
    result, rss_mb, secs = measured_ingest(corpus, db)
    return {"db": db, "result": result, "rss_mb": rss_mb, "secs": secs}


def _skips(db: Path) -> dict[str, list[str]]:
    """Skip reasons by item: the file name, with ``#N`` for a record inside it."""
    out: dict[str, list[str]] = {}
    with open_store(str(db)) as store:
        for s in store.skips():
            out.setdefault(Path(s.source).name, []).append(s.reason)
    return out


@pytest.mark.slow
def test_the_run_finishes_and_reports_every_skip(ingested: dict) -> None:
    result = ingested["result"]
    assert result.returncode == 6, result.stderr[-3000:]  # EXIT_SKIPPED: finished, with skips reported
    assert "Traceback" not in result.stderr
    assert "pages read:" in result.stderr
    skips = _skips(ingested["db"])
    for item, reason in EXPECTED_SKIPS.items():
        assert item in skips, f"{item} should be skipped with a reason; skips: {sorted(skips)}"
        assert any(re.search(reason, r) for r in skips[item]), (item, skips[item])
        assert "skipped " in result.stderr and item.split("#")[0] in result.stderr
    for item, reason in MAY_SKIP.items():
        if item in skips:
            assert any(re.search(reason, r) for r in skips[item]), (item, skips[item])
    unexpected = set(skips) - set(EXPECTED_SKIPS) - set(MAY_SKIP)
    assert not unexpected, {k: skips[k] for k in unexpected}


@pytest.mark.slow
def test_every_input_file_is_stored_or_skipped(ingested: dict, corpus: Path) -> None:
    with open_store(str(ingested["db"])) as store:
        stored = {store.page(h).source.split("#")[0] for h in _page_hashes(ingested["db"])}
        skipped = {s.source.split("#")[0] for s in store.skips()}
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            assert str(path) in stored | skipped, f"{path.name} vanished without a trace"


@pytest.mark.slow
def test_good_pages_are_all_stored_with_their_reports(ingested: dict, corpus: Path) -> None:
    hashes = _page_hashes(ingested["db"])
    with open_store(str(ingested["db"])) as store:
        sources = {store.page(h).source for h in hashes}
        reports = list(store.iter_reports())
    good = sorted(p for p in (corpus / "good").iterdir() if p.suffix == ".txt")
    assert len(good) == 12 and all(str(p) in sources for p in good)
    assert {f"{corpus / 'good' / 'good-dump.jsonl'}#{i}" for i in range(1, 4)} <= sources  # JSONL records are named by line (1-based)
    assert {"broken.jsonl#1", "broken.jsonl#12", "noext", "truncated.warc#0"} <= {Path(s).name for s in sources}
    good_docs = {r.doc for r in reports}
    assert sum(1 for p in good if str(p) in good_docs) >= 10, "the good pages' letters are extracted"


def _page_hashes(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [row[0] for row in conn.execute("select hash from pages")]


@pytest.mark.slow
def test_the_store_stays_consistent(ingested: dict) -> None:
    with sqlite3.connect(ingested["db"]) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("pragma foreign_key_check").fetchall() == []
    with open_store(str(ingested["db"])) as store:
        hashes = set(_page_hashes(ingested["db"]))
        reports = list(store.iter_reports())
        assert all(r.page_hash in hashes for r in reports)
        assert len({r.id for r in reports}) == len(reports)
        event_reports = [r.id for e in store.events() for r in e.reports]
        assert sorted(event_reports) == sorted(r.id for r in reports), "each report in exactly one event"


@pytest.mark.slow
def test_memory_and_time_stay_bounded(ingested: dict) -> None:
    assert ingested["rss_mb"] < MAX_RSS_MB, f"peak RSS {ingested['rss_mb']:.0f} MB"
    assert ingested["secs"] < MAX_WALL_S, f"took {ingested['secs']:.0f} s"
    print(f"hostile corpus: peak RSS {ingested['rss_mb']:.0f} MB, {ingested['secs']:.1f} s")


# -- the per-page time limit ----------------------------------------------------------------


def test_a_page_over_the_time_limit_is_abandoned_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_clean = pipeline.clean.clean_page

    def stalls_on_marked_pages(page: Page):
        if "STALL" in page.text:
            while True:  # a pathological page: pure Python work that never ends
                sum(range(1000))
        return real_clean(page)

    monkeypatch.setattr(pipeline.clean, "clean_page", stalls_on_marked_pages)
    folder = tmp_path / "pages"
    folder.mkdir()
    letter = "Beijing, May {d} -- Xi Jinping sent a congratulatory message to Kim Jong Un on May {d}, 2021.\n"
    for d in range(1, 4):
        (folder / f"ok-{d}.txt").write_text(letter.format(d=d))
    (folder / "stall.txt").write_text("STALL " + letter.format(d=9))
    started = time.monotonic()
    with open_store(str(tmp_path / "s.db")) as store:
        # 3 s: well above a normal page even on a loaded machine (the first page also loads the knowledge files).
        summary = pipeline.ingest_paths([folder], store, Limits(page_timeout_s=3, batch_size=2))
        stored = store.stats()["pages"]
    assert time.monotonic() - started < 30
    assert [(Path(s.source).name, s.stage) for s in summary.skips] == [("stall.txt", "clean")]
    assert "abandoned after 3 s" in summary.skips[0].reason
    assert stored == 4 and summary.reports >= 3


# -- files that vanish or lose permissions while the run iterates -----------------------------

MID_RUN = textwrap.dedent(
    """
    import os, sys
    from missive.jobs import pipeline
    from missive.store import open_store
    folder, db = sys.argv[1], sys.argv[2]
    real = pipeline.ingest.read_pages

    def sabotaged(paths, limits):
        for i, item in enumerate(real(paths, limits=limits)):
            yield item
            if i == 0:  # after the first page: the rest are already listed, not yet opened
                os.remove(os.path.join(folder, "b-vanishes.txt"))
                os.chmod(os.path.join(folder, "c-locked.txt"), 0)
                os.chmod(os.path.join(folder, "d-locked-dir"), 0)

    pipeline.ingest.read_pages = sabotaged
    if os.geteuid() == 0:
        # Root reads files whatever their mode: make open and scandir honour the mode bits,
        # raising exactly what an ordinary user would get.
        import builtins
        from missive.ingest import reader

        def deny_if_locked(path):
            if os.stat(path).st_mode & 0o444 == 0:
                raise PermissionError(13, "Permission denied", str(path))

        def guarded(real):
            def call(path, *args, **kwargs):
                deny_if_locked(path)
                return real(path, *args, **kwargs)
            return call

        reader.open = guarded(builtins.open)
        os.scandir = guarded(os.scandir)
    with open_store(db) as store:
        s = pipeline.ingest_paths([folder], store)
        print(store.stats()["pages"])
    for skip in s.skips:
        print(os.path.basename(skip.source), "|", skip.reason)
    """
)


def test_files_that_vanish_or_lock_mid_run_are_skipped_with_reasons() -> None:
    work = Path(tempfile.mkdtemp(prefix="midrun-"))
    try:
        os.chmod(work, 0o777)
        folder = work / "pages"
        (folder / "d-locked-dir").mkdir(parents=True)
        letter = "Xi Jinping sent a message of greetings to Kim Jong Un on May {d}, 2021.\n"
        for i, name in enumerate(["a-first.txt", "b-vanishes.txt", "c-locked.txt", "d-locked-dir/inner.txt", "e-last.txt"]):
            (folder / name).write_text(letter.format(d=i + 1))
        for path in [folder, *folder.rglob("*")]:
            os.chmod(path, 0o777 if path.is_dir() else 0o666)
        done = subprocess.run(
            [sys.executable, "-c", MID_RUN, str(folder), str(work / "s.db")],
            capture_output=True, text=True, timeout=120, cwd=str(work),
        )  # fmt: skip
        assert done.returncode == 0, done.stderr[-2000:]
        lines = done.stdout.strip().splitlines()
        assert lines[0] == "2", "a-first and e-last are stored"
        reasons = dict(line.split(" | ", 1) for line in lines[1:])
        assert re.search("vanished|no such file", reasons["b-vanishes.txt"])
        assert "permission denied" in reasons["c-locked.txt"]
        assert "permission denied" in reasons["d-locked-dir"]
    finally:
        for path in [work, *work.rglob("*")]:
            os.chmod(path, 0o777)
        subprocess.run(["rm", "-rf", str(work)], check=False)
