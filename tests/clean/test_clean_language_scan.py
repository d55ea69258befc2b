"""detect_language counts scripts with one regex scan each; it must agree with a letter-by-letter count."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive.clean.language import LANG_FILE, detect_language, script_counts
from missive.resources import load_data


def _reference_counts(text: str) -> Counter[str]:
    """The specification: every letter (str.isalpha) counted under the first script whose range holds it."""
    scripts = [(e["code"], [tuple(int(x, 16) for x in r.split("-")) for r in e["ranges"]])
               for e in load_data(LANG_FILE)["scripts"]]
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isalpha():
            for code, ranges in scripts:
                if any(lo <= ord(ch) <= hi for lo, hi in ranges):
                    counts[code] += 1
                    break
    return counts


# Characters from every configured script plus digits, marks, punctuation and other scripts.
_ALPHABET = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x2FF),
    st.characters(min_codepoint=0x0400, max_codepoint=0x0E7F),
    st.characters(min_codepoint=0x1100, max_codepoint=0x11FF),
    st.characters(min_codepoint=0x1E00, max_codepoint=0x1EFF),
    st.characters(min_codepoint=0x3000, max_codepoint=0x4DFF),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4E80),
    st.characters(min_codepoint=0xAC00, max_codepoint=0xAC80),
    st.characters(min_codepoint=0xF900, max_codepoint=0xFB00),
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_script_counts_match_a_letter_by_letter_count(text):
    assert script_counts(text) == _reference_counts(text)


@pytest.mark.parametrize("text, language", [
    ("The minister said that the talks with the delegation were useful for both sides.", "en"),
    ("Le ministre a dit que les entretiens avec la délégation sont utiles pour les deux pays.", "fr"),
    ("주석은 대표단을 만나 두 나라의 협력에 대하여 이야기하였다.", "ko"),
    ("部长表示，两国代表团的会谈富有成果。", "zh"),
    ("大臣は代表団との会談が有益だったと述べた。", "ja"),
    ("Министр сказал, что переговоры были полезными.", "ru"),
    ("12345 67890 !!! ???", "und"),
    ("Xyzzy plugh frobnicate quux.", "und"),
])
def test_detect_language_on_sentences(text, language):
    assert detect_language(text) == language
