"""Anniversary numbers written in Chinese numerals count like Arabic ones."""

from __future__ import annotations

import pytest

from missive.extract.cjk.dates import number
from missive.extract.cjk import extract_reports_cjk
from missive.model import DatedValue, Document, PartialDate


@pytest.mark.parametrize(
    ("text", "value"),
    [("75", 75), ("一百", 100), ("七十五", 75), ("七十", 70), ("十", 10), ("十五", 15), ("一百零一", 101), ("二十", 20)],
)
def test_number(text: str, value: int) -> None:
    assert number(text) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "朝鲜劳动党总书记金正恩7月1日致电中共中央总书记、国家主席习近平，热烈祝贺中国共产党成立一百周年。",
        "朝鮮勞動黨總書記金正恩7月1日致電中共中央總書記、國家主席習近平，熱烈祝賀中國共產黨成立一百週年。",
    ],
)
def test_an_anniversary_in_chinese_numerals_is_the_occasion(sentence: str) -> None:
    doc = Document(page_hash="h", source="p.txt", text=sentence, language="zh",
                   published=DatedValue(PartialDate(2021, 7, 2), None, "test"))
    (report,) = extract_reports_cjk(doc)
    assert report.occasion.kind == "anniversary" and report.occasion.anniversary == 100
