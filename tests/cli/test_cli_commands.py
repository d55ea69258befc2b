"""The command line as a user meets it: formats, exit codes, per-item reasons."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from missive.cli import cli
from missive.cli.options import EXIT_SKIPPED

from support.corpus import write_corpus

PAGE = """World | Politics | Contact
Putin congratulates Lukashenko on his birthday
MINSK, August 30, 2022 (BelTA) -- Russian President Vladimir Putin sent a congratulatory message to Belarusian President Alexander Lukashenko on August 30, 2022 on the occasion of his 68th birthday.
In the message, the Russian leader wished his colleague good health and success.
Share | Print
"""


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def page(tmp_path: Path) -> Path:
    path = tmp_path / "belta-birthday.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return str(tmp_path / "store.db")


def test_every_command_has_help() -> None:
    for command in cli.commands:
        result = run(command, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output, command


def test_extract_jsonl_follows_the_evaluation_contract(page: Path) -> None:
    result = run("extract", str(page), "--format", "jsonl")
    assert result.exit_code == 0
    line = json.loads(result.stdout.strip())
    assert line["doc"] == str(page)
    assert line["published"] == "2022-08-30"
    (event,) = line["events"]
    assert event["sender"]["name"] == "Vladimir Putin"
    assert event["recipient"]["name"] == "Alexander Lukashenko"
    assert event["type"] == "congratulatory"
    assert event["date"] == "2022-08-30"
    assert event["occasion"]["kind"] == "birthday" and event["occasion"]["anniversary"] == 68
    fields = {ev["field"] for ev in event["evidence"]}
    assert {"sender", "recipient", "type", "date", "occasion"} <= fields
    for ev in event["evidence"]:
        assert ev["text"] in ev["sentence"]


def test_extract_reads_stdin(page: Path) -> None:
    result = run("extract", "-", "--format", "jsonl", input=page.read_text())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["events"], result.output


def test_a_missing_path_is_reported_and_the_rest_goes_on(page: Path, tmp_path: Path) -> None:
    result = run("extract", str(tmp_path / "nowhere.txt"), str(page), "--format", "jsonl")
    assert result.exit_code == EXIT_SKIPPED
    assert "nowhere.txt" in result.stderr and "no such file" in result.stderr
    assert json.loads(result.stdout)["events"]


def test_ingest_then_list_show_and_export(page: Path, db: str, tmp_path: Path) -> None:
    result = run("ingest", str(page), "--db", db)
    assert result.exit_code == 0, result.stderr
    assert "new: 1" in result.stderr and "events: 1" in result.stderr

    table = run("events", "--db", db)
    assert "Vladimir Putin" in table.stdout and "Alexander Lukashenko" in table.stdout

    rows = list(csv.DictReader(io.StringIO(run("reports", "--db", db, "--format", "csv").stdout)))
    assert [r["type"] for r in rows] == ["congratulatory"]

    shown = run("show", rows[0]["id"], "--db", db)
    assert shown.exit_code == 0
    assert "evidence" in shown.stdout and "[Vladimir Putin]" in shown.stdout

    event = json.loads(run("events", "--db", db, "--format", "jsonl").stdout)
    assert event["reports"] == [str(page)]
    assert run("explain", event["id"], "--db", db).exit_code == 0
    assert run("compare", event["id"], "--db", db).exit_code == 0

    out = tmp_path / "events.parquet"
    assert run("export", "--db", db, "--format", "parquet", "-o", str(out)).exit_code == 0
    assert out.stat().st_size > 0


@pytest.mark.parametrize(
    "args",
    [
        ("--sender", "Vladimir Putin"),
        ("--party", "Alexander Lukashenko"),
        ("--type", "congratulatory"),
        ("--occasion", "birthday"),
        ("--since", "2022-08"),
        ("--until", "2022"),
    ],
)
def test_filters_keep_the_matching_event(page: Path, db: str, args: tuple[str, str]) -> None:
    run("ingest", str(page), "--db", db)
    assert "Vladimir Putin" in run("events", "--db", db, *args).stdout


@pytest.mark.parametrize(
    "args", [("--sender", "Xi Jinping"), ("--type", "condolence"), ("--since", "2023"), ("--until", "2022-07")]
)
def test_filters_drop_what_does_not_match(page: Path, db: str, args: tuple[str, str]) -> None:
    run("ingest", str(page), "--db", db)
    assert "(nothing found)" in run("events", "--db", db, *args).stdout


def test_a_bad_date_filter_is_a_usage_error(db: str) -> None:
    result = run("events", "--db", db, "--since", "last week")
    assert result.exit_code == 2 and "YYYY" in result.output


def test_an_unknown_id_exits_5(db: str, page: Path) -> None:
    run("ingest", str(page), "--db", db)
    result = run("show", "no-such-id", "--db", db)
    assert result.exit_code == 5 and "missive:" in result.stderr


def test_merge_and_split_are_stored_and_survive_resolve(tmp_path: Path, db: str) -> None:
    write_corpus(tmp_path / "corpus", pages=9)
    run("ingest", str(tmp_path / "corpus"), "--db", db)
    ids = [r["id"] for r in map(json.loads, run("reports", "--db", db, "--format", "jsonl").stdout.splitlines())]
    assert len(ids) >= 2
    before = len(run("events", "--db", db, "--format", "jsonl").stdout.splitlines())
    assert run("merge", ids[0], ids[1], "--db", db, "--note", "same message").exit_code == 0
    assert run("resolve", "--db", db).exit_code == 0
    after = [json.loads(line) for line in run("events", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert len(after) == before - 1
    assert any({ids[0], ids[1]} <= set(e["report_ids"]) for e in after)
    assert run("split", ids[0], "--db", db).exit_code == 0
    split = [json.loads(line) for line in run("events", "--db", db, "--format", "jsonl").stdout.splitlines()]
    assert any(e["report_ids"] == [ids[0]] for e in split)


def test_merge_refuses_unknown_reports(db: str, page: Path) -> None:
    run("ingest", str(page), "--db", db)
    assert run("merge", "nope1", "nope2", "--db", db).exit_code == 5


def test_db_comes_from_the_environment(page: Path, db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MISSIVE_DB", db)
    assert run("ingest", str(page)).exit_code == 0
    assert Path(db).exists()


def test_an_annotation_file_beside_the_pages_is_ignored_not_a_failure(page: Path, tmp_path: Path) -> None:
    (tmp_path / "belta-birthday.json").write_text(json.dumps({"published": "2022-08-30", "events": []}))
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    assert "ignored" in result.stderr and "not a page dump" in result.stderr
    assert len(result.stdout.splitlines()) == 1
