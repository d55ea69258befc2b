"""Run in a child process: record every regular expression missive compiles, then time each one
against adversarial strings. Prints one JSON line per event, so the parent can tell which pattern
hung if the child has to be killed.

    python regex_probe.py            -> {"try": i, "pattern": ..., "probe": ...} / {"done": i, "s": ...}

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


re._compile = _recording  # type: ignore[attr-defined]

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


def probes(pattern: str | bytes, n: int) -> list[str]:
    """Long runs of the characters the pattern can repeat, each ended by a character that breaks the match."""
    source = pattern if isinstance(pattern, str) else pattern.decode("latin-1")
    chars = {c for c in source if c.isalnum() or c in " .,-'’\n\t/:"}
    base = ["a", " ", "1", "A", ".", "\n", "é", "中"]
    picked = base + sorted(chars - set(base))[:8]
    out = [c * n + "!" for c in picked]
    out += ["word " * (n // 5) + "!", "A. " * (n // 3), "a1 " * (n // 3) + "\x00", "the of and to " * (n // 14)]
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    first = int(sys.argv[2]) if len(sys.argv) > 2 else 0  # resume after a pattern the parent gave up on
    exercise()
    re._compile = _real_compile  # type: ignore[attr-defined]
    patterns = sorted(SEEN.items(), key=lambda kv: (kv[1], str(kv[0][1])))
    print(json.dumps({"patterns": len(patterns)}), flush=True)
    for i, ((kind, pattern, flags), module) in enumerate(patterns):
        if i < first:
            continue
        compiled = re.compile(pattern, flags)  # type: ignore[call-overload]
        shown = pattern if isinstance(pattern, str) else pattern.decode("latin-1")
        worst, worst_probe = 0.0, ""
        for probe in probes(pattern, n):
            subject = probe if kind == "str" else probe.encode("utf-8")
            print(json.dumps({"try": i, "module": module, "pattern": shown[:300], "probe": probe[:12] + "…"}), flush=True)
            started = time.perf_counter()
            compiled.search(subject)
            for _ in zip(range(50), compiled.finditer(subject)):
                pass
            took = time.perf_counter() - started
            if took > worst:
                worst, worst_probe = took, probe[:12]
        print(json.dumps({"done": i, "module": module, "pattern": shown[:300], "s": worst, "probe": worst_probe}), flush=True)


if __name__ == "__main__":
    main()
