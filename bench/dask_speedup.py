"""Speed-up of the Dask executor: the same corpus ingested with 1 and with 2 local workers.

The first run on each cluster warms the workers up (each loads its data
files once) and is not counted; ingest and the final resolve are timed apart.

    .venv/bin/python bench/dask_speedup.py [--pages 1500] [--relevant 0.3] [--repeats 3] [--text]

The corpus is a JSONL dump of HTML pages (``--text``: plain-text records).

Each run ingests a generated JSONL dump (cut into byte ranges, so both workers
get work) into a new SQLite store, resolve included; the time covers the whole
``ingest_paths_dask`` call except starting the cluster, which is started once
per worker count and kept across the repeats. Medians of ``--repeats`` runs.
Results: bench/out/dask_speedup.json.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from common import DATA, write_result

import generate
from missive.jobs import dask_executor, resolve_store
from missive.store import open_store


def _timed_runs(path: Path, workers: int, repeats: int) -> dict:
    """Time ingest (workers + client writes) and resolve (client only) apart; the first run warms the workers."""
    ingest_runs, resolve_runs, summary = [], [], None
    with dask_executor.dask_client(workers=workers) as client:
        address = client.scheduler.address  # type: ignore[attr-defined]
        for attempt in range(repeats + 1):
            with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
                start = time.perf_counter()
                summary = dask_executor.ingest_paths_dask([str(path)], store, scheduler=address, resolve=False)
                middle = time.perf_counter()
                summary.events = resolve_store(store)
                end = time.perf_counter()
            if attempt:  # the first run pays each worker's one-off loading of its data files
                ingest_runs.append(middle - start)
                resolve_runs.append(end - middle)
    ingest_s, resolve_s = statistics.median(ingest_runs), statistics.median(resolve_runs)
    total = [a + b for a, b in zip(ingest_runs, resolve_runs)]
    return {"workers": workers, "median_s": statistics.median(total), "runs_s": total,
            "ingest_median_s": ingest_s, "resolve_median_s": resolve_s,
            "pages_per_s": summary.read / statistics.median(total),
            "read": summary.read, "screened": summary.screened, "reports": summary.reports, "events": summary.events}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--relevant", type=float, default=0.3)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--text", action="store_true", help="plain-text records instead of HTML")
    args = parser.parse_args()
    name = "dask-corpus-text.jsonl" if args.text else "dask-corpus-html.jsonl"
    path = generate.write_jsonl(DATA / name, args.pages, args.relevant, args.seed, html=not args.text)
    # Ranges of ~1/16 of the dump: enough tasks to balance two workers.
    dask_executor.SPLIT_BYTES = max(64 * 1024, path.stat().st_size // 16)
    one = _timed_runs(path, 1, args.repeats)
    print(f"1 worker : {one['median_s']:.2f} s ({one['pages_per_s']:.0f} pages/s; ingest {one['ingest_median_s']:.2f} s"
          f" + resolve {one['resolve_median_s']:.2f} s)", flush=True)
    two = _timed_runs(path, 2, args.repeats)
    print(f"2 workers: {two['median_s']:.2f} s ({two['pages_per_s']:.0f} pages/s; ingest {two['ingest_median_s']:.2f} s"
          f" + resolve {two['resolve_median_s']:.2f} s)", flush=True)
    speedup = one["median_s"] / two["median_s"]
    ingest_speedup = one["ingest_median_s"] / two["ingest_median_s"]
    print(f"speed-up of the ingest part alone (resolve runs once, on the client): x{ingest_speedup:.2f}")
    print(f"speed-up x{speedup:.2f} (target >= 1.7): {'met' if speedup >= 1.7 else 'MISSED'}")
    print(write_result("dask_speedup", {"pages": args.pages, "relevant_share": args.relevant, "repeats": args.repeats,
                                        "html": not args.text, "split_bytes": dask_executor.SPLIT_BYTES, "one_worker": one,
                                        "two_workers": two, "speedup": speedup, "ingest_speedup": ingest_speedup,
                                        "target": 1.7}))


if __name__ == "__main__":
    main()
