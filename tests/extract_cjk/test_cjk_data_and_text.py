"""CJK knowledge files load and are checked; the matching copy keeps offsets; sentences cut right."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missive.errors import DataError
from missive.extract.cjk import names as cjk_names
from missive.extract.cjk.lexicon import load_lexicon
from missive.extract.cjk.text import normalize, split_sentences
from missive.extract.registry import load_registry


@pytest.mark.parametrize(
    ("written", "actor"),
    [("습근평", "xi-jinping"), ("시진핑", "xi-jinping"), ("習近平", "xi-jinping"), ("김정은", "kim-jong-un"),
     ("普京", "vladimir-putin"), ("普丁", "vladimir-putin"), ("뿌찐", "vladimir-putin"), ("卢卡申科", "alexander-lukashenko"),
     ("루카셴코", "alexander-lukashenko"), ("苏林", "to-lam"), ("통룬", "thongloun-sisoulith")],
)
def test_registry_knows_the_cjk_names(written, actor):
    assert load_registry().resolve(written).id == actor


def test_every_cjk_entry_names_a_registry_actor():
    ids = set(load_registry().actors)
    data = cjk_names.load_cjk_names()
    assert set(data.names) <= ids
    assert data.titles["zh"] and data.titles["ko"]


def test_unknown_actor_id_is_a_data_error(monkeypatch):
    fake = cjk_names.CjkNames(names={"no-such-person": {"zh": ("某某",)}}, short={}, roles={}, titles={})
    monkeypatch.setattr(cjk_names, "load_cjk_names", lambda: fake)
    with pytest.raises(DataError, match="no-such-person"):
        cjk_names.merge_cjk_names(list(load_registry().actors.values()))


@pytest.mark.parametrize("language", ["zh", "ko"])
def test_cue_tables_load(language):
    lex = load_lexicon(language)
    assert {k.type for k in lex.kinds} >= {"congratulatory", "verbal", "condolence", "letter", "message", "call"}
    assert any(k.reply for k in lex.kinds)


@given(st.text(alphabet=st.sampled_from("習近平金正恩發電（）１２３「」“”ＡＢ，。！？ 전축답\n한국語體"), max_size=60))
def test_matching_copy_keeps_length(text):
    for language in ("zh", "ko"):
        assert len(normalize(text, language)) == len(text)


def test_traditional_is_simplified_half_width_made_ascii():
    assert normalize("習近平致賀電（１０月）", "zh") == "习近平致贺电(10月)"
    assert normalize("習近平", "ko") == "習近平"  # Korean text keeps Hanja as written


@given(st.lists(st.sampled_from(["习近平致贺电。", "金正恩表示感谢！", "他说：好？", "\n", " "]), max_size=8))
def test_zh_sentences_are_offsets_into_the_text(parts):
    text = "".join(parts)
    for span in split_sentences(normalize(text, "zh"), "zh"):
        assert text[span.start : span.end] == span.text.replace("：", ":") or normalize(text[span.start : span.end], "zh") == span.text
        assert span.text.strip() == span.text and span.text


def test_sentence_ends():
    zh = "习近平致贺电。金正恩复电表示感谢！"
    assert [s.text for s in split_sentences(zh, "zh")] == ["习近平致贺电。", "金正恩복电表示感谢！".replace("복", "复")]
    ko = "김정은 위원장이 축전을 보냈다. 시 주석은 답전을 보냈습니다. 2021.7.24 기사"
    assert [s.text for s in split_sentences(ko, "ko")] == ["김정은 위원장이 축전을 보냈다.", "시 주석은 답전을 보냈습니다.", "2021.7.24 기사"]
