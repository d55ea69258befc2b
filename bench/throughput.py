"""Pages per second per core: irrelevant and relevant pages, text and HTML, beside reading alone.

    .venv/bin/python bench/throughput.py [--repeats 3] [--scale 1.0]

One process, so every rate is per core; rates are pages per CPU-second of this
process (the wall-clock rate is printed too: on a shared machine it also counts
the other jobs' share of the core). Each case times, on the same
generated input: reading and parsing alone (ingest.read_pages), and the
pipeline (read + screen + clean + extract, i.e. jobs.process_page); the
relevant HTML cases (small pages, and full-size news pages of 100-200 kB:
``generate.LAYOUTS``) also time trafilatura alone on the same pages, two ways:
with its defaults (``trafilatura.extract(html, url=url)``, what a user of
trafilatura alone runs) and with the options clean uses (fast mode, no comments
or tables); the ratio is given against both. The relevant text case also times
a full ``ingest_paths`` into a new SQLite store (batched writes, then resolve).
Medians of ``--repeats`` runs. ``--html-only`` runs the relevant HTML cases alone.
Where ../shared/bench/html is present, its 181 real news pages (read, never
copied) are also put through screen-less ``process_page`` (clean + extract, as
if every one were relevant) beside trafilatura alone: real markup and real
article lengths, which the generated pages only imitate.
Results: bench/out/throughput.json; a summary on stdout.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import tempfile
from pathlib import Path

from common import DATA, median_cpu_seconds, write_result

import generate
from missive import ingest
from missive.jobs import ingest_paths, process_page
from missive.model import Page
from missive.store import open_store

TARGETS = {  # pages/s/core, except the HTML ratio
    "irrelevant_text_jsonl": 20000,
    "irrelevant_html_jsonl": 700,
    "relevant_text_jsonl": 300,
}


#: The relevant HTML cases: (case name, file, page count, layout).
HTML_CASES = (("relevant_html_jsonl", "relevant-html.jsonl", 300, "small"),
              ("relevant_html_full_jsonl", "relevant-html-full.jsonl", 100, "full"))
#: Real news pages for the HTML cases' third measure (third-party evaluation data: read, never copied).
REAL_PAGES = Path(__file__).resolve().parents[2] / "shared" / "bench" / "html"
#: trafilatura alone: its defaults, and the options the clean stage uses.
BASELINES = ("default", "clean_options")


def _dump(name: str, count: int, share: float, html: bool, seed: int, layout: str = "small") -> Path:
    return generate.write_jsonl(DATA / name, count, share, seed, html, layout)


def _read_all(path: Path) -> list[Page]:
    return [p for p in ingest.read_pages([str(path)]) if isinstance(p, Page)]


def _pipeline(path: Path) -> collections.Counter:
    outcome: collections.Counter = collections.Counter()
    for page in ingest.read_pages([str(path)]):
        if not isinstance(page, Page):
            outcome["read skip"] += 1
            continue
        result = process_page(page)
        outcome["screened" if result.screened else "skipped" if result.skip else "processed"] += 1
        outcome["reports"] += len(result.reports)
    return outcome


def _case(name: str, path: Path, repeats: int) -> dict:
    pages = len(_read_all(path))
    read_s, read_cpu = median_cpu_seconds(lambda: _read_all(path), repeats)
    outcome = _pipeline(path)
    pipe_s, pipe_cpu = median_cpu_seconds(lambda: _pipeline(path), repeats)
    result = {
        "pages": pages,
        "bytes": path.stat().st_size,
        "outcome": dict(sorted(outcome.items())),
        "read_only": {"median_s": read_s, "pages_per_s": pages / read_s,
                      "median_cpu_s": read_cpu, "pages_per_cpu_s": pages / read_cpu},
        "pipeline": {"median_s": pipe_s, "pages_per_s": pages / pipe_s,
                     "median_cpu_s": pipe_cpu, "pages_per_cpu_s": pages / pipe_cpu},
        "pipeline_over_read": pipe_cpu / read_cpu,
    }
    if name in TARGETS:
        # Per core: pages per CPU-second of this process (the wall rate also counts other jobs' share).
        result["target_pages_per_s"] = TARGETS[name]
        result["meets_target"] = pages / pipe_cpu >= TARGETS[name]
    return result


def _trafilatura_alone(path: Path, repeats: int, baseline: str) -> dict:
    """trafilatura.extract over the pages (already read), with its defaults or with clean's options."""
    import trafilatura

    from missive.clean.htmlpage import EXTRACT_OPTIONS

    htmls = [(p.text, p.url) for p in _read_all(path)]
    options = dict(EXTRACT_OPTIONS) if baseline == "clean_options" else {}

    def run(pages: list[tuple[str, str | None]] = htmls) -> None:
        for html, url in pages:
            trafilatura.extract(html, url=url, **options)

    run(htmls[:5])  # warm-up: the first default call loads the fallback extractors
    seconds, cpu = median_cpu_seconds(run, repeats)
    return {"median_s": seconds, "pages_per_s": len(htmls) / seconds, "median_cpu_s": cpu,
            "pages_per_cpu_s": len(htmls) / cpu, "options": options or "trafilatura defaults"}


def _html_against_trafilatura(name: str, result: dict, path: Path, repeats: int) -> None:
    """Add trafilatura alone (both baselines) and the pipeline's ratio to each to ``result``; print them."""
    result["mean_page_bytes"] = result["bytes"] / max(1, result["pages"])
    for baseline in BASELINES:
        alone = _trafilatura_alone(path, repeats, baseline)
        alone["pipeline_over_trafilatura"] = result["pipeline"]["median_cpu_s"] / alone["median_cpu_s"]
        result[f"trafilatura_{baseline}"] = alone
        print(f"{name}: trafilatura alone ({baseline}) {alone['pages_per_cpu_s']:.0f}/cpu-s; "
              f"pipeline takes x{alone['pipeline_over_trafilatura']:.2f} its time (target <= 1.3)", flush=True)
    result["target_ratio"] = 1.3
    result["meets_target"] = all(result[f"trafilatura_{b}"]["pipeline_over_trafilatura"] <= 1.3 for b in BASELINES)


def _real_pages_case(repeats: int) -> dict | None:
    """Real news pages (the shared HTML benchmark) through clean + extract, beside trafilatura alone on them."""
    import gzip

    import trafilatura

    from missive.clean.htmlpage import EXTRACT_OPTIONS

    folder = REAL_PAGES / "pages"
    if not folder.is_dir():
        return None
    truth = json.loads((REAL_PAGES / "ground-truth.json").read_text("utf-8"))
    pages = []
    for path in sorted(folder.glob("*.html.gz")):
        raw = gzip.decompress(path.read_bytes())
        url = truth.get(path.name.split(".")[0], {}).get("url")
        pages.append(Page(str(path), raw, raw.decode("utf-8", "replace"), "html", "utf-8", "html", url))
    runs = {
        "pipeline": lambda: [process_page(p, screen_first=False) for p in pages],
        "trafilatura_default": lambda: [trafilatura.extract(p.text, url=p.url) for p in pages],
        "trafilatura_clean_options": lambda: [trafilatura.extract(p.text, url=p.url, **EXTRACT_OPTIONS) for p in pages],
    }
    result: dict = {"pages": len(pages), "mean_page_bytes": sum(len(p.raw) for p in pages) / len(pages)}
    for name, run in runs.items():
        run()  # warm-up, not timed
        seconds, cpu = median_cpu_seconds(run, repeats)
        result[name] = {"median_s": seconds, "median_cpu_s": cpu, "pages_per_cpu_s": len(pages) / cpu}
    for baseline in BASELINES:
        alone = result[f"trafilatura_{baseline}"]
        alone["pipeline_over_trafilatura"] = result["pipeline"]["median_cpu_s"] / alone["median_cpu_s"]
        print(f"real HTML pages (clean + extract, no screen): {result['pipeline']['pages_per_cpu_s']:.0f}/cpu-s; "
              f"trafilatura alone ({baseline}) {alone['pages_per_cpu_s']:.0f}/cpu-s; "
              f"pipeline takes x{alone['pipeline_over_trafilatura']:.2f} its time", flush=True)
    return result


def _ingest_into_store(path: Path, repeats: int) -> dict:
    def run() -> None:
        with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
            run.summary = ingest_paths([str(path)], store)  # type: ignore[attr-defined]

    seconds, cpu = median_cpu_seconds(run, repeats)
    summary = run.summary  # type: ignore[attr-defined]
    return {"median_s": seconds, "pages_per_s": summary.read / seconds, "median_cpu_s": cpu,
            "pages_per_cpu_s": summary.read / cpu,
            "reports": summary.reports, "events": summary.events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every page count")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--html-only", action="store_true", help="only the relevant HTML cases")
    args = parser.parse_args()
    n = lambda count: max(10, int(count * args.scale))  # noqa: E731
    cases = {} if args.html_only else {
        "irrelevant_text_jsonl": _dump("irrelevant-text.jsonl", n(20000), 0.0, False, args.seed),
        "irrelevant_html_jsonl": _dump("irrelevant-html.jsonl", n(2000), 0.0, True, args.seed),
        "relevant_text_jsonl": _dump("relevant-text.jsonl", n(1000), 1.0, False, args.seed),
    }
    for name, file, count, layout in HTML_CASES:
        cases[name] = _dump(file, n(count), 1.0, True, args.seed, layout)
    results = {}
    for name, path in cases.items():
        results[name] = _case(name, path, args.repeats)
        r = results[name]
        print(f"{name:24s} read {r['read_only']['pages_per_cpu_s']:8.0f}/cpu-s  "
              f"pipeline {r['pipeline']['pages_per_cpu_s']:7.0f}/cpu-s ({r['pipeline']['pages_per_s']:7.0f}/s wall)  "
              f"(x{r['pipeline_over_read']:.1f} of reading)  {r['outcome']}", flush=True)
    for name, *_ in HTML_CASES:
        _html_against_trafilatura(name, results[name], cases[name], args.repeats)
    real = _real_pages_case(args.repeats)
    if real is not None:
        results["real_html_pages"] = real
    if args.html_only:
        print(write_result("throughput-html", {"repeats": args.repeats, "scale": args.scale, "seed": args.seed,
                                               "cases": results}))
        return
    text = results["relevant_text_jsonl"]
    text["ingest_into_sqlite"] = _ingest_into_store(cases["relevant_text_jsonl"], args.repeats)
    print(f"relevant text: ingest_paths into SQLite (write + resolve) "
          f"{text['ingest_into_sqlite']['pages_per_cpu_s']:.0f}/cpu-s")
    for name, target in TARGETS.items():
        got = results[name]["pipeline"]["pages_per_cpu_s"]
        print(f"target {name}: {got:.0f}/cpu-s vs >= {target}/s per core: {'met' if got >= target else 'MISSED'}")
    print(write_result("throughput", {"repeats": args.repeats, "scale": args.scale, "seed": args.seed,
                                      "cases": results}))


if __name__ == "__main__":
    main()
