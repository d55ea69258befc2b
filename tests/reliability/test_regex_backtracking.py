"""Every regular expression missive compiles (in code and from the YAML data files) searches in
linear time: timed on adversarial strings of n and 4n characters, its time may grow about 4x, not
16x (quadratic) or worse, and no probe of n characters may take more than 0.5 s.

The timing runs in a child process (``regex_probe.py``, which holds the thresholds): a catastrophic
pattern cannot be interrupted inside the regex engine, so the parent kills the child when one probe
stalls, records that pattern, and resumes the child after it.
"""

from __future__ import annotations

import json
import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("regex_probe.py")
sys.path.insert(0, str(PROBE.parent))
import regex_probe  # noqa: E402 - the helper beside this test: thresholds and the allow-list live there

STALL_S = 15.0  # one probe silent this long (n and 4n, repeats, loaded 2-core box) is catastrophic
STARTUP_S = 120.0  # importing the package and running the stages once
SCAN_BUDGET_S = 240.0  # the whole scan, resumes included (about 40 s on the loaded shared machine)


def _lines(fd: int, timeout: float, buffer: bytearray) -> list[str] | None:
    """The complete lines the child wrote within ``timeout`` ([] at its end, None when it stayed silent).
    Reads the raw descriptor: a buffered reader would hide lines from ``select``."""
    ready, _, _ = select.select([fd], [], [], timeout)
    if not ready:
        return None
    chunk = os.read(fd, 65536)
    if not chunk:
        return [buffer.decode()] if buffer.strip() else []
    buffer.extend(chunk)
    *complete, rest = buffer.split(b"\n")
    buffer[:] = rest
    return [line.decode() for line in complete if line.strip()] or [""]


def _run_probe(first: int, seen: dict[int, dict], stalled: dict[int, dict]) -> int | None:
    """Run the child from pattern ``first``; return the index to resume at after a stall, or None when done."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.Popen([sys.executable, str(PROBE), str(regex_probe.SIZE), str(first)], stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    current: dict | None = None
    buffer = bytearray()
    try:
        while True:
            lines = _lines(fd, STALL_S if current else STARTUP_S, buffer)
            if lines is None:
                assert current is not None, "the probe did not start timing patterns"
                stalled[current["try"]] = current | {"verdict": "stalled"}
                return current["try"] + 1
            if not lines:
                break
            for line in filter(None, lines):
                row = json.loads(line)
                if "try" in row:
                    current = row
                elif "done" in row:
                    seen[row["done"]] = row
                elif "import_error" in row or "stage_error" in row:
                    pytest.fail(f"the probe could not exercise the package: {row}")
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode in (0, -9), f"probe exited {proc.returncode}"
    return None


def _describe(row: dict) -> str:
    if row["verdict"] == "stalled":
        return "stalled"
    if row["large"] is None:
        return f"{row['small']:.2f} s on n"
    return f"{row['small'] * 1000:.1f} ms -> {row['large'] * 1000:.1f} ms on 4n, x{row['ratio']:.1f}"


@pytest.mark.slow
def test_no_regular_expression_backtracks_super_linearly() -> None:
    seen: dict[int, dict] = {}
    stalled: dict[int, dict] = {}
    start: int | None = 0
    deadline = time.monotonic() + SCAN_BUDGET_S
    while start is not None:
        assert time.monotonic() < deadline, f"the scan took too long; stalled so far: {stalled}"
        start = _run_probe(start, seen, stalled)
    print(f"{len(seen) + len(stalled)} patterns scanned in {time.monotonic() - deadline + SCAN_BUDGET_S:.0f} s")
    assert len(seen) + len(stalled) > 100, "the probe should find the package's patterns (code and data files)"

    flagged = {i: r for i, r in {**seen, **stalled}.items() if r["verdict"]}
    bad = [
        f"{r['module']}: {r['pattern'][:160]!r} on {r['probe']} ({_describe(r)})"
        for i, r in sorted(flagged.items())
        if not regex_probe.allowed(r["pattern"])
    ]
    assert not bad, "catastrophic or super-linear patterns:\n" + "\n".join(bad)


def test_the_growth_check_flags_quadratic_and_passes_linear_patterns() -> None:
    """The probe's own judgement, on patterns whose growth is known: it must be able to fail."""
    spaces = regex_probe.probes(r"\s")[1][1]  # "' '*n+'!'"
    quadratic = regex_probe.measure(re.compile(r"\s*x"), spaces, False, 3000)
    linear = regex_probe.measure(re.compile(r"(?<!\s)\s*+x"), spaces, False, 3000)
    assert quadratic["verdict"] == "super-linear", quadratic
    assert linear["verdict"] == "", linear
    assert regex_probe.verdict_of(0.6, 0.7) == "slow"
    assert regex_probe.verdict_of(0.0001, 0.005) == "", "tiny timings are noise, whatever their ratio"


def test_anchored_exceptions_are_fast_where_they_are_used() -> None:
    """The allow-listed patterns, used the way the code uses them (one .match), stay fast."""
    for pattern in regex_probe.ANCHORED_USES:
        compiled = re.compile(pattern, re.I)
        for probe in (" " * 50_000 + "!", "\n" * 50_000, "word " * 10_000):
            started = time.perf_counter()
            compiled.match(probe)
            assert time.perf_counter() - started < 0.5, pattern
