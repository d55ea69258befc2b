"""The cleaning knowledge files load and validate; outlet and language on written samples."""

from __future__ import annotations

import pytest

from missive.clean import detect_language, find_outlet
from missive.clean.cues import boilerplate_cues, date_rules
from missive.errors import DataError


def test_cue_files_load_with_unique_ids() -> None:
    cues = boilerplate_cues()
    assert set(cues) == {"drop", "stop", "stamp"}
    ids = [cue.id for group in cues.values() for cue in group]
    assert len(ids) == len(set(ids)) and all(ids)
    rules = date_rules()
    assert sorted(set(rules.months.values())) == list(range(1, 13))


def test_bad_cue_pattern_is_a_data_error() -> None:
    from missive.clean.cues import _cue_list

    with pytest.raises(DataError, match="bad pattern"):
        _cue_list("test", [{"id": "x", "pattern": "(unclosed"}])
    with pytest.raises(DataError, match="duplicate id"):
        _cue_list("test", [{"id": "x", "pattern": "a"}, {"id": "x", "pattern": "b"}])


@pytest.mark.parametrize("url, text, expected", [
    ("http://www.kcna.kp/en/article/1.html", "", "KCNA"),
    ("https://en.yna.co.kr/view/AEN1", "", "Yonhap"),
    ("https://tass.com/world/1", "", "TASS"),
    (None, "Pyongyang, May 4 (KCNA) -- The chairman met a visitor.", "KCNA"),
    (None, "MOSCOW, August 30. /TASS/. The president called.", "TASS"),
    (None, "Hanoi (VNA) – Leaders sent messages.", "Vietnam News Agency"),
    (None, "新华社北京9月9日电 国家主席致电祝贺。", "Xinhua"),
    (None, "조선중앙통신은 3일 위원장이 축전을 보냈다고 보도했다.", "KCNA"),
    (None, "(서울=연합뉴스) 위원장이 축전을 보냈다.", "Yonhap"),
    ("https://unknown.example.org/a", "Nothing to credit here.", None),
])
def test_outlet_from_domain_then_text(url: str | None, text: str, expected: str | None) -> None:
    assert find_outlet(url, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The chairman sent a message of greetings to the president of the friendly country.", "en"),
    ("国家主席向友好国家总统致贺电，祝贺两国建交七十周年。", "zh"),
    ("國家主席向友好國家總統致賀電，祝賀兩國建交七十週年。", "zh"),
    ("위원장은 우방국 대통령에게 축전을 보냈다고 통신이 보도했다.", "ko"),
    ("首相は友好国の大統領に祝電を送ったと通信社が伝えた。", "ja"),
    ("Президент направил поздравительное послание председателю.", "ru"),
    ("Le président a envoyé un message de félicitations au président du pays ami.", "fr"),
    ("12345 !!!", "und"),
])
def test_language_by_script_then_stopwords(text: str, expected: str) -> None:
    assert detect_language(text) == expected
