"""Recall first: every shared evaluation page that holds a gold event passes the screen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from missive.model import Page
from missive.screen import screen_page


def _eval_pages(root: Path) -> list[tuple[Path, bool]]:
    pages = []
    for folder in ("dev", "dev-zhko"):
        for gold in sorted((root / folder).glob("*.json")):
            text_file = gold.with_suffix(".txt")
            if text_file.exists():
                has_event = bool(json.loads(gold.read_text(encoding="utf-8")).get("events"))
                pages.append((text_file, has_event))
    return pages


def test_no_page_with_a_gold_event_is_screened_out(shared_eval: Path) -> None:
    pages = _eval_pages(shared_eval)
    if not pages:
        pytest.skip("no evaluation pages found")
    missed = []
    for path, has_event in pages:
        if not has_event:
            continue
        raw = path.read_bytes()
        text = raw.decode("utf-8", errors="replace")
        media = "html" if text.lstrip()[:1] == "<" else "text"
        page = Page(source=str(path), raw=raw, text=text, media_type=media, encoding="utf-8", container="txt")
        reason = screen_page(page)
        if reason:
            missed.append(f"{path.name}: {reason}")
    assert missed == []
