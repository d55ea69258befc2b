"""Sharding the input for Dask: every page is read once, with the name a whole-file read gives it."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive import ingest
from missive.errors import InputError
from missive.jobs import dask_executor
from missive.jobs.dask_executor import Shard, plan_shards, run_shard
from missive.model import Skip
from missive.settings import Limits


def _names(items) -> list[tuple[str, str]]:
    return [(type(x).__name__, x.source) for x in items]


def _write_jsonl(path: Path, sizes: list[int], seed: int) -> None:
    rng = random.Random(seed)
    lines = []
    for i, size in enumerate(sizes):
        kind = rng.random()
        if kind < 0.05:
            lines.append("")  # a blank line
        elif kind < 0.1:
            lines.append("{broken")
        else:
            lines.append(json.dumps({"url": f"https://example.org/{i}", "text": "word " * max(size, 1)}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@settings(max_examples=25, deadline=None)
@given(sizes=st.lists(st.integers(0, 120), min_size=1, max_size=80), split=st.integers(50, 3000), seed=st.integers(0, 99))
def test_byte_ranges_read_the_same_records_as_the_whole_file(tmp_path_factory, sizes, split, seed) -> None:
    path = tmp_path_factory.mktemp("jsonl") / "dump.jsonl"
    _write_jsonl(path, sizes, seed)
    whole = _names(ingest.read_pages([str(path)]))
    shards = list(plan_shards([str(path)], split_bytes=split))
    assert all(isinstance(s, Shard) for s in shards)
    in_parts = [(type(x).__name__, x.source) for s in shards for x in dask_executor._read_shard(s, Limits())]
    assert in_parts == whole


def test_small_files_are_grouped_and_dumps_stand_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_executor, "SHARD_FILES", 3)
    for i in range(7):
        (tmp_path / f"p{i}.txt").write_text(f"page {i}", encoding="utf-8")
    (tmp_path / "q.jsonl").write_text(json.dumps({"url": "u", "text": "t"}) + "\n", encoding="utf-8")
    shards = list(plan_shards([str(tmp_path), str(tmp_path / "missing.txt")]))
    kinds = [len(s.paths) if isinstance(s, Shard) else "skip" for s in shards]
    # Sorted order: p0..p6 then q.jsonl; the dump closes the running group.
    assert kinds == [3, 3, 1, 1, "skip"]
    assert shards[3].paths == (str(tmp_path / "q.jsonl"),)
    assert isinstance(shards[-1], Skip)


def test_stdin_cannot_be_sharded() -> None:
    with pytest.raises(InputError, match="standard input"):
        list(plan_shards(["-"]))


def test_a_shard_task_screens_pages(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The harbour fence was repainted.", encoding="utf-8")
    result = run_shard(Shard((str(tmp_path / "a.txt"),)))
    (item,) = result.items
    assert item.screened == "no correspondence cue" and item.skip is None
    assert len(item.rows.pages) == 1 and not item.rows.documents and not item.rows.reports


def test_a_dump_under_the_split_size_is_still_shared_among_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_executor, "MIN_SPLIT_BYTES", 1000)
    path = tmp_path / "dump.jsonl"
    _write_jsonl(path, [40] * 200, seed=5)  # ~50 kB, far under SPLIT_BYTES
    assert path.stat().st_size < dask_executor.SPLIT_BYTES
    assert len(list(plan_shards([str(path)]))) == 1
    ranges = list(plan_shards([str(path)], min_ranges=8))
    assert 8 <= len(ranges) <= 9
    in_parts = [x.source for s in ranges for x in dask_executor._read_shard(s, Limits())]
    assert in_parts == [x.source for x in ingest.read_pages([str(path)])]


def test_ranges_are_never_cut_smaller_than_the_floor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_executor, "MIN_SPLIT_BYTES", 20_000)
    path = tmp_path / "dump.jsonl"
    _write_jsonl(path, [40] * 200, seed=5)
    ranges = list(plan_shards([str(path)], min_ranges=64))
    assert 1 < len(ranges) < 64
    assert all(r.end - r.start >= 20_000 for r in ranges[:-1])
