"""The bundled example corpus and its gold readings: complete, well-formed, our own text.

These are specifications of examples/: every page has a gold reading in the
format of GUIDELINES.md, the gold scores 1.0 against itself with the shared
scorer, and no page reuses a sentence of the evaluation pages.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pytest

from missive.model import MESSAGE_TYPES, OCCASION_KINDS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CORPUS = EXAMPLES / "corpus"
GOLD = EXAMPLES / "gold"
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def letters(name: str) -> str:
    """Lowercase a-z only, as the shared scorer compares names."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", text.lower())


def jsonl_records() -> list[dict]:
    """Every record of every JSONL dump in the corpus."""
    return [
        json.loads(line)
        for path in sorted(CORPUS.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def page_names() -> dict[str, str]:
    """Scorer name -> what the project prints as ``doc`` for that page."""
    names = {p.stem: p.name for p in CORPUS.iterdir() if p.suffix != ".jsonl"}
    for record in jsonl_records():
        segment = urlparse(record["url"]).path.rstrip("/").rsplit("/", 1)[-1]
        names[segment.rsplit(".", 1)[0]] = record["url"]
    return names


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.json"))


def test_every_page_has_exactly_one_gold_reading():
    assert len(page_names()) >= 26
    assert sorted(page_names()) == [p.stem for p in gold_files()]


def test_gold_lives_outside_the_corpus_folder():
    assert not list(CORPUS.rglob("*.json"))


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.stem)
def test_gold_follows_the_schema(path: Path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert set(gold) == {"source", "lang", "published", "events"}
    assert gold["lang"] in {"en", "zh", "ko"}
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
        assert type(event["reply"]) is bool
        if event["reply"]:
            assert occasion["kind"] in {"thanks", "other", "none"}
        one = (event["sender"]["key"], event["recipient"]["key"], event["type"], event["date"])
        assert one not in seen, "an event counts once per page"
        seen.add(one)


def test_jsonl_records_carry_the_dump_fields():
    records = jsonl_records()
    assert len(records) >= 3
    for record in records:
        assert set(record) <= {"url", "text", "html", "title", "published"}
        assert record["url"].startswith("https://") and record["title"]
        assert record.get("text") or record.get("html")
        assert DATE.fullmatch(record["published"])


def test_the_legacy_encoded_page_is_not_utf8():
    raw = (CORPUS / "ko-yonhap-xi-dprk75.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert "축전" in raw.decode("euc-kr") and b"charset=euc-kr" in raw


def _pred_from_gold() -> list[dict]:
    names = page_names()
    rows = []
    for path in gold_files():
        gold = json.loads(path.read_text(encoding="utf-8"))
        events = [
            {**e, "sender": {"name": e["sender"]["name"], "kind": "person"},
             "recipient": {"name": e["recipient"]["name"], "kind": "person"}}
            for e in gold["events"]
        ]
        rows.append({"doc": names[path.stem], "published": gold["published"], "events": events})
    return rows


def _score(shared_eval: Path, what: str, rows: list[dict], tmp_path: Path) -> str:
    pred = tmp_path / f"{what}.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(shared_eval / "score.py"), what, str(GOLD), str(pred)],
        capture_output=True, text=True, check=True,
    )
    return done.stdout


def test_gold_scores_perfectly_against_itself(shared_eval, tmp_path):
    out = _score(shared_eval, "extract", _pred_from_gold(), tmp_path)
    assert "event F1: 1.000" in out, out
    assert re.search(r"published accuracy: 1\.000 .*invented where none: 0", out), out


def test_reports_of_one_event_merge_across_outlets(shared_eval, tmp_path):
    clusters: dict[tuple, dict] = {}
    for row in _pred_from_gold():
        for e in row["events"]:
            key = (letters(e["sender"]["name"]), letters(e["recipient"]["name"]), e["date"])
            merged = clusters.setdefault(key, {**e, "reports": []})
            merged["reports"].append(row["doc"])
    multi = [c for c in clusters.values() if len(c["reports"]) > 1]
    assert len(multi) >= 4 and max(len(c["reports"]) for c in multi) >= 4
    out = _score(shared_eval, "resolve", list(clusters.values()), tmp_path)
    assert "merge F1: 1.000" in out, out


def _sentences(text: str) -> set[str]:
    """Sentences long enough to be article prose (short ones are shared site boilerplate)."""
    return {s.strip() for s in re.split(r"(?<=[.!?。])\s+|\n", text) if len(s.strip()) >= 50}


def test_no_sentence_is_copied_from_the_eval_pages(shared_eval):
    theirs = set()
    for path in shared_eval.rglob("*.txt"):
        theirs |= _sentences(path.read_text(encoding="utf-8", errors="replace"))
    for path in sorted(CORPUS.iterdir()):
        raw = path.read_bytes()
        text = raw.decode("euc-kr") if b"charset=euc-kr" in raw else raw.decode("utf-8")
        copied = _sentences(text) & theirs
        assert not copied, (path.name, sorted(copied)[:3])
