"""Peak memory while streaming a million generated pages through read + screen + clean + extract.

    .venv/bin/python bench/memory.py [--pages 1000000] [--relevant 0.01]

The pages are made on the fly (a pool of generated pages, each copy given its
own reference line so every page is distinct) and fed as one JSONL byte
stream to ``ingest.read_stream``; each page goes through
``jobs.process_page`` (screen first; clean and extract for what it keeps) and
is then dropped: nothing is stored. Peak RSS (ru_maxrss) and current RSS are
reported at 100k, 300k and 1M pages: the peak must stay under 500 MB and
not grow with the corpus. Results: bench/out/memory.json.
"""

from __future__ import annotations

import argparse
import io
import resource
import time
from collections.abc import Iterator

import psutil
from common import write_result

import generate
from missive import ingest
from missive.jobs import process_page
from missive.model import Page

CHECKPOINTS = (100_000, 300_000, 1_000_000)
POOL = 5000


class _LineStream(io.RawIOBase):
    """A read-only byte stream over lines produced on demand (so the corpus never sits in memory)."""

    def __init__(self, lines: Iterator[bytes]) -> None:
        self.lines, self.buffer = lines, b""

    def readable(self) -> bool:
        return True

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self.buffer:
            try:
                self.buffer = next(self.lines)
            except StopIteration:
                return 0
        size = min(len(target), len(self.buffer))
        target[:size] = self.buffer[:size]
        self.buffer = self.buffer[size:]
        return size


def _lines(count: int, relevant: float, seed: int) -> Iterator[bytes]:
    pool = list(generate.iter_pages(POOL, relevant, seed))
    for i in range(count):
        page = pool[i % POOL]
        copy = generate.GenPage(f"{page.url}?copy={i}", page.title, f"{page.text}\n\nRef. {i}", page.relevant)
        yield (generate.jsonl_line(copy) + "\n").encode()


def _rss_mb() -> tuple[float, float]:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return peak, psutil.Process().memory_info().rss / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=CHECKPOINTS[-1])
    parser.add_argument("--relevant", type=float, default=0.01)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    checkpoints = [c for c in CHECKPOINTS if c < args.pages] + [args.pages]
    stream = io.BufferedReader(_LineStream(_lines(args.pages, args.relevant, args.seed)), buffer_size=1 << 16)
    start_peak, _ = _rss_mb()
    marks, counts = [], {"pages": 0, "screened": 0, "processed": 0, "reports": 0, "skips": 0}
    start = time.perf_counter()
    for item in ingest.read_stream(stream, "generated.jsonl"):
        if not isinstance(item, Page):
            counts["skips"] += 1
            continue
        result = process_page(item)
        counts["pages"] += 1
        counts["screened" if result.screened else "processed"] += 1
        counts["reports"] += len(result.reports)
        if counts["pages"] in checkpoints:
            peak, current = _rss_mb()
            marks.append({"pages": counts["pages"], "peak_rss_mb": round(peak, 1), "rss_mb": round(current, 1),
                          "elapsed_s": round(time.perf_counter() - start, 1)})
            print(f"{counts['pages']:>9,} pages: peak RSS {peak:6.1f} MB, current {current:6.1f} MB, "
                  f"{marks[-1]['elapsed_s']} s", flush=True)
    growth = marks[-1]["peak_rss_mb"] - marks[0]["peak_rss_mb"] if marks else 0.0
    bounded = bool(marks) and marks[-1]["peak_rss_mb"] < 500
    print(f"peak after start-up {start_peak:.1f} MB; growth from first to last checkpoint {growth:.1f} MB; "
          f"< 500 MB: {'met' if bounded else 'MISSED'}; {counts}")
    print(write_result("memory", {"relevant_share": args.relevant, "checkpoints": marks, "counts": counts,
                                  "start_peak_rss_mb": round(start_peak, 1), "growth_mb": round(growth, 1),
                                  "target_mb": 500, "meets_target": bounded}))


if __name__ == "__main__":
    main()
