"""Run in a child process: record every regular expression missive compiles, then measure how each
one's search time grows on adversarial strings of two sizes (n and 4n characters). Prints one JSON
line per event, so the parent can tell which pattern hung if the child has to be killed.

    python regex_probe.py [N] [FIRST]   -> {"patterns": k}, then per pattern
                                           {"try": i, ...} / {"done": i, "verdict": ..., ...}

A linear search takes about 4x as long on the 4x string; a quadratic one about 16x, a cubic one 64x.
Times are CPU time of this process (on a loaded machine, wall time includes other jobs' turns on
the core); growth is judged on the minimum of a few repeats, and only above an absolute floor.

Patterns are caught where they are compiled (``re._compile``, which every ``re`` function uses) when
the caller is a missive module; the pipeline runs over a few pages first, so the patterns that the
YAML data files feed to the code are compiled too, exactly as the code compiles them.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import sys
import time
from typing import Callable

SIZE = 5_000  # n; the large probe is GROWTH_SIZE * n
GROWTH_SIZE = 4
CAP_S = 0.5  # any probe of n characters slower than this fails outright
RATIO = 10.0  # time(4n) / time(n) above this is super-linear (linear ~4, quadratic ~16)
FLOOR_S = 0.05  # ... but only when time(4n) is at least this: below it the ratio is noise
REPEATS = 3  # a probe slow enough to judge (time(4n) >= FLOOR_S) is re-timed: the minimum of each size is kept
CLEAR_S = 1.0  # a super-linear verdict with time(4n) above this is no noise: not re-timed

#: Patterns applied only at one position (``.match``) or to a short bounded window: ``search``
#: over thousands of characters is not how they run, so a slow search is not a hazard there, and
#: the probe does not time them. Each entry names where it is used; adding one needs that reason.
ANCHORED_USES: dict[str, str] = {
    r"\s+(?:\w+\s+){0,2}(?:anniversary|birthday|congress|session|plenary|national day|founding)":
        "extract.dates._ORDINAL_NOUN: .match at the end of one date expression",
}  # fmt: skip

SEEN: dict[tuple[str, object, int], str] = {}
_real_compile = re._compile  # type: ignore[attr-defined]


def _recording(pattern, flags):  # type: ignore[no-untyped-def]
    compiled = _real_compile(pattern, flags)
    if isinstance(pattern, (str, bytes)):
        for depth in (2, 3):  # re.compile/re.search -> _compile: the caller is 2 frames up
            try:
                mod = sys._getframe(depth).f_globals.get("__name__", "")
            except ValueError:
                break
            if mod.startswith("missive"):
                key = (type(pattern).__name__, pattern, int(flags))
                SEEN.setdefault(key, mod)  # type: ignore[arg-type]
                break
    return compiled


PAGES = [
    "Pyongyang, May 3 (KCNA) -- Kim Jong Un received a congratulatory message from Xi Jinping, "
    "President of the People's Republic of China, on May 2, 2021.\nIn the message Xi wished him success.",
    "<html><head><title>Greetings</title></head><body><p>Beijing, Oct. 1 -- Vladimir Putin sent a message "
    "of greetings to Xi Jinping on the 72nd anniversary of the founding of the country.</p></body></html>",
    "新华社北京10月1日电 国家主席习近平1日致电朝鲜劳动党总书记金正恩，祝贺朝鲜劳动党成立75周年。",
    "(평양=연합뉴스) 김정은 국무위원장이 시진핑 주석에게 축전을 보냈다고 조선중앙통신이 2일 보도했다.",
]


def exercise() -> None:
    """Import every missive module and run the stages on a few pages, so lazy patterns compile."""
    import missive

    for info in pkgutil.walk_packages(missive.__path__, "missive."):
        if ".cli" in info.name or info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # noqa: BLE001 - a module failing to import is reported, not fatal here
            print(json.dumps({"import_error": info.name, "error": repr(exc)}), flush=True)
    from missive import clean, extract, screen
    from missive.model import Page

    for i, text in enumerate(PAGES):
        raw = text.encode()
        page = Page(source=f"p{i}", raw=raw, text=text, media_type="html" if text.startswith("<") else "text",
                    encoding="utf-8", container="txt")  # fmt: skip
        screen.screen_page(page)
        try:
            list(extract.extract_reports(clean.clean_page(page)))
        except Exception as exc:  # noqa: BLE001
            print(json.dumps({"stage_error": i, "error": repr(exc)}), flush=True)


def probes(pattern: str | bytes) -> list[tuple[str, Callable[[int], str]]]:
    """Named builders of adversarial strings of about ``n`` characters: long runs of what the pattern
    can repeat, each ended by a character that breaks the match."""
    source = pattern if isinstance(pattern, str) else pattern.decode("latin-1")
    chars = {c for c in source if c.isalnum() or c in " .,-'’\n\t/:"}
    base = ["a", " ", "1", "A", ".", "\n", "é", "中"]
    picked = base + sorted(chars - set(base))[:8]
    out: list[tuple[str, Callable[[int], str]]] = [(repr(c) + "*n+'!'", lambda n, c=c: c * n + "!") for c in picked]
    out += [
        ("'word '*n", lambda n: "word " * (n // 5) + "!"),
        ("'A. '*n", lambda n: "A. " * (n // 3)),
        ("'a1 '*n+NUL", lambda n: "a1 " * (n // 3) + "\x00"),
        ("'the of and to '*n", lambda n: "the of and to " * (n // 14)),
        ("' \\n'*n", lambda n: " \n" * (n // 2) + "!"),
        ("'Aa '*n", lambda n: "Aa " * (n // 3) + "!"),
    ]
    return out


def time_once(compiled: re.Pattern, subject: str | bytes) -> float:
    """One search plus the first 50 matches of finditer, the way the stages use a pattern."""
    started = time.process_time()  # CPU time: other jobs taking the core do not count
    compiled.search(subject)
    for _ in zip(range(50), compiled.finditer(subject)):
        pass
    return time.process_time() - started


def measure(compiled: re.Pattern, build: Callable[[int], str], as_bytes: bool, n: int) -> dict:
    """Time one probe at n and at 4n; re-time one slow enough to judge and keep the minimum of each
    (a loaded machine only ever adds time, so the minimum is the closest to the pattern's own cost)."""

    def subject(size: int) -> str | bytes:
        text = build(size)
        return text.encode("utf-8") if as_bytes else text

    small_s, large_s = subject(n), subject(GROWTH_SIZE * n)
    small = time_once(compiled, small_s)
    if small > CAP_S:  # re-time once: a single slow run may be the machine, not the pattern
        small = min(small, time_once(compiled, small_s))
        if small > CAP_S:
            return {"small": small, "large": None, "ratio": None, "verdict": "slow"}
    large = time_once(compiled, large_s)
    for _ in range(REPEATS - 1):
        if large < FLOOR_S or (verdict_of(small, large) and large > CLEAR_S):
            break
        small = min(small, time_once(compiled, small_s))
        large = min(large, time_once(compiled, large_s))
    return {"small": small, "large": large, "ratio": large / max(small, 1e-9), "verdict": verdict_of(small, large)}


def verdict_of(small: float, large: float) -> str:
    """'' when fine; 'slow' over the absolute cap; 'super-linear' when growth is well above linear."""
    if small > CAP_S:
        return "slow"
    if large >= FLOOR_S and large / max(small, 1e-9) > RATIO:
        return "super-linear"
    return ""


def allowed(pattern: str) -> bool:
    """Whether a (possibly truncated) pattern is one of the documented anchored uses."""
    return any(pattern.startswith(p[:300]) for p in ANCHORED_USES)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else SIZE
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 0  # resume after a pattern the parent gave up on
    re._compile = _recording  # type: ignore[attr-defined]
    exercise()
    re._compile = _real_compile  # type: ignore[attr-defined]
    patterns = sorted(SEEN.items(), key=lambda kv: (kv[1], str(kv[0][1])))
    print(json.dumps({"patterns": len(patterns)}), flush=True)
    for i, ((kind, pattern, flags), module) in enumerate(patterns):
        if i < first:
            continue
        compiled = re.compile(pattern, flags)  # type: ignore[call-overload]
        shown = pattern if isinstance(pattern, str) else pattern.decode("latin-1")
        if allowed(shown):
            print(json.dumps({"done": i, "module": module, "pattern": shown[:300], "verdict": "", "allowed": True}), flush=True)
            continue
        worst: dict = {"small": 0.0, "large": 0.0, "ratio": 0.0, "verdict": "", "probe": ""}
        for name, build in probes(pattern):
            print(json.dumps({"try": i, "module": module, "pattern": shown[:300], "probe": name}), flush=True)
            got = measure(compiled, build, kind == "bytes", n) | {"probe": name}
            if (bool(got["verdict"]), got["small"]) > (bool(worst["verdict"]), worst["small"]):
                worst = got
        print(json.dumps({"done": i, "module": module, "pattern": shown[:300], **worst}), flush=True)


if __name__ == "__main__":
    main()
