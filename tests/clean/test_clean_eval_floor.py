"""Quality floors on the shared evaluation pages (skipped where ../shared is absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from missive.clean import clean_page
from missive.model import Page

# Measured when this test was written: dev 32/34 right, dev-zhko 10/10, nothing invented.
FLOORS = {"dev": 0.94, "dev-zhko": 0.95}


def _page(path: Path) -> Page:
    raw = path.read_bytes()
    return Page(source=str(path), raw=raw, text=raw.decode("utf-8"), media_type="text",
                encoding="utf-8", container="txt")


@pytest.mark.parametrize("subset", sorted(FLOORS))
def test_published_accuracy_floor_and_nothing_invented(shared_eval: Path, subset: str) -> None:
    right = total = invented = 0
    for path in sorted((shared_eval / subset).glob("*.txt")):
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8")).get("published")
        doc = clean_page(_page(path))
        if doc.published is not None and doc.published.span is not None:
            span = doc.published.span
            assert doc.text[span.start:span.end] == span.text, path.name
        pred = doc.published.date.iso() if doc.published else None
        if gold:
            total += 1
            right += pred == gold
        elif pred:
            invented += 1
    assert total and right / total >= FLOORS[subset], f"{subset}: {right}/{total}"
    assert invented == 0, f"{subset}: {invented} dates invented where the gold has none"
