"""Ingesting with two Dask workers leaves the same store as a single-process run."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from missive import ingest
from missive.codec import to_dict
from missive.errors import NotFoundError
from missive.model import Page
from missive.jobs import ingest_paths
from missive.jobs import dask_executor
from missive.jobs.dask_executor import ingest_paths_dask
from missive.store import open_store
from support.corpus import write_corpus

LEADERS = [("Kim Jong Un", "General Secretary"), ("Xi Jinping", "President"), ("Vladimir Putin", "President")]


def _jsonl_records(count: int) -> list[str]:
    """Records of a crawl dump: some relevant, some noise, one broken line, one repeated page."""
    lines = []
    for i in range(count):
        sender, s_title = LEADERS[i % 3]
        recipient, r_title = LEADERS[(i + 1) % 3]
        if i % 4 == 0:
            text = f"Local council repaints the harbour fence, item {i}.\nWork starts next spring."
        else:
            text = (f"Leaders exchange messages, item {i}\n"
                    f"{s_title} {sender} sent a message of greetings to {r_title} {recipient} "
                    f"on March {1 + i % 27}, 2019, wishing the people of his country happiness.")
        lines.append(json.dumps({"url": f"https://news.example/item-{i}", "text": text, "published": "2019-03-28"}))
    lines.insert(7, "{not json")
    lines.append(lines[3])  # the same page twice: stored once
    return lines


def _corpus(root: Path) -> list[str]:
    write_corpus(root / "pages", pages=24, seed=3)
    (root / "dump.jsonl").write_text("\n".join(_jsonl_records(60)) + "\n", encoding="utf-8")
    html = ("<html><head><title>Greetings</title></head><body><article><p>President Xi Jinping sent a "
            "congratulatory message to Kim Jong Un on September 9, 2021.</p></article></body></html>")
    (root / "page.html").write_text(html, encoding="utf-8")
    return [str(root / "pages"), str(root / "dump.jsonl"), str(root / "page.html")]


def _snapshot(store, paths: list[str]) -> dict:
    """Everything a run leaves in the store, in a stable order, without timestamps."""
    hashes = sorted({p.hash for p in ingest.read_pages(paths) if isinstance(p, Page)})
    pages, documents = [], []
    for h in hashes:
        stored = dataclasses.asdict(store.page(h))
        stored.pop("ingested_at")
        pages.append(stored)
        try:
            documents.append(to_dict(store.document(h)))
        except NotFoundError:
            documents.append(None)
    return {
        "known": sorted(store.known_pages(hashes)),
        "pages": pages,
        "documents": documents,
        "reports": sorted((to_dict(r) for r in store.reports()), key=lambda d: json.dumps(d, sort_keys=True)),
        "events": sorted((to_dict(e) for e in store.events()), key=lambda d: json.dumps(d, sort_keys=True)),
        "skips": sorted((s.source, s.stage, s.reason) for s in store.skips()),
    }


@pytest.mark.slow
def test_two_workers_leave_the_same_store_as_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _corpus(tmp_path)
    # Small ranges so the JSONL dump is split across tasks, as a large one would be.
    monkeypatch.setattr(dask_executor, "SPLIT_BYTES", 2000)
    assert len(list(dask_executor.plan_shards(paths))) > 4

    with open_store(str(tmp_path / "single.db")) as store:
        single = ingest_paths(paths, store)
        expected = _snapshot(store, paths)
    seen: list[int] = []
    with open_store(str(tmp_path / "dask.db")) as store:
        parallel = ingest_paths_dask(paths, store, workers=2, on_progress=lambda s: seen.append(s.read))
        actual = _snapshot(store, paths)

    assert expected["reports"], "the corpus should yield reports, or the comparison proves little"
    assert actual == expected
    for name in ("read", "new", "known", "screened", "reports", "events", "skipped"):
        assert getattr(parallel, name) == getattr(single, name), name
    assert seen and seen == sorted(seen) and seen[-1] == parallel.read
