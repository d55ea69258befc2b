"""DPRK header dates in Korean ("주체111(2022)년 12월 2일 금요일") and the Hong Kong "發佈日期" label."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missive.clean import clean_page
from missive.clean.dates import find_full_dates
from missive.model import Page


def published(text: str) -> str | None:
    page = Page(source="t.txt", raw=text.encode("utf-8"), text=text, media_type="text", encoding="utf-8", container="txt")
    doc = clean_page(page)
    return doc.published.date.iso() if doc.published else None


BODY_KO = ("경애하는 동지께서는 이날 지방의 여러 공장을 돌아보시면서 생산을 늘이기 위한 과업을 제시하시였다고 "
           "통신은 전하였다. 일군들은 높은 열의를 안고 과업을 집행하기 위한 대책을 세우고있다.")
BODY_ZH = "代表團在訪問期間參觀了當地多家工廠和學校，並同有關方面就加強經貿合作交換了意見，雙方同意保持密切溝通。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"조선중앙통신\n주체111(2022)년 12월 2일 금요일\n공장들을 돌아보시였다\n{BODY_KO}\n", "2022-12-02"),
        (f"로동신문\n주체 113 (2024)년 7월 3일 수요일\n{BODY_KO}\n", "2024-07-03"),
        # the Gregorian year in brackets may be left out: Juche 112 is 2023
        (f"주체112년 4월 18일\n{BODY_KO}\n", "2023-04-18"),
        (f"香港01 > 即時國際\n撰文：國際組 發佈日期：2024-08-03 21:02 最後更新日期：2024-08-03 21:05\n{BODY_ZH}\n", "2024-08-03"),
        # a Juche year in running text, far down the page, is not a header
        (f"조선중앙통신\n{BODY_KO}\n{BODY_KO}\n{BODY_KO}\n그 행사는 주체101(2012)년 4월 15일에 있었다.\n{BODY_KO}\n{BODY_KO}\n", None),
    ],
)
def test_cjk_header_dates(text: str, expected: str | None) -> None:
    assert published(text) == expected


@given(st.integers(min_value=50, max_value=120), st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_juche_korean_year_is_juche_plus_1911(juche: int, month: int, day: int) -> None:
    (found,) = find_full_dates(f"주체{juche}({juche + 1911})년 {month}월 {day}일")
    assert (found.date.year, found.date.month, found.date.day) == (juche + 1911, month, day)
