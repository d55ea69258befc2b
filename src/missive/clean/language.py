"""Language of a page: script counts first, then common words for Latin-script text."""

from __future__ import annotations

import functools
import re
from collections import Counter

from ..errors import DataError
from ..resources import load_data, require_keys

LANG_FILE = "boilerplate/languages.yaml"
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@functools.cache
def _rules() -> tuple[list[tuple[str, re.Pattern[str], int]], dict[str, frozenset[str]], float]:
    """(per script: code, a compiled class of its letters, its lowest code point; stopwords; min share)."""
    data = load_data(LANG_FILE)
    if not isinstance(data, dict):
        raise DataError(f"{LANG_FILE}: expected a mapping")
    require_keys(LANG_FILE, data, ("scripts", "stopwords", "min_share"))
    scripts = []
    for entry in data["scripts"]:
        require_keys(LANG_FILE, entry, ("code", "ranges"))
        try:
            ranges = [tuple(int(x, 16) for x in r.split("-")) for r in entry["ranges"]]
            if any(len(r) != 2 or r[0] > r[1] for r in ranges):
                raise ValueError("a range is start-end, start <= end")
        except (ValueError, AttributeError) as exc:
            raise DataError(f"{LANG_FILE}: bad ranges in {entry!r}") from exc
        scripts.append((str(entry["code"]), _letters_of(ranges), min(r[0] for r in ranges)))
    stopwords = {code: frozenset(str(w).lower() for w in words)
                 for code, words in sorted(data["stopwords"].items())}
    return scripts, stopwords, float(data["min_share"])


def _letters_of(ranges: list[tuple[int, ...]]) -> re.Pattern[str]:
    """One regex matching a letter (``str.isalpha``) in any of the ranges."""
    body = "".join(f"{re.escape(chr(lo))}-{re.escape(chr(hi))}" for lo, hi in ranges)
    # The lookahead keeps letters only, as isalpha: no digits, marks or punctuation in a range.
    return re.compile(f"(?=[^\\W\\d_])[{body}]")


def script_counts(text: str) -> Counter[str]:
    """Letters of ``text`` per script code (scripts without letters left out)."""
    scripts, _, _ = _rules()
    # One C-level regex scan per script: a per-character Python loop was a quarter of
    # the time of cleaning and extracting a page. ASCII text (isascii is O(1)) can only
    # hold letters of the scripts whose ranges start in ASCII, so the others are not scanned.
    # Scripts whose ranges start past ASCII are counted on the text's non-ASCII characters
    # alone (their letters are all there), a fraction of an English page.
    beyond = "" if text.isascii() else "".join(_NON_ASCII.findall(text))
    counts: Counter[str] = Counter()
    for code, letters, low in scripts:
        scope = text if low <= 0x7F else beyond
        found = len(letters.findall(scope)) if scope else 0
        if found:
            counts[code] = found
    return counts


def detect_language(text: str) -> str:
    """Return a language code ("en", "zh", "ko", "ja", "ru", ...) for ``text``, or "und"."""
    _, stopwords, min_share = _rules()
    counts = script_counts(text)
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
    words = Counter(_WORD.findall(text.lower()))
    total = sum(words.values())
    if not total:
        return "und"
    shares = {code: sum(words[w] for w in stop if w in words) / total for code, stop in stopwords.items()}
    best = max(sorted(shares), key=lambda code: shares[code])
    return best if shares[best] >= min_share else "und"
