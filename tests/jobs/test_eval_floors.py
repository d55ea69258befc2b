"""Quality floors on the real evaluation pages (../shared/eval), end to end
through the command line, exactly as a user or the scorer runs it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

MISSIVE = [sys.executable, "-m", "missive.cli"]

#: Floors measured on the dev pages, minus a small margin for unrelated noise.
MERGE_F1_FLOOR = 0.95


def score(shared_eval: Path, mode: str, gold: str, pred: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(shared_eval / "score.py"), mode, str(shared_eval / gold), str(pred)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def figure(output: str, label: str) -> float:
    match = re.search(rf"{label}:\s*([0-9.]+)", output)
    assert match, f"no {label!r} in scorer output:\n{output}"
    return float(match.group(1))


@pytest.mark.slow
def test_merge_f1_after_ingesting_dev_pages(shared_eval: Path, tmp_path: Path) -> None:
    db = tmp_path / "dev.db"
    ingest = subprocess.run([*MISSIVE, "ingest", str(shared_eval / "dev"), "--db", str(db)],
                            capture_output=True, text=True, timeout=600)
    assert ingest.returncode == 0, ingest.stderr  # the gold .json files beside the pages are ignored, not failed
    events = subprocess.run([*MISSIVE, "events", "--db", str(db), "--format", "jsonl"],
                            capture_output=True, text=True, timeout=120)
    assert events.returncode == 0, events.stderr
    pred = tmp_path / "events.jsonl"
    pred.write_text(events.stdout, encoding="utf-8")
    assert figure(score(shared_eval, "resolve", "dev", pred), "merge F1") >= MERGE_F1_FLOOR
