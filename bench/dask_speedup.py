"""Speed-up of the Dask executor: the same corpus ingested with 1 and with 2 local workers.

    .venv/bin/python bench/dask_speedup.py [--pages 4000] [--relevant 0.3] [--repeats 5] [--shard-pages 250] [--text]

Runs alternate 1, 2, 1, 2, ... workers so that the other jobs on a shared
machine weigh on both alike; medians are reported. Each run starts its own local
cluster (one thread and one process a worker), warms every worker up on the
corpus' first pages (a worker loads its data files once) and only then starts
the clock, so no idle cluster runs beside it. One uncounted run of each kind
comes first (the client process loads its own data once).

Each run ingests a generated JSONL dump of HTML pages (``--text``: plain-text
records), cut into byte ranges of about ``--shard-pages`` pages, into a new
SQLite store through ``ingest_paths_dask``, the same call and store for both
worker counts. Ingest and the final resolve (client only, the same work for
both) are timed apart. Per run it records the load average at its start and
the CPU seconds of the client process (with the scheduler and the nannies,
which run in it) and of the worker processes. With those, the most 2 workers can
gain over 1 on 2 cores is

    bound = 2 x worker CPU (1 worker) / (client CPU + worker CPU) (2 workers)

since 2 cores must hold all of the 2-worker run's work, while the 1-worker run
takes at least its single worker's CPU time. "Cores used" (CPU seconds over the
ingest's wall time) shows whether other jobs held the machine: near 1 with one
worker and near 2 with two on a quiet machine, well under on a loaded one. Results: bench/out/dask_speedup.json.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import tempfile
import time
from pathlib import Path

import psutil
from common import DATA, write_result

import generate
from missive import ingest
from missive.jobs import dask_executor, process_page, resolve_store
from missive.model import Skip
from missive.store import open_store


def _cluster_processes(client: object) -> list[psutil.Process]:
    """The worker processes of a local cluster (its scheduler and nannies run in the client process)."""
    return [psutil.Process(pid) for pid in set(client.run(os.getpid).values())]  # type: ignore[attr-defined]


def _cpu(procs: list[psutil.Process]) -> float:
    total = 0.0
    for proc in procs:
        times = proc.cpu_times()
        total += times.user + times.system
    return total


def _warm(path: str, count: int = 60) -> int:
    """On a worker: process the first pages of the corpus, so its data files are loaded before timing."""
    items = ingest.read_pages([path])
    done = 0
    for item in itertools.islice(items, count):
        if not isinstance(item, Skip):
            process_page(item)
            done += 1
    return done


def _one_run(path: Path, workers: int) -> dict:
    """Ingest ``path`` into a new store with a new cluster of ``workers``; times and CPU seconds."""
    with dask_executor.dask_client(workers=workers) as client:
        address = client.scheduler.address  # type: ignore[attr-defined]
        procs = _cluster_processes(client)
        client.run(_warm, str(path))  # type: ignore[attr-defined]
        return _timed_ingest(path, address, procs)


def _timed_ingest(path: Path, address: str, procs: list[psutil.Process]) -> dict:
    me = psutil.Process()
    with tempfile.TemporaryDirectory() as tmp, open_store(str(Path(tmp) / "bench.db")) as store:
        load = os.getloadavg()[0]
        client0, workers0 = _cpu([me]), _cpu(procs)
        start = time.perf_counter()
        summary = dask_executor.ingest_paths_dask([str(path)], store, scheduler=address, resolve=False)
        middle = time.perf_counter()
        client1, workers1 = _cpu([me]), _cpu(procs)
        summary.events = resolve_store(store)
        end = time.perf_counter()
    cpu = (client1 - client0) + (workers1 - workers0)
    return {"load_at_start": load, "ingest_s": middle - start, "resolve_s": end - middle,
            "total_s": end - start, "client_cpu_s": client1 - client0, "workers_cpu_s": workers1 - workers0,
            "cores_used": cpu / (middle - start),
            "read": summary.read, "new": summary.new, "screened": summary.screened,
            "reports": summary.reports, "events": summary.events}


def _medians(runs: list[dict]) -> dict:
    keys = ("ingest_s", "resolve_s", "total_s", "client_cpu_s", "workers_cpu_s", "cores_used", "load_at_start")
    return {key: statistics.median(r[key] for r in runs) for key in keys}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4000)
    parser.add_argument("--relevant", type=float, default=0.3)
    parser.add_argument("--repeats", type=int, default=5, help="counted runs per worker count")
    parser.add_argument("--shard-pages", type=int, default=250, help="about this many pages per task")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--text", action="store_true", help="plain-text records instead of HTML")
    args = parser.parse_args()
    name = "dask-corpus-text.jsonl" if args.text else "dask-corpus-html.jsonl"
    path = generate.write_jsonl(DATA / name, args.pages, args.relevant, args.seed, html=not args.text)
    dask_executor.SPLIT_BYTES = max(16 * 1024, path.stat().st_size * args.shard_pages // args.pages)
    runs: dict[int, list[dict]] = {1: [], 2: []}
    for workers in (1, 2):
        _one_run(path, workers)  # warm-up of the client process
    for attempt in range(args.repeats):
        for workers in (1, 2):
            run = _one_run(path, workers)
            runs[workers].append(run)
            print(f"run {attempt + 1} {workers} worker(s): load {run['load_at_start']:.1f}, ingest "
                  f"{run['ingest_s']:.2f} s + resolve {run['resolve_s']:.2f} s; CPU client "
                  f"{run['client_cpu_s']:.2f} s, workers {run['workers_cpu_s']:.2f} s = {run['cores_used']:.2f} cores",
                  flush=True)
    one, two = _medians(runs[1]), _medians(runs[2])
    pages = runs[1][0]["read"]
    ingest_speedup = one["ingest_s"] / two["ingest_s"]
    total_speedup = one["total_s"] / two["total_s"]
    bound = 2 * one["workers_cpu_s"] / (two["client_cpu_s"] + two["workers_cpu_s"])
    for workers, m in ((1, one), (2, two)):
        print(f"{workers} worker(s), medians: ingest {m['ingest_s']:.2f} s ({pages / m['ingest_s']:.0f} pages/s)"
              f" + resolve {m['resolve_s']:.2f} s; CPU per page: client {1000 * m['client_cpu_s'] / pages:.2f} ms,"
              f" workers {1000 * m['workers_cpu_s'] / pages:.2f} ms; {m['cores_used']:.2f} cores used")
    print(f"bound on 2 cores = 2 x workers CPU(1) / (client + workers CPU)(2) = x{bound:.2f}")
    print(f"speed-up of ingest (the executor's part): x{ingest_speedup:.2f} (target >= 1.7):"
          f" {'met' if ingest_speedup >= 1.7 else 'MISSED'}")
    print(f"speed-up with the final resolve (client only, {one['resolve_s']:.2f} s in both): x{total_speedup:.2f}")
    print(write_result("dask_speedup", {
        "pages": args.pages, "relevant_share": args.relevant, "repeats": args.repeats, "html": not args.text,
        "split_bytes": dask_executor.SPLIT_BYTES, "one_worker": {"medians": one, "runs": runs[1]},
        "two_workers": {"medians": two, "runs": runs[2]}, "ingest_speedup": ingest_speedup,
        "total_speedup": total_speedup, "bound": bound, "target": 1.7}))


if __name__ == "__main__":
    main()
