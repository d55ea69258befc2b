"""Extraction and merge quality on every annotated set, in one table.

    .venv/bin/python bench/extraction_quality.py

Runs ``missive extract`` over each set of pages and scores it with the
evaluation's own scorer (``../shared/eval/score.py``); then ingests the dev
pages into a fresh store and scores the merged events (``resolve``). Sets:
the real dev pages (English; Chinese and Korean) kept outside the repo, and
the team's own annotated corpora in the repo. Which of these the extractor was
tuned on is said in docs/extraction.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
MISSIVE = [sys.executable, "-m", "missive.cli"]
SETS = {
    "dev (real, en)": (EVAL / "dev", EVAL / "dev"),
    "dev-zhko (real, zh/ko)": (EVAL / "dev-zhko", EVAL / "dev-zhko"),
    "examples (team, en/zh/ko)": (REPO / "examples" / "corpus", REPO / "examples" / "gold"),
    "corpus_en (team, en)": (REPO / "tests" / "corpus_en" / "pages", REPO / "tests" / "corpus_en" / "gold"),
    "corpus_en2 (team, tuned on, en)": (REPO / "tests" / "corpus_en2" / "pages", REPO / "tests" / "corpus_en2" / "gold"),
    "corpus_en3 (team, blind: measured only, en)": (REPO / "tests" / "corpus_en3" / "pages", REPO / "tests" / "corpus_en3" / "gold"),
    "corpus_en4 (team, blind, en)": (REPO / "tests" / "corpus_en4" / "pages", REPO / "tests" / "corpus_en4" / "gold"),
    "corpus_zhko (team)": (REPO / "tests" / "corpus_zhko" / "pages", REPO / "tests" / "corpus_zhko" / "gold"),
    "corpus_zhko2 (team)": (REPO / "tests" / "corpus_zhko2" / "pages", REPO / "tests" / "corpus_zhko2" / "gold"),
}
FIGURES = ("event F1", "event precision", "recall", "type accuracy", "date accuracy",
           "occasion accuracy", "anniversary accuracy", "reply accuracy", "published accuracy")


def figures(output: str) -> dict[str, str]:
    """The scorer's printed figures by label."""
    return {label: m.group(1) for label in FIGURES if (m := re.search(rf"{label}:\s*([0-9.]+)", output))}


def score(mode: str, gold: Path, pred: Path) -> str:
    return subprocess.run([sys.executable, str(EVAL / "score.py"), mode, str(gold), str(pred)],
                          capture_output=True, text=True, check=True).stdout


def main() -> None:
    if not EVAL.is_dir():
        sys.exit(f"{EVAL} is missing: the scorer and the real pages live there")
    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        for name, (pages, gold) in SETS.items():
            pred = Path(tmp) / "pred.jsonl"
            with pred.open("w") as out:
                subprocess.run([*MISSIVE, "extract", str(pages), "--format", "jsonl"], stdout=out,
                               stderr=subprocess.DEVNULL, check=False)
            rows.append((name, figures(score("extract", gold, pred))))
        cols = ("event F1", "event precision", "recall", "type accuracy", "date accuracy",
                "occasion accuracy", "published accuracy")
        print("| set | " + " | ".join(c.replace(" accuracy", "") for c in cols) + " |")
        print("|---" * (len(cols) + 1) + "|")
        for name, figs in rows:
            print(f"| {name} | " + " | ".join(figs.get(c, "-") for c in cols) + " |")

        db, events = Path(tmp) / "dev.db", Path(tmp) / "events.jsonl"
        subprocess.run([*MISSIVE, "ingest", str(EVAL / "dev"), "--db", str(db)], capture_output=True, check=False)
        with events.open("w") as out:
            subprocess.run([*MISSIVE, "events", "--db", str(db), "--format", "jsonl"], stdout=out, check=True)
        merge = re.search(r"merge F1:\s*([0-9.]+)", score("resolve", EVAL / "dev", events))
        print(f"\nmerge F1 after ingesting the dev pages: {merge.group(1) if merge else '?'}")


if __name__ == "__main__":
    main()
