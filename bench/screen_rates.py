"""How much the pre-filter keeps and rejects: generated pages, the eval pages, real general news.

    .venv/bin/python bench/screen_rates.py [--pages 20000]

- generated irrelevant and relevant pages (bench/generate.py): rejection rate, kept rate;
- the shared evaluation pages (../shared/eval/dev, dev-zhko): recall on pages with a gold event;
- the shared HTML benchmark pages (../shared/bench/html, general news, none about
  leaders' correspondence as far as we know): rejection rate, and screening speed.
Results: bench/out/screen_rates.json.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import time
from pathlib import Path

from common import BENCH, write_result

import generate
from missive.model import Page
from missive.screen import screen_page, screen_text

SHARED = BENCH.parent.parent / "shared"


def _generated(count: int, seed: int) -> dict:
    outcome: dict[str, collections.Counter] = {"irrelevant": collections.Counter(), "relevant": collections.Counter()}
    for page in generate.iter_pages(count, 0.05, seed):
        reason = screen_text(f"{page.title}\n{page.text}")
        outcome["relevant" if page.relevant else "irrelevant"][reason or "kept"] += 1
    result = {}
    for kind, counts in outcome.items():
        total = sum(counts.values())
        result[kind] = {"pages": total, "kept_share": counts["kept"] / total, "outcomes": dict(sorted(counts.items()))}
    return result


def _eval_recall() -> dict | None:
    root = SHARED / "eval"
    if not root.is_dir():
        return None
    total = kept = 0
    missed = []
    for gold in sorted(root.glob("dev*/*.json")):
        page_file = gold.with_suffix(".txt")
        if not page_file.exists() or not json.loads(gold.read_text(encoding="utf-8")).get("events"):
            continue
        total += 1
        if screen_text(page_file.read_text(encoding="utf-8", errors="replace")) is None:
            kept += 1
        else:
            missed.append(page_file.name)
    return {"pages_with_events": total, "kept": kept, "recall": kept / total if total else None, "missed": missed}


def _real_news() -> dict | None:
    folder = SHARED / "bench" / "html" / "pages"
    if not folder.is_dir():
        return None
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        raw = gzip.decompress(path.read_bytes())
        pages.append(Page(source=path.name, raw=raw, text=raw.decode("utf-8", "replace"), media_type="html",
                          encoding="utf-8", container="html"))
    start = time.perf_counter()
    outcomes = collections.Counter(screen_page(p) or "kept" for p in pages)
    seconds = time.perf_counter() - start
    return {"pages": len(pages), "rejected_share": 1 - outcomes["kept"] / len(pages),
            "outcomes": dict(sorted(outcomes.items())), "pages_per_s": len(pages) / seconds,
            "mean_html_bytes": sum(len(p.raw) for p in pages) / len(pages)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generated = _generated(args.pages, args.seed)
    print(f"generated irrelevant: rejected {1 - generated['irrelevant']['kept_share']:.1%} of "
          f"{generated['irrelevant']['pages']}; generated relevant kept {generated['relevant']['kept_share']:.1%}")
    recall = _eval_recall()
    if recall:
        print(f"eval pages with a gold event: kept {recall['kept']}/{recall['pages_with_events']}")
    real = _real_news()
    if real:
        print(f"real general news (HTML): rejected {real['rejected_share']:.1%} of {real['pages']}, "
              f"{real['pages_per_s']:.0f} pages/s (mean {real['mean_html_bytes'] / 1024:.0f} kB)")
    print(write_result("screen_rates", {"generated": generated, "eval_recall": recall, "real_news_html": real}))


if __name__ == "__main__":
    main()
