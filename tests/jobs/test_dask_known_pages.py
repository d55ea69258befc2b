"""Pages the store already holds are only read by Dask workers, never cleaned, extracted or sent back whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from missive import ingest
from missive.jobs import dask_executor, ingest_paths
from missive.jobs.dask_executor import KnownPage, Shard, ingest_paths_dask, run_shard
from missive.model import Page
from missive.store import open_store


def _dump(path: Path, count: int) -> str:
    lines = [json.dumps({"url": f"https://news.example/known-{i}",
                         "text": f"Item {i}\nPresident Xi Jinping sent a message of greetings to "
                                 f"General Secretary Kim Jong Un on May {1 + i}, 2020."})
             for i in range(count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_run_shard_returns_only_the_hash_of_a_known_page(tmp_path: Path) -> None:
    dump = _dump(tmp_path / "dump.jsonl", 4)
    hashes = [p.hash for p in ingest.read_pages([dump]) if isinstance(p, Page)]
    result = run_shard(Shard((dump,)), known=frozenset(hashes[:2]))
    assert result.items[:2] == (KnownPage(hashes[0]), KnownPage(hashes[1]))
    assert [type(item).__name__ for item in result.items[2:]] == ["PageRows", "PageRows"]


def test_store_lists_its_page_hashes(tmp_path: Path) -> None:
    dump = _dump(tmp_path / "dump.jsonl", 3)
    with open_store(str(tmp_path / "s.db")) as store:
        assert store.page_hashes() == set()
        ingest_paths([dump], store)
        assert store.page_hashes() == {p.hash for p in ingest.read_pages([dump]) if isinstance(p, Page)}


@pytest.mark.slow
def test_a_second_dask_run_counts_every_page_known(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dump = _dump(tmp_path / "dump.jsonl", 12)
    monkeypatch.setattr(dask_executor, "SPLIT_BYTES", 600)  # several shards
    with open_store(str(tmp_path / "s.db")) as store:
        first = ingest_paths([dump], store)
        stats = store.stats()
        again = ingest_paths_dask([dump], store, workers=1)
        assert store.stats() == stats
    assert (again.read, again.known, again.new, again.reports) == (first.read, first.read, 0, 0)
