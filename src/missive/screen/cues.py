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

#: The groups a page must each match once to be kept, in the order they are tried
#: (the rarer group first, so most irrelevant pages are rejected after one scan).
GROUPS: tuple[str, ...] = ("correspondence", "office")


@dataclass(frozen=True)
class CueSet:
    """One compiled automaton per group; a value is (cue, whether it must start a word)."""

    automata: tuple[tuple[str, ahocorasick.Automaton], ...]

    def first_missing(self, text: str) -> str | None:
        """Return the first group with no cue in ``text`` (already lowercased), or None."""
        for group, automaton in self.automata:
            if not _has_cue(automaton, text):
                return group
        return None


def _has_cue(automaton: ahocorasick.Automaton, text: str) -> bool:
    """True when some cue occurs in ``text``; Latin cues only where a word starts."""
    for end, (cue, word_start) in automaton.iter(text):
        if not word_start:
            return True
        start = end - len(cue) + 1
        if start == 0 or not text[start - 1].isalnum():
            return True
    return False


def _needs_word_start(cue: str) -> bool:
    # Scripts that separate words by spaces get the word-start check; CJK does not.
    return any("a" <= ch <= "z" for ch in cue)


def parse_cues(data: object) -> dict[str, dict[str, list[str]]]:
    """Check the shape of screen.yaml: {group: {language: [cue, ...]}} for every group."""
    if not isinstance(data, dict):
        raise DataError(f"{DATA_FILE}: expected a mapping of groups, got {type(data).__name__}")
    unknown = sorted(set(map(str, data)) - set(GROUPS))
    if unknown:
        raise DataError(f"{DATA_FILE}: unknown group(s) {', '.join(unknown)}; expected {', '.join(GROUPS)}")
    parsed: dict[str, dict[str, list[str]]] = {}
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


#: Chinese cues are written once, in simplified characters; these OpenCC
#: conversions add the traditional forms (Taiwan and Hong Kong pages).
_ZH_VARIANTS: tuple[str, ...] = ("s2t", "s2tw", "s2hk")


def expand_variants(language: str, cues: list[str]) -> list[str]:
    """The cues plus, for Chinese, their traditional-character forms; sorted, no repeats."""
    forms = set(cues)
    if language.startswith("zh"):
        for config in _ZH_VARIANTS:
            converter = opencc.OpenCC(config)
            forms.update(converter.convert(cue) for cue in cues)
    return sorted(forms)


def build_cues(data: dict[str, dict[str, list[str]]]) -> CueSet:
    """Compile the parsed cue lists into one automaton per group."""
    automata = []
    for group in GROUPS:
        automaton = ahocorasick.Automaton()
        for language, cues in sorted(data[group].items()):
            for cue in expand_variants(language, cues):
                automaton.add_word(cue, (cue, _needs_word_start(cue)))
        automaton.make_automaton()
        automata.append((group, automaton))
    return CueSet(tuple(automata))


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
