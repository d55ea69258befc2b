"""A language-neutral sentence splitter that keeps character offsets.

A sentence ends at a Latin stop (. ! ?) that whitespace or the end of the text
follows, at a CJK stop (。！？) anywhere, and at a line break, with three
exceptions so that news datelines and names survive whole:

* a stop after a known abbreviation ("Sept.", "Gen.", "Mr.": data/sentences.yaml)
  or after a single letter ("U.S.", "D.P.R.K.", the initial in "Donald J. Trump")
  does not end a sentence; "etc."-like words end one only before a capital;
* a stop followed by a lowercase word does not end one ("approx. five");
* a line break after a comma or an opening bracket, or before a lowercase word,
  is a wrapped line, not the end of a sentence.

Closing quotes and brackets stay with the sentence they close. Offsets index
the text as given: ``text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .errors import DataError
from .model import Span
from .resources import load_data, require_keys

_DATA = "sentences.yaml"


@dataclass(frozen=True)
class Rules:
    """The splitter's settings from sentences.yaml, checked and compiled."""

    abbreviations: frozenset[str]
    final_abbreviations: frozenset[str]
    latin_enders: str
    cjk_enders: str
    closers: str
    wrap_endings: str
    ender_after: dict[str, str]  # language -> character class (without brackets)


def _strings(raw: object, what: str) -> frozenset[str]:
    if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
        raise DataError(f"{_DATA}: {what} must be a list of non-empty strings")
    return frozenset(raw)


@functools.cache
def rules() -> Rules:
    """Load and check sentences.yaml (cached); raise DataError when it is malformed."""
    raw = load_data(_DATA)
    if not isinstance(raw, dict):
        raise DataError(f"{_DATA}: expected a mapping at the top")
    require_keys(_DATA, raw, ("abbreviations", "final_abbreviations", "latin_enders", "cjk_enders", "closers",
                              "wrap_endings", "languages"))
    for key in ("latin_enders", "cjk_enders", "closers", "wrap_endings"):
        if not isinstance(raw[key], str) or not raw[key]:
            raise DataError(f"{_DATA}: {key} must be a non-empty string of characters")
    langs = raw["languages"] or {}
    if not isinstance(langs, dict) or not all(isinstance(v, dict) for v in langs.values()):
        raise DataError(f"{_DATA}: languages must map a language code to its settings")
    ender_after = {}
    for code, extra in sorted(langs.items()):
        if "ender_after" in extra:
            try:
                re.compile(f"[{extra['ender_after']}]")
            except re.error as exc:
                raise DataError(f"{_DATA}: languages.{code}.ender_after is not a character class: {exc}") from exc
            ender_after[str(code)] = str(extra["ender_after"])
    return Rules(
        abbreviations=_strings(raw["abbreviations"], "abbreviations"),
        final_abbreviations=_strings(raw["final_abbreviations"], "final_abbreviations"),
        latin_enders=raw["latin_enders"],
        cjk_enders=raw["cjk_enders"],
        closers=raw["closers"],
        wrap_endings=raw["wrap_endings"],
        ender_after=ender_after,
    )


@functools.cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None]:
    r = rules()
    closers = re.escape(r.closers)
    latin = re.compile(f"[{re.escape(r.latin_enders)}]+[{closers}]*(?=\\s|$)")
    cjk = re.compile(f"[{re.escape(r.cjk_enders)}]+[{closers}]*")
    tight = None
    if language in r.ender_after:
        # A stop glued to the next word ("했다.그는") still ends a sentence after these characters.
        tight = re.compile(f"(?<=[{r.ender_after[language]}])[{re.escape(r.latin_enders)}]+[{closers}]*(?=\\S)")
    return latin, cjk, tight


_WORD_BEFORE = re.compile(r"([^\W\d_][\w'-]{0,40})\.$")
_SINGLE_LETTER = re.compile(r"(?:^|[\s.(\"'“‘])[^\W\d_]\.$")
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]*(\S)")


def _is_abbreviation(text: str, stop: int, r: Rules) -> bool:
    """True when the full stop at ``stop`` closes an abbreviation that does not end the sentence."""
    if text[stop] != ".":
        return False
    before = text[max(0, stop - 20) : stop + 1]
    if _SINGLE_LETTER.search(before):
        return True  # U.S., D.P.R.K., an initial
    m = _WORD_BEFORE.search(before)
    if not m:
        return False
    word = m.group(1)
    if word in r.abbreviations:
        return True
    if word in r.final_abbreviations:
        nxt = _NEXT_WORD.match(text, stop + 1)
        return not (nxt and nxt.group(1).isupper())
    return False


def _continues_lowercase(text: str, pos: int) -> bool:
    """True when the next word after ``pos`` starts with a lowercase letter (the sentence goes on)."""
    nxt = _NEXT_WORD.match(text, pos)
    return bool(nxt and nxt.group(1).islower())


def _cuts(text: str, language: str) -> list[int]:
    r = rules()
    latin, cjk, tight = _patterns(language)
    cuts = {len(text)}
    for m in latin.finditer(text):
        last_stop = m.start() + len(m.group(0).rstrip(r.closers)) - 1
        if _is_abbreviation(text, last_stop, r) or _continues_lowercase(text, m.end()):
            continue
        cuts.add(m.end())
    cuts.update(m.end() for m in cjk.finditer(text))
    if tight is not None:
        cuts.update(m.end() for m in tight.finditer(text))
    for m in re.finditer(r"\n", text):
        # Look only at a small window on each side: slicing the whole text at
        # every line break made splitting quadratic in the page's size.
        before = text[max(0, m.start() - 64) : m.start()].rstrip(" \t\r")
        after = text[m.end() : m.end() + 64]
        blank_next = after.lstrip(" \t\r").startswith("\n")
        wrapped = (before[-1:] in r.wrap_endings and before[-1:] != "") or _continues_lowercase(text, m.end())
        if blank_next or not wrapped:
            cuts.add(m.start())
    return sorted(cuts)


def split_sentences(text: str, language: str = "en") -> list[Span]:
    """Cut ``text`` into sentence Spans in order, offsets into ``text``, blank stretches left out."""
    spans: list[Span] = []
    start = 0
    for cut in _cuts(text, language):
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e, text[s:e]))
        start = max(start, cut)
    return spans
