"""Helpers shared by the benchmarks: repeated timing, machine facts, JSON results in bench/out/."""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
DATA = BENCH / "data"
sys.path.insert(0, str(BENCH))  # so benchmarks can import generate


def median_seconds(run: Callable[[], object], repeats: int) -> tuple[float, list[float]]:
    """Run ``run`` ``repeats`` times; return the median wall time and every time."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def median_cpu_seconds(run: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Run ``run`` ``repeats`` times; return the medians of wall time and of this process's CPU time.

    On a shared machine the wall time counts the other jobs' share of the core too;
    CPU time is what one core spends on this work, so pages per CPU-second is the
    per-core rate the targets mean.
    """
    walls, cpus = [], []
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return statistics.median(walls), statistics.median(cpus)


def machine() -> dict:
    """What the figures were measured on."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": load,
    }


def write_result(name: str, result: dict) -> Path:
    """Write ``bench/out/NAME.json`` with the machine facts; return its path."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.json"
    payload = {"benchmark": name, "machine": machine(), **result}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
