"""The team's own English corpus: well-formed gold, our own text, and a floor on extraction.

tests/corpus_en/pages holds English pages written by the team in the styles of
real crawls (KCNA, Xinhua, Kremlin, Yonhap, VNA, wires, blogs, aggregators),
and tests/corpus_en/gold their reading under the shared GUIDELINES.md. The
extractor was never tuned on them, so the score here measures how it
generalises to other outlets, years and leader pairs.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from missive.model import MESSAGE_TYPES, OCCASION_KINDS

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
GOLD = HERE / "gold"
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

# Event F1 of `missive extract` on these 56 pages when the floor was set: 0.567
# (precision 0.635, recall 0.513). The floor is that figure minus 0.03: raise it
# as the extractor improves.
F1_FLOOR = 0.537


def letters(name: str) -> str:
    """Lowercase a-z only, as the shared scorer compares names."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", text.lower())


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def page_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_every_page_has_exactly_one_gold_reading():
    pages = sorted(p.stem for p in PAGES.iterdir())
    assert len(pages) >= 45
    assert pages == [p.stem for p in gold_files()]


def test_the_corpus_mixes_event_pages_and_look_alikes():
    golds = [load(p) for p in gold_files()]
    empty = [g for g in golds if not g["events"]]
    assert len(empty) >= 12, "pages that only look like they hold an event"
    kinds = {e["type"] for g in golds for e in g["events"]}
    assert kinds >= {"congratulatory", "greetings", "verbal", "letter", "condolence", "call", "message"}
    years = {e["date"][:4] for g in golds for e in g["events"] if e["date"]}
    assert min(years) <= "2012" and max(years) >= "2025"
    assert any(e["reply"] for g in golds for e in g["events"])


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_follows_the_schema(path: Path):
    gold = load(path)
    text = page_text(PAGES / next(p.name for p in PAGES.iterdir() if p.stem == path.stem))
    assert set(gold) == {"source", "lang", "published", "events"}
    assert gold["lang"] == "en"
    published = gold["published"]
    assert published is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", published)
    seen = set()
    for event in gold["events"]:
        assert set(event) == {"sender", "recipient", "type", "date", "occasion", "reply"}
        for side in ("sender", "recipient"):
            actor = event[side]
            assert set(actor) == {"name", "key"}
            assert re.fullmatch(r"[a-z]+", actor["key"]), actor
            assert actor["key"] in letters(actor["name"]), actor
            # The person must be named on the page itself (any spelling with the key in it).
            assert actor["key"] in letters(text), (actor, "not on the page")
        assert event["sender"]["key"] != event["recipient"]["key"]
        assert event["type"] in MESSAGE_TYPES
        assert event["date"] is None or DATE.fullmatch(event["date"])
        if event["date"] and published:
            assert event["date"] <= published, "a message cannot postdate its report"
        occasion = event["occasion"]
        assert set(occasion) == {"kind", "anniversary", "of"}
        assert occasion["kind"] in OCCASION_KINDS
        assert occasion["anniversary"] is None or (
            type(occasion["anniversary"]) is int and occasion["anniversary"] > 0
        )
        if occasion["anniversary"] is not None:
            assert f"{occasion['anniversary']}" in text, "an anniversary number comes from the page"
        assert type(event["reply"]) is bool
        if event["reply"]:
            assert occasion["kind"] in {"thanks", "other", "none"}
        one = (event["sender"]["key"], event["recipient"]["key"], event["type"], event["date"])
        assert one not in seen, "an event counts once per page"
        seen.add(one)


def _score(shared_eval: Path, rows: list[dict]) -> tuple[float, str]:
    """Event F1 and the scorer's printout for prediction rows, with the shared score.py."""
    spec = importlib.util.spec_from_file_location("eval_score", shared_eval / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        f1 = score.score_extract(score.load_gold(GOLD), rows, True)
    return f1, out.getvalue()


def test_gold_scores_perfectly_against_itself(shared_eval):
    rows = []
    for path in gold_files():
        gold = load(path)
        events = [
            {**e, "sender": {"name": e["sender"]["name"], "kind": "person"},
             "recipient": {"name": e["recipient"]["name"], "kind": "person"}}
            for e in gold["events"]
        ]
        rows.append({"doc": path.stem + ".txt", "published": gold["published"], "events": events})
    f1, out = _score(shared_eval, rows)
    assert f1 == 1.0, out
    assert re.search(r"published accuracy: 1\.000 .*invented where none: 0", out), out


def _sentences(text: str) -> set[str]:
    """Sentences long enough to be article prose (short ones are shared site boilerplate)."""
    return {s.strip() for s in re.split(r"(?<=[.!?。])\s+|\n", text) if len(s.strip()) >= 50}


def test_no_sentence_is_copied_from_the_eval_pages(shared_eval):
    theirs = set()
    for path in shared_eval.rglob("*.txt"):
        theirs |= _sentences(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(PAGES.iterdir()):
        copied = _sentences(page_text(path)) & theirs
        assert not copied, (path.name, sorted(copied)[:3])


def test_extraction_keeps_its_event_f1_on_unseen_pages(shared_eval):
    done = subprocess.run(
        [sys.executable, "-c", "from missive.cli import main; main()",
         "extract", str(PAGES), "--format", "jsonl"],
        capture_output=True, text=True, check=True, timeout=300,
    )
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(rows) == len(gold_files())
    f1, out = _score(shared_eval, rows)
    assert f1 >= F1_FLOOR, out
