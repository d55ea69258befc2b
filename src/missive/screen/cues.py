"""The cue words of ``data/screen.yaml``, checked on load and compiled into automata."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick_rs
import opencc

from ..errors import DataError
from ..resources import load_data

DATA_FILE = "screen.yaml"
#: The actor registry (shared knowledge, read as data): its full names count as office cues.
REGISTRY_INDEX = "actors/index.yaml"

#: The groups a page must both match, close together, to be kept.
GROUPS: tuple[str, ...] = ("correspondence", "office")
#: Top-level keys of screen.yaml besides the groups.
SETTINGS: tuple[str, ...] = ("window",)
DEFAULT_WINDOW = 400


#: UTF-8 lead bytes of U+3000..U+DFFF (CJK punctuation, kana, Han, Hangul syllables). A cue
#: holding none goes into the small automaton too; a text holding none can only match those.
#: (Testing bytes with ``in`` is memchr-fast; a str regex over these ranges costs more than the scan.)
_CJK_LEADS: tuple[bytes, ...] = tuple(bytes([lead]) for lead in range(0xE3, 0xEE))


def _may_hold_cjk(text: str) -> bool:
    """True when ``text`` may hold a character of U+3000..U+DFFF (the scripts of the CJK cues)."""
    if text.isascii():
        return False
    raw = text.encode("utf-8", "surrogatepass")
    return any(lead in raw for lead in _CJK_LEADS)


#: Where a sentence ends: cues on either side of one belong to different statements
#: ("... the minister of sport attended. Fans called for ..."), so they are no pair.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|[。！？]|\n\s*\n")

#: What a cue stands for: (group, cue, whether the cue must start a word).
CueValue = tuple[str, str, bool]


@dataclass(frozen=True)
class Automaton:
    """Cue words compiled into one Aho-Corasick automaton (ahocorasick-rs), and what each one means."""

    matcher: ahocorasick_rs.AhoCorasick
    values: tuple[CueValue, ...]

    @classmethod
    def build(cls, cues: dict[str, CueValue], dfa: bool = False) -> Automaton:
        """Compile ``{cue: value}``; ``dfa`` trades build time and memory for a faster scan (small sets)."""
        words = sorted(cues)
        kind = ahocorasick_rs.Implementation.DFA if dfa else None
        return cls(ahocorasick_rs.AhoCorasick(words, implementation=kind), tuple(cues[w] for w in words))

    def matches(self, text: str) -> list[tuple[int, int, CueValue]]:
        """Every cue occurrence, overlapping ones too, as (start, end exclusive, value), by end."""
        found = self.matcher.find_matches_as_indexes(text, overlapping=True)
        return sorted(((start, end, self.values[i]) for i, start, end in found), key=lambda m: (m[1], m[0]))


@dataclass(frozen=True)
class CueSet:
    """The cues of both groups compiled into automata, and how close the two groups must be.

    ``every`` holds all cues; ``latin`` only those without Han or Hangul (or
    kana), for the pages that hold none of these (most of a Western crawl): the
    smaller automaton is compiled to a DFA and scans about three times as fast.
    """

    every: Automaton
    latin: Automaton
    window: int  # characters between a correspondence cue and an office cue, at most

    def first_missing(self, text: str) -> str | None:
        """Return None when cues of both groups occur within ``window`` of each other in one sentence
        of ``text`` (already lowercased), else what is missing: a group's name, or "near" when both
        occur, but apart."""
        automaton = self.every if _may_hold_cjk(text) else self.latin
        last: dict[str, int] = {}
        for start, end, (group, cue, word_start) in automaton.matches(text):
            if word_start and start > 0 and text[start - 1].isalnum():
                continue
            other = "office" if group == "correspondence" else "correspondence"
            # By end order, the latest cue of the other group is the nearest before this one;
            # when a sentence ends between them, every earlier one is across that end too.
            if other in last and start - last[other] <= self.window:
                if not _SENTENCE_END.search(text, last[other], start):
                    return None
            last[group] = end - 1
        for group in GROUPS:
            if group not in last:
                return group
        return "near"


def _needs_word_start(cue: str) -> bool:
    # Scripts that separate words by spaces get the word-start check; CJK does not.
    return any("a" <= ch <= "z" for ch in cue)


def parse_cues(data: object) -> dict:
    """Check the shape of screen.yaml: window: N, and {group: {language: [cue, ...]}} for every group."""
    if not isinstance(data, dict):
        raise DataError(f"{DATA_FILE}: expected a mapping of groups, got {type(data).__name__}")
    unknown = sorted(set(map(str, data)) - set(GROUPS) - set(SETTINGS))
    if unknown:
        raise DataError(f"{DATA_FILE}: unknown key(s) {', '.join(unknown)}; expected {', '.join(GROUPS + SETTINGS)}")
    window = data.get("window")
    if not isinstance(window, int) or isinstance(window, bool) or window < 1:
        raise DataError(f"{DATA_FILE}: 'window' must be a positive number of characters, got {window!r}")
    parsed: dict = {"window": window}
    for group in GROUPS:
        languages = data.get(group)
        if not isinstance(languages, dict) or not languages:
            raise DataError(f"{DATA_FILE}: group {group!r} needs a mapping of language -> cue list")
        parsed[group] = {}
        for language, cues in languages.items():
            if not isinstance(cues, list) or not cues:
                raise DataError(f"{DATA_FILE}: {group}.{language} must be a non-empty list")
            for cue in cues:
                if not isinstance(cue, str) or not cue.strip():
                    raise DataError(f"{DATA_FILE}: {group}.{language} holds an empty or non-text cue {cue!r}")
                if cue != cue.lower():
                    raise DataError(f"{DATA_FILE}: cue {cue!r} must be lowercase (pages are lowercased)")
            parsed[group][str(language)] = list(cues)
    return parsed


@functools.cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def expand_variants(language: str, cues: list[str]) -> list[str]:
    """The cues plus, for Chinese, their traditional-character forms (OpenCC s2t); sorted, no repeats.

    s2tw and s2hk give the same forms for these cues, and each converter costs
    a fifth of a second to load, so one is enough.
    """
    forms = set(cues)
    if language.startswith("zh"):
        forms.update(_s2t().convert(cue) for cue in cues)
    return sorted(forms)


def build_cues(data: dict) -> CueSet:
    """Compile the parsed cue lists of both groups into automata (all cues; Latin-script cues only)."""
    every: dict[str, CueValue] = {}
    for group in GROUPS:
        for language, cues in sorted(data[group].items()):
            for cue in expand_variants(language, cues):
                # A word that is a cue of both groups counts for the first (correspondence).
                every.setdefault(cue, (group, cue, _needs_word_start(cue)))
    latin = {cue: value for cue, value in every.items() if not _may_hold_cjk(cue)}
    return CueSet(Automaton.build(every), Automaton.build(latin, dfa=True), data.get("window", DEFAULT_WINDOW))


def registry_names(index: object) -> list[str]:
    """The full names (aliases, Chinese and Korean names) of every registry actor, lowercased and sorted.

    Short forms ("Moon", "Kim") are left out: as cues they would match common words.
    """
    if not isinstance(index, dict) or not isinstance(index.get("files"), list):
        raise DataError(f"{REGISTRY_INDEX}: expected a 'files' list")
    names: set[str] = set()
    for name in index["files"]:
        entries = load_data(name)
        if not isinstance(entries, list):
            raise DataError(f"{name}: expected a list of actors")
        for entry in entries:
            if not isinstance(entry, dict):
                raise DataError(f"{name}: actor entry {entry!r} is not a mapping")
            forms = list(entry.get("aliases") or [])
            for local in (entry.get("names") or {}).values():
                forms.extend(local or [])
            names.update(str(form).lower() for form in forms if str(form).strip())
    return sorted(names)


@functools.cache
def load_cues() -> CueSet:
    """The cue set from data/screen.yaml plus the registry's names, validated and compiled once per process."""
    data = parse_cues(load_data(DATA_FILE))
    data["office"]["registry"] = registry_names(load_data(REGISTRY_INDEX))
    return build_cues(data)
