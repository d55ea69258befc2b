"""missive.sentences.split_sentences: where sentences end, on sentences written for the test."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive import sentences
from missive.errors import DataError
from missive.sentences import split_sentences


def texts(text: str, language: str = "en") -> list[str]:
    return [s.text for s in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a news dateline: the month abbreviation does not end the sentence
        ("HANOI, Sept. 2 (VNA) -- The president sent a letter. It was warm.",
         ["HANOI, Sept. 2 (VNA) -- The president sent a letter.", "It was warm."]),
        ("MOSCOW, Jan. 1 -- Greetings were sent.", ["MOSCOW, Jan. 1 -- Greetings were sent."]),
        # titles before names
        ("Gen. Ri and Mr. Pak met Dr. Choe. They talked.", ["Gen. Ri and Mr. Pak met Dr. Choe.", "They talked."]),
        # dotted acronyms and initials
        ("The U.S. envoy left. The D.P.R.K. side stayed.", ["The U.S. envoy left.", "The D.P.R.K. side stayed."]),
        ("A letter from Donald J. Trump arrived. Kim read it.", ["A letter from Donald J. Trump arrived.", "Kim read it."]),
        ("U. Tin Oo wrote to him. He replied.", ["U. Tin Oo wrote to him.", "He replied."]),
        # "No." before a number
        ("Decree No. 5 was signed. It took effect.", ["Decree No. 5 was signed.", "It took effect."]),
        # etc. ends a sentence only before a capital
        ("Rice, maize etc. were sent. Then came more.", ["Rice, maize etc. were sent.", "Then came more."]),
        ("Rice, maize etc. Then came more.", ["Rice, maize etc.", "Then came more."]),
        # an unknown abbreviation before a lowercase word does not end it
        ("It weighed approx. ten tons and more. Fine.", ["It weighed approx. ten tons and more.", "Fine."]),
        # quotes and brackets stay with the sentence they close
        ('He said, "We stand together." Then he left.', ['He said, "We stand together."', "Then he left."]),
        ("(The talks went well.) Both sides agreed.", ["(The talks went well.)", "Both sides agreed."]),
        ("Really? Yes! Good.", ["Really?", "Yes!", "Good."]),
        # decimals and times are not stops
        ("Output rose 3.5 percent at 10.30 a.m. on Monday. Done.", ["Output rose 3.5 percent at 10.30 a.m. on Monday.",
                                                                   "Done."]),
        # line breaks: a headline line ends, a wrapped line does not
        ("Leader sends greetings\nThe leader sent greetings.", ["Leader sends greetings", "The leader sent greetings."]),
        ("He thanked the people of the two countries,\nwho stood together.", [
            "He thanked the people of the two countries,\nwho stood together."]),
        ("One line\n\nanother paragraph", ["One line", "another paragraph"]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_english_sentence_ends(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("主席发来贺电。双方表示祝贺！你好吗？好", "zh", ["主席发来贺电。", "双方表示祝贺！", "你好吗？", "好"]),
        ("他说：“我们是邻邦。”两国友好。", "zh", ["他说：“我们是邻邦。”", "两国友好。"]),
        ("위원장은 축전을 보냈다. 주석은 감사를 표했다.", "ko", ["위원장은 축전을 보냈다.", "주석은 감사를 표했다."]),
        # a Korean stop glued to the next sentence still ends it
        ("축전을 보냈다.주석은 답했다.", "ko", ["축전을 보냈다.", "주석은 답했다."]),
        ("축전을 보냈다.주석은 답했다.", "en", ["축전을 보냈다.주석은 답했다."]),
        # English abbreviations in a Korean text stay whole
        ("그는 U.S. 대사를 만났다. 끝이다.", "ko", ["그는 U.S. 대사를 만났다.", "끝이다."]),
    ],
)
def test_cjk_and_korean_sentence_ends(text, language, expected):
    assert texts(text, language) == expected


def test_offsets_are_exact():
    text = "  BEIJING, Oct. 1 (Xinhua) -- A message.\n\n 두 번째다.  第三。"
    spans = split_sentences(text, "ko")
    assert [(s.start, s.end) for s in spans] == [(2, 40), (43, 49), (51, 54)]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_unknown_language_uses_the_common_rules():
    assert texts("One. Two。Three", "xx") == ["One.", "Two。", "Three"]


_ALPHABET = st.sampled_from(list("aZ .!?。！？\n\"”)(-,U.S.Sept다김習 \t") + ["Sept.", "Mr.", "U.S.", "etc.", "다.", "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from(["en", "zh", "ko", "und"]))
def test_spans_are_ordered_disjoint_and_exact(text, language):
    spans = split_sentences(text, language)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip()
        previous_end = span.end
    # nothing but whitespace is left out
    covered = "".join(text[s.start : s.end] for s in spans)
    assert "".join(covered.split()) == "".join(text.split())


@given(st.text(max_size=200))
def test_never_raises_on_any_text(text):
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))


def test_data_file_is_checked(monkeypatch):
    sentences.rules.cache_clear()
    sentences._patterns.cache_clear()
    good = {"abbreviations": ["Mr"], "final_abbreviations": ["etc"], "latin_enders": ".", "cjk_enders": "。",
            "closers": ")", "wrap_endings": ",", "languages": {}}
    bad = [{**good, "abbreviations": ["Mr", False]}, {**good, "latin_enders": ""},
           {**good, "languages": {"ko": {"ender_after": "힣-가"}}}, {k: v for k, v in good.items() if k != "closers"}]
    try:
        monkeypatch.setattr(sentences, "load_data", lambda name: good)
        assert sentences.rules().abbreviations == {"Mr"}
        for raw in bad:
            sentences.rules.cache_clear()
            monkeypatch.setattr(sentences, "load_data", lambda name, raw=raw: raw)
            with pytest.raises(DataError):
                sentences.rules()
    finally:
        sentences.rules.cache_clear()
        sentences._patterns.cache_clear()


def test_data_file_loads_with_the_abbreviations_quoted():
    r = sentences.rules()
    assert {"No", "Sept", "Gen", "Mr"} <= r.abbreviations  # "No" would be read as false if unquoted
    assert "etc" in r.final_abbreviations
