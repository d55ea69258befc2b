"""examples/make_archive.py: the corpus as a WARC reads back as the same pages, under gold names."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from missive.ingest.reader import read_file
from missive.model import Page

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _load_make_archive():
    spec = importlib.util.spec_from_file_location("make_archive", EXAMPLES / "make_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_archive_round_trips_every_single_page(tmp_path):
    make_archive = _load_make_archive()
    out = tmp_path / "corpus.warc.gz"
    count = make_archive.write_archive(out)
    read = list(read_file(str(out)))
    assert all(isinstance(p, Page) for p in read)
    assert count == len(read) == len(make_archive.pages())
    by_name = {p.url.rsplit("/", 1)[-1]: p for p in read}
    for path in make_archive.pages():
        page = by_name[path.name]
        assert page.raw == path.read_bytes()
        assert (EXAMPLES / "gold" / f"{path.stem}.json").is_file()
        assert page.published_hint is None, "a fetch date is never a publication date"
    assert "축전" in by_name["ko-yonhap-xi-dprk75.html"].text


def test_archive_is_reproducible(tmp_path):
    make_archive = _load_make_archive()
    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    make_archive.write_archive(first)
    make_archive.write_archive(second)
    assert first.read_bytes() == second.read_bytes()
