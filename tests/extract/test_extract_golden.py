"""Short pages written for these tests, with their expected reports as JSON, compared exactly.

Regenerate after a deliberate change with ``MISSIVE_UPDATE_GOLDEN=1 pytest tests/extract``,
then read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from missive.codec import to_dict
from missive.extract import extract_reports
from missive.model import Document, content_hash

GOLDEN = Path(__file__).parent / "golden"
PAGES = sorted(GOLDEN.glob("*.txt"))


def _reports(path: Path) -> list[dict]:
    raw = path.read_bytes()
    doc = Document(page_hash=content_hash(raw), source=path.name, text=raw.decode("utf-8"), language="en")
    return [to_dict(r) for r in extract_reports(doc)]


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_golden(page: Path) -> None:
    expected_path = page.with_suffix(".json")
    got = _reports(page)
    if os.environ.get("MISSIVE_UPDATE_GOLDEN"):
        expected_path.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))
