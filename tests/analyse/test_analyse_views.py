"""The read-only views over a real SQLite store filled with the desk's own record."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
import desk_corpus  # noqa: E402

from missive.analyse import (  # noqa: E402
    actor_profile,
    count_events,
    export_events,
    export_records,
    export_reports,
    list_actors,
    readout_differences,
    timeline,
)
from missive.errors import InputError, NotFoundError  # noqa: E402
from missive.store import Query, open_store  # noqa: E402


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("analyse") / "desk.db"
    desk_corpus.build(path)
    with open_store(str(path)) as opened:
        yield opened


def test_counts_per_type_year_and_pair(store):
    assert [(r.key, r.count) for r in count_events(store, "year")] == [
        (("2018",), 1), (("2021",), 2), (("2022",), 1), (("2023",), 1)]
    assert {r.key[0]: r.count for r in count_events(store, "type", Query(party="kim-jong-un"))}["thanks"] == 1
    pairs = count_events(store, "pair", Query(type="congratulatory"))
    assert [(r.key, r.label) for r in pairs] == [(("kim-jong-un", "xi-jinping"), "Kim Jong Un → Xi Jinping")]
    with pytest.raises(InputError):
        count_events(store, "colour")


def test_timeline_groups_both_directions_of_a_pair(store):
    tl = timeline(store)
    assert tl.years == (2018, 2019, 2020, 2021, 2022, 2023)
    row = next(r for r in tl.rows if r.pair == ("kim-jong-un", "xi-jinping"))
    assert row.total == 2 and row.per_year == {2021: {"congratulatory": 1, "thanks": 1}}
    assert tl.rows[0] is row  # busiest pair first
    assert tl.types[0] == "congratulatory"  # GUIDELINES order


def test_actor_profile_counts_each_side(store):
    p = actor_profile(store, "kim-jong-un")
    assert p.name == "Kim Jong Un"
    assert {c.key: (c.sent, c.received) for c in p.correspondents}["xi-jinping"] == (1, 1)
    assert [(y.year, y.sent, y.received) for y in p.per_year] == [
        (2018, 0, 1), (2021, 1, 1), (2022, 0, 1), (2023, 0, 1)]
    with pytest.raises(NotFoundError):
        actor_profile(store, "nobody-we-know")


def test_list_actors_filters_by_name(store):
    assert [a.id for a in list_actors(store, "putin")] == ["vladimir-putin"]
    assert list_actors(store)[0].id == "kim-jong-un"


def test_readout_differences_name_what_one_report_alone_states(store):
    ev = store.event("ev-kim-xi-2021")
    diffs = readout_differences(ev)
    fields = sorted(d.field for ds in diffs.values() for d in ds)
    assert fields == ["anniversary", "occasion_of"]
    assert readout_differences(store.event("ev-putin-kim-2022")) == {ev2.id: () for ev2 in store.event("ev-putin-kim-2022").reports}


def test_export_jsonl_csv_parquet_agree(store, tmp_path):
    buf = io.BytesIO()
    assert export_events(store, "jsonl", buf) == 5
    rows = [json.loads(line) for line in buf.getvalue().decode().splitlines()]
    assert [r["id"] for r in rows][:2] == ["ev-moon-kim-2018", "ev-kim-xi-2021"]
    text = io.StringIO()
    assert export_records(store, "reports", "csv", text) == 6
    reports = list(csv.DictReader(io.StringIO(text.getvalue())))
    assert {r["outlet"] for r in reports} >= {"Example Daily", "Example Wire"}
    out = tmp_path / "reports.parquet"
    assert export_reports(store, "parquet", out, Query(type="letter")) == 1
    table = pq.read_table(out)
    assert table.column("date").to_pylist() == ["2018-09"]
    with pytest.raises(InputError):
        export_events(store, "xml", io.BytesIO())
