"""``missive customary`` and ``--pair`` on the command line, over a store we fill ourselves."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
import desk_customary  # noqa: E402

from missive.cli import cli  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("customary-cli") / "c.db"
    desk_customary.build(path)
    return str(path)


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_customary_jsonl_has_a_row_per_year(db):
    result = run("customary", "kim-jong-un", "xi-jinping", "--occasion", "anniversary", "--of", "prc-founding",
                 "--format", "jsonl", "--db", db)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["year"], r["status"], r["lag_days"]) for r in rows] == [(2019, "sent", 0), (2020, "missing", None), (2021, "late", 3)]


def test_customary_csv_names_who_was_first_and_takes_a_year_span(db):
    result = run("customary", "kim-jong-un", "xi-jinping", "--of", "china-dprk-treaty", "--since", "2020", "--until", "2022",
                 "--format", "csv", "--db", db)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [(r["year"], r["status"], r["first"], r["reverse_date"]) for r in rows] == [
        ("2020", "missing", "", ""), ("2021", "sent", "xi-jinping", "2021-07-11"), ("2022", "missing", "", "")]


def test_customary_table_and_bad_input(db):
    table = run("customary", "kim-jong-un", "xi-jinping", "--db", db)
    assert table.exit_code == 0 and "missing" in table.output and "prc-founding" in table.output
    assert run("customary", "kim-jong-un", "xi-jinping", "--occasion", "condolence", "--db", db).exit_code == 2
    assert run("customary", "kim-jong-un", "xi-jinping", "--since", "2022", "--until", "2019", "--db", db).exit_code == 2


def test_events_pair_option_keeps_both_directions(db):
    result = run("events", "--pair", "xi-jinping", "kim-jong-un", "--since", "2021", "--format", "jsonl", "--db", db)
    assert result.exit_code == 0, result.output
    senders = sorted(json.loads(line)["sender"]["name"] if isinstance(json.loads(line)["sender"], dict)
                     else json.loads(line)["sender"] for line in result.output.splitlines())
    assert senders == ["Kim Jong Un", "Kim Jong Un", "Xi Jinping"]
