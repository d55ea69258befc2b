"""Words a regex cannot match without: a prefilter that skips patterns which cannot match a text.

Running N patterns over every sentence or line costs N scans even where none of
them can match. Most cue patterns contain a word any match must include
("letter", "congratulat"); ``required_words`` finds such words from the parsed
pattern, and ``Prefilter`` looks for all of them in one Aho-Corasick pass, so
only the patterns whose words occur are run. The prefilter only ever skips a
pattern that cannot match: results are the same as running every pattern.

Case: words and text are compared after ``fold`` (lower case, and the few
characters that ``re.IGNORECASE`` treats as equal, such as long s and s, made one),
so a word found case-sensitively or case-insensitively is always found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick_rs

try:  # the parser and case table the re module itself uses; without them, no prefilter
    from re import _casefix, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - a Python without them: every pattern runs
    _parser = None
    _casefix = None

_MIN_WORD = 3  # shorter ASCII words (", ", "to") are in nearly every text: no filter


def _fold_table() -> dict[int, int]:
    """Each character ``re.IGNORECASE`` makes equal to another (beyond lower case) -> one of its class."""
    table: dict[int, int] = {}
    for code, others in getattr(_casefix, "_EXTRA_CASES", {}).items():
        table[code] = min((code, *others))
    return table


_FOLD = _fold_table()
_FOLDED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]") if _FOLD else None


def fold(text: str) -> str | None:
    """``text`` in lower case with re's extra case classes made one; None where lower case changes its length."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two characters: re compares one by one, so no filter
        return None
    # translate is slow on non-ASCII text; most has none of these characters (curly quotes aren't)
    return low.translate(_FOLD) if _FOLDED is not None and _FOLDED.search(low) else low


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective word set: the one whose shortest word is longest."""
    useful = [c for c in candidates if c and all(len(w) >= _MIN_WORD or not w.isascii() for w in c)]
    return max(useful, key=lambda c: (min(map(len, c)), -len(c))) if useful else None


def _required(items: Sequence) -> frozenset[str] | None:
    """Words of which every match of the parsed sequence ``items`` contains one, or None if unknown."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run)}))
            run.clear()

    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        flush()
        found: frozenset[str] | None = None
        if name == "SUBPATTERN":
            found = _required(av[-1])
        elif name == "ATOMIC_GROUP":
            found = _required(av)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            found = _required(av[2])
        elif name == "BRANCH":
            alternatives = [_required(alt) for alt in av[1]]
            if all(a is not None for a in alternatives):
                found = frozenset().union(*alternatives)  # type: ignore[arg-type]
        if found is not None:
            candidates.append(found)
    flush()
    best = _best(candidates)
    if best is None:
        return None
    folded = [fold(w) for w in best]
    return frozenset(folded) if all(folded) else None  # type: ignore[arg-type]


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded words of which any match of ``pattern`` contains one; None if no such set is known."""
    if _parser is None:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern the parser reads differently: no filter, never a wrong skip
        return None
    return _required(list(parsed))


class Prefilter:
    """Which of a list of patterns can match a text, found in one pass over it."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.size = len(patterns)
        words = [required_words(p) for p in patterns]
        self._always = tuple(i for i, w in enumerate(words) if w is None)
        vocabulary = sorted({w for ws in words if ws for w in ws})
        index = {w: n for n, w in enumerate(vocabulary)}
        # word number -> the patterns that need it
        self._users: list[list[int]] = [[] for _ in vocabulary]
        for i, ws in enumerate(words):
            for w in ws or ():
                self._users[index[w]].append(i)
        self._automaton = ahocorasick_rs.AhoCorasick(vocabulary) if vocabulary else None

    def candidates(self, text: str) -> Sequence[int]:
        """Indexes, in order, of the patterns that may match ``text`` (all of them when unsure)."""
        if self._automaton is None:
            return range(self.size)
        folded = fold(text)
        if folded is None:
            return range(self.size)
        matches = self._automaton.find_matches_as_indexes(folded, overlapping=True)
        if not matches:  # the common case: only the patterns without words
            return self._always
        hits = set(self._always)
        for word, _, _ in matches:
            hits.update(self._users[word])
        return sorted(hits)
