"""The cue words of ``data/screen.yaml``, checked on load and compiled into automata."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import ahocorasick
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


@dataclass(frozen=True)
class CueSet:
    """The cues of both groups compiled into automata, and how close the two groups must be.

    ``every`` holds all cues; ``latin`` only those without Han or Hangul (or
    kana), for the pages that hold none of these (most of a Western crawl):
    the smaller automaton scans about twice as fast. A value is (group, cue, whether the
    cue must start a word).
    """

    every: ahocorasick.Automaton
    latin: ahocorasick.Automaton
    window: int  # characters between a correspondence cue and an office cue, at most

    def first_missing(self, text: str) -> str | None:
        """Return None when cues of both groups occur within ``window`` of each other in ``text``
        (already lowercased), else what is missing: a group's name, or "near" when both occur apart."""
        automaton = self.every if _may_hold_cjk(text) else self.latin
        last: dict[str, int] = {}
        for end, (group, cue, word_start) in automaton.iter(text):
            start = end - len(cue) + 1
            if word_start and start > 0 and text[start - 1].isalnum():
                continue
            other = "office" if group == "correspondence" else "correspondence"
            # Matches come in order of their end, so the latest of the other group is the nearest before.
            if other in last and start - last[other] <= self.window:
                return None
            last[group] = end
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
    every, latin = ahocorasick.Automaton(), ahocorasick.Automaton()
    for group in GROUPS:
        for language, cues in sorted(data[group].items()):
            for cue in expand_variants(language, cues):
                # A word that is a cue of both groups counts for the first (correspondence).
                value = (group, cue, _needs_word_start(cue))
                if cue not in every:
                    every.add_word(cue, value)
                if cue not in latin and not _may_hold_cjk(cue):
                    latin.add_word(cue, value)
    every.make_automaton()
    latin.make_automaton()
    return CueSet(every, latin, data.get("window", DEFAULT_WINDOW))


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
