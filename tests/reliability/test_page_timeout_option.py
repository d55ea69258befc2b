"""``--page-timeout SECONDS`` on ``missive ingest`` and ``missive extract``: a page slower than the
limit becomes a skip with the reason, and the run goes on with the next page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from missive.cli import cli
from missive.cli.options import EXIT_SKIPPED
from missive.jobs.pipeline import process_page
from missive.model import Page
from missive.store import open_store

SENTENCE = "Pyongyang, May 3 (KCNA) -- Kim Jong Un sent a message of greetings to Xi Jinping on his birthday.\n"
LIMIT = "0.3"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A page that takes seconds (read first) and a short one (read second)."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "a-long.txt").write_text(SENTENCE * 30_000, encoding="utf-8")
    (tmp_path / "pages" / "b-short.txt").write_text(SENTENCE, encoding="utf-8")
    # Warm the caches (data files, patterns) in this process, so the short page is fast under the limit.
    process_page(Page(source="warm.txt", raw=SENTENCE.encode(), text=SENTENCE, media_type="text", encoding="utf-8", container="txt"))
    return tmp_path / "pages"


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_extract_abandons_the_slow_page_and_goes_on(folder: Path) -> None:
    result = run("extract", str(folder), "--page-timeout", LIMIT)
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert f"abandoned after {LIMIT} s" in result.stderr
    events = {Path(row["doc"]).name: len(row["events"]) for row in map(json.loads, result.stdout.splitlines())}
    assert events == {"a-long.txt": 0, "b-short.txt": 1}, events  # each page keeps its line; the slow one has none


def test_ingest_abandons_the_slow_page_and_stores_the_rest(folder: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "store.db")
    result = run("ingest", str(folder), "--db", db, "--page-timeout", LIMIT)
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert f"abandoned after {LIMIT} s" in result.stderr
    with open_store(db) as store:
        assert store.stats()["pages"] >= 1
        assert [r.sender.name for r in store.iter_reports()] == ["Kim Jong Un"]


@pytest.mark.parametrize("bad", ["0", "-1", "soon"])
def test_a_limit_that_is_not_a_positive_number_is_refused(folder: Path, bad: str) -> None:
    result = run("extract", str(folder), "--page-timeout", bad)
    assert result.exit_code == 2
    assert "--page-timeout" in result.output
