"""Language of a page: script counts first, then common words for Latin-script text."""

from __future__ import annotations

import functools
import re
from collections import Counter

from ..errors import DataError
from ..resources import load_data, require_keys

LANG_FILE = "boilerplate/languages.yaml"
_WORD = re.compile(r"[^\W\d_]+")


@functools.cache
def _rules() -> tuple[list[tuple[str, list[tuple[int, int]]]], dict[str, frozenset[str]], float]:
    data = load_data(LANG_FILE)
    if not isinstance(data, dict):
        raise DataError(f"{LANG_FILE}: expected a mapping")
    require_keys(LANG_FILE, data, ("scripts", "stopwords", "min_share"))
    scripts = []
    for entry in data["scripts"]:
        require_keys(LANG_FILE, entry, ("code", "ranges"))
        try:
            ranges = [tuple(int(x, 16) for x in r.split("-")) for r in entry["ranges"]]
        except (ValueError, AttributeError) as exc:
            raise DataError(f"{LANG_FILE}: bad ranges in {entry!r}") from exc
        scripts.append((str(entry["code"]), [(lo, hi) for lo, hi in ranges]))
    stopwords = {code: frozenset(str(w).lower() for w in words)
                 for code, words in sorted(data["stopwords"].items())}
    return scripts, stopwords, float(data["min_share"])


def _script_of(char: str, scripts: list[tuple[str, list[tuple[int, int]]]]) -> str | None:
    point = ord(char)
    for code, ranges in scripts:
        if any(lo <= point <= hi for lo, hi in ranges):
            return code
    return None


def detect_language(text: str) -> str:
    """Return a language code ("en", "zh", "ko", "ja", "ru", ...) for ``text``, or "und"."""
    scripts, stopwords, min_share = _rules()
    counts = Counter(code for ch in text if ch.isalpha() and (code := _script_of(ch, scripts)))
    if not counts:
        return "und"
    # Kana marks Japanese even when Han characters outnumber it.
    kana = counts.get("ja", 0)
    if kana >= 3 and kana >= 0.1 * counts.get("zh", 0):
        return "ja"
    script, _ = max(sorted(counts.items()), key=lambda kv: kv[1])
    if script == "ja":  # a few stray kana in Chinese text
        return "zh"
    if script != "latin":
        return script
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "und"
    shares = {code: sum(w in stop for w in words) / len(words) for code, stop in stopwords.items()}
    best = max(sorted(shares), key=lambda code: shares[code])
    return best if shares[best] >= min_share else "und"
