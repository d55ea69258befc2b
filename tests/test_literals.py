"""The regex prefilter: the words a pattern needs, and that skipping by them never changes a result."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive.clean.cues import boilerplate_cues
from missive.extract.triggers import load_cues
from missive.literals import Prefilter, fold, required_words


def words(pattern: str, flags: int = re.I) -> frozenset[str] | None:
    return required_words(re.compile(pattern, flags))


def test_a_literal_run_is_required():
    assert words(r"(?<![\w-])wrote (?:back )?to\b") == {"wrote "}


def test_alternatives_each_give_a_word():
    assert words(r"(?:sent|sends) (?:a )?cable") == {"cable"}
    assert words(r"telegrams?|cables?") == {"telegram", "cable"}


def test_optional_parts_and_short_words_give_none():
    assert words(r"(?:kind )?regards") == {"regards"}
    assert words(r"(?:kind )?") is None
    assert words(r"^\d{1,4}$") is None
    assert words(r"to|of") is None  # too common to filter by


def test_words_are_folded_so_case_never_hides_one():
    assert words(r"(?-i:Message)") == {"message"}
    assert fold("Long ſ and Kelvin \u212a") == fold("long s and kelvin k")


def test_a_text_whose_lower_case_changes_length_is_never_filtered():
    assert fold("İstanbul") is None
    pre = Prefilter([re.compile("in", re.I), re.compile("zzz", re.I)])
    assert list(pre.candidates("İn")) == [0, 1]


def test_only_patterns_whose_words_occur_are_candidates():
    pats = [re.compile(p, re.I) for p in (r"letters?", r"phone calls?", r"\d+", r"condolences")]
    pre = Prefilter(pats)
    assert list(pre.candidates("He sent a LETTER on Monday.")) == [0, 2]
    assert list(pre.candidates("A phone call and condolences.")) == [1, 2, 3]


_ALPHABET = "abcegilmnorstuy .,'’İſ\u212aKS0123"
_SAMPLES = [
    "The minister sent a letter of thanks.",
    "Congratulations were cabled by the premier.",
    "Cookie policy | Privacy policy",
    "Photo: a staff reporter",
    "Share this article",
    "He phoned his counterpart.",
]


@pytest.mark.parametrize("patterns", [
    [rx for _, _, rx in load_cues("en").kinds],
    [cue.regex for group in boilerplate_cues().values() for cue in group],
], ids=["trigger kinds", "boilerplate cues"])
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(alphabet=_ALPHABET, max_size=60), st.sampled_from(_SAMPLES)))
def test_every_pattern_that_matches_is_a_candidate(patterns, text):
    pre = Prefilter(patterns)
    kept = set(pre.candidates(text))
    for i, rx in enumerate(patterns):
        if rx.search(text):
            assert i in kept, (rx.pattern, text)
