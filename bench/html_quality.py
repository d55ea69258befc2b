"""Main-text quality of the clean stage's HTML path on the shared HTML benchmark.

    .venv/bin/python bench/html_quality.py                 # the settings clean uses
    .venv/bin/python bench/html_quality.py --all-variants  # compare trafilatura settings
    .venv/bin/python bench/html_quality.py --write-doc     # also rewrite docs/html-quality.md

Reads ../shared/bench/html (pages/<id>.html.gz, ground-truth.json), extracts each
page's main text with missive.clean.htmlpage.extract_main_text (one core, pages
in sorted order), writes PRED.jsonl and scores it with the benchmark's own
score_html.py. Prints F1, precision, recall and pages/s (median of --passes).
The benchmark's truth is the article body without its headline, so the body
text is scored, not Document.text (which starts with the title).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from missive.clean import htmlpage

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "bench"
VARIANTS: dict[str, dict[str, bool]] = {
    "clean (EXTRACT_OPTIONS)": dict(htmlpage.EXTRACT_OPTIONS),
    "trafilatura default": {"fast": False, "include_comments": False, "include_tables": False},
    "fast + favor_precision": {"fast": True, "include_comments": False, "include_tables": False,
                               "favor_precision": True},
    "full + favor_precision": {"fast": False, "include_comments": False, "include_tables": False,
                               "favor_precision": True},
    "fast + favor_recall": {"fast": True, "include_comments": False, "include_tables": False,
                            "favor_recall": True},
}


def load_pages(bench: Path) -> list[tuple[str, str, str | None]]:
    """Return (id, html, url) for every benchmark page, sorted by id."""
    truth = json.loads((bench / "html" / "ground-truth.json").read_text("utf-8"))
    pages = []
    for path in sorted((bench / "html" / "pages").glob("*.html.gz")):
        page_id = path.name.split(".")[0]
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        pages.append((page_id, html, truth.get(page_id, {}).get("url")))
    return pages


def run_variant(pages: list[tuple[str, str, str | None]], options: dict[str, bool],
                passes: int, out: Path) -> tuple[dict[str, float], float]:
    """Extract every page with ``options``; return the scores and the median pages/s."""
    saved = dict(htmlpage.EXTRACT_OPTIONS)
    htmlpage.EXTRACT_OPTIONS.clear()
    htmlpage.EXTRACT_OPTIONS.update(options)
    try:
        rates = []
        for _ in range(passes):
            start = time.perf_counter()
            texts = [(pid, htmlpage.extract_main_text(html, url)) for pid, html, url in pages]
            rates.append(len(pages) / (time.perf_counter() - start))
    finally:
        htmlpage.EXTRACT_OPTIONS.clear()
        htmlpage.EXTRACT_OPTIONS.update(saved)
    with out.open("w", encoding="utf-8") as fh:
        for pid, text in texts:
            fh.write(json.dumps({"id": pid, "text": text}, ensure_ascii=False) + "\n")
    report = subprocess.run([sys.executable, str(BENCH / "score_html.py"), str(out)],
                            capture_output=True, text=True, check=True).stdout
    scores = {}
    for line in report.splitlines():
        for key in ("precision", "recall", "F1"):
            if f"{key}:" in line:
                scores[key] = float(line.split(f"{key}:")[1].split()[0])
    return scores, statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="timed passes per variant (median)")
    parser.add_argument("--all-variants", action="store_true", help="also score other settings")
    parser.add_argument("--write-doc", action="store_true", help="rewrite docs/html-quality.md")
    args = parser.parse_args()
    if not (BENCH / "html" / "ground-truth.json").exists():
        sys.exit(f"benchmark not found at {BENCH}/html")
    pages = load_pages(BENCH)
    names = list(VARIANTS) if args.all_variants else [next(iter(VARIANTS))]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            scores, rate = run_variant(pages, VARIANTS[name], args.passes, Path(tmp) / "pred.jsonl")
            rows.append((name, scores, rate))
            print(f"{name:28s} F1 {scores['F1']:.3f}  precision {scores['precision']:.3f}  "
                  f"recall {scores['recall']:.3f}  {rate:6.1f} pages/s  ({len(pages)} pages)")
    if args.write_doc:
        write_doc(rows, len(pages), args.passes)


def write_doc(rows: list[tuple[str, dict[str, float], float]], n_pages: int, passes: int) -> None:
    """Write the measured table to docs/html-quality.md."""
    lines = [
        "# HTML main-text quality (clean stage)",
        "",
        "Measured by `.venv/bin/python bench/html_quality.py --all-variants --write-doc` on",
        f"../shared/bench/html ({n_pages} news pages; truth = article body without headline),",
        "scored by the benchmark's own `score_html.py` (4-token shingles, precision and recall",
        f"averaged over pages). Speed: one core, median of {passes} passes, extraction only.",
        "",
        "| settings | F1 | precision | recall | pages/s |",
        "|---|---|---|---|---|",
    ]
    for name, scores, rate in rows:
        lines.append(f"| {name} | {scores['F1']:.3f} | {scores['precision']:.3f} | "
                     f"{scores['recall']:.3f} | {rate:.1f} |")
    used = "The clean stage uses the first row (`missive.clean.htmlpage.EXTRACT_OPTIONS`)."
    lines += ["", used, ""]
    doc = REPO / "docs" / "html-quality.md"
    # The hand-written notes below the table are kept: only the measured part is rewritten.
    old = doc.read_text(encoding="utf-8") if doc.exists() else ""
    notes = old.split(used, 1)[1].lstrip("\n") if used in old else ""
    doc.write_text("\n".join(lines) + notes, encoding="utf-8")


if __name__ == "__main__":
    main()
