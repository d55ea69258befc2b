"""Every regular expression missive compiles (in code and from the YAML data files) is timed
against adversarial strings of 50,000 characters; none may take more than 0.5 s.

The timing runs in a child process (``regex_probe.py``): a catastrophic pattern cannot be
interrupted inside the regex engine, so the parent kills the child when one probe stalls,
records that pattern, and resumes the child after it.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

PROBE = Path(__file__).with_name("regex_probe.py")
LIMIT_S = 0.5
STALL_S = 6.0  # a probe silent this long (on a loaded 2-core box) is catastrophic: kill and move on
STARTUP_S = 120.0  # importing the package and running the stages once
SIZE = 50_000

#: Patterns applied only at one position (``.match``) or to a short bounded window: ``search``
#: over 50,000 characters is not how they run, so a slow search is not a hazard there.
#: Each entry names where it is used; adding one needs that reason.
ANCHORED_USES: dict[str, str] = {
    r"\s+(?:\w+\s+){0,2}(?:anniversary|birthday|congress|session|plenary|national day|founding)":
        "extract.dates._ORDINAL_NOUN: .match at the end of one date expression",
}  # fmt: skip


def _run_probe(first: int, seen: dict[int, dict], stalled: dict[int, dict]) -> int | None:
    """Run the child from pattern ``first``; return the index to resume at after a stall, or None when done."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.Popen([sys.executable, str(PROBE), str(SIZE), str(first)], stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    current: dict | None = None
    try:
        while True:
            ready, _, _ = select.select([proc.stdout], [], [], STALL_S if current else STARTUP_S)
            if not ready:
                assert current is not None, "the probe did not start timing patterns"
                stalled[current["try"]] = current
                return current["try"] + 1
            line = proc.stdout.readline()
            if not line:
                break
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


@pytest.mark.slow
def test_no_regular_expression_backtracks_catastrophically() -> None:
    seen: dict[int, dict] = {}
    stalled: dict[int, dict] = {}
    start: int | None = 0
    deadline = time.monotonic() + 360
    while start is not None:
        assert time.monotonic() < deadline, f"the scan took too long; stalled so far: {stalled}"
        start = _run_probe(start, seen, stalled)
    assert len(seen) + len(stalled) > 100, "the probe should find the package's patterns (code and data files)"

    slow = {i: r for i, r in seen.items() if r["s"] > LIMIT_S}
    took = {i: "stalled" for i in stalled} | {i: f"{r['s']:.2f} s" for i, r in slow.items()}
    bad = [
        f"{r['module']}: {r['pattern'][:160]!r} on {r['probe']!r}… ({took[i]})"
        for i, r in sorted({**slow, **stalled}.items())
        if not any(r["pattern"].startswith(p[:300]) for p in ANCHORED_USES)
    ]
    assert not bad, "catastrophic or quadratic patterns:\n" + "\n".join(bad)


def test_anchored_exceptions_are_fast_where_they_are_used() -> None:
    """The allow-listed patterns, used the way the code uses them (one .match), stay fast."""
    import re

    for pattern in ANCHORED_USES:
        compiled = re.compile(pattern, re.I)
        for probe in (" " * SIZE + "!", "\n" * SIZE, "word " * (SIZE // 5)):
            started = time.perf_counter()
            compiled.match(probe)
            assert time.perf_counter() - started < LIMIT_S, pattern
