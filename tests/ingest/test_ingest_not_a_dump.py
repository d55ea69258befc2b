"""A JSON file that holds no page (an annotation file beside the pages) is ignored, not failed."""

from __future__ import annotations

import json
from pathlib import Path

from missive.ingest import read_pages
from missive.model import Page, Skip


def test_a_lone_object_without_page_fields_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text(json.dumps({"published": "2021-01-01", "events": []}))
    (tmp_path / "page.txt").write_text("A page on disk.", encoding="utf-8")
    items = list(read_pages([str(tmp_path)]))
    (ignored,) = [i for i in items if isinstance(i, Skip)]
    assert ignored.ignored and "not a page dump" in ignored.reason
    assert [i.source for i in items if isinstance(i, Page)] == [str(tmp_path / "page.txt")]


def test_a_page_record_without_text_is_still_a_real_skip(tmp_path: Path) -> None:
    (tmp_path / "dump.json").write_text(json.dumps({"url": "https://example.org/a", "title": "T"}))
    (item,) = list(read_pages([str(tmp_path / "dump.json")]))
    assert isinstance(item, Skip) and not item.ignored


def test_a_list_of_objects_without_page_fields_is_a_real_skip(tmp_path: Path) -> None:
    # A list is a dump by shape: records in it that lack text are broken records, not annotations.
    (tmp_path / "dump.json").write_text(json.dumps([{"published": "2021"}]))
    (item,) = list(read_pages([str(tmp_path / "dump.json")]))
    assert isinstance(item, Skip) and not item.ignored
