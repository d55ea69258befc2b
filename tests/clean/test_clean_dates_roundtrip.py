"""Every date format read back as the date written, for any day (a property over the calendar)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive.clean.dates import date_from_url, find_full_dates

FORMATS = [
    "%Y-%m-%d", "%Y-%m-%d %H:%M", "%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y", "%d.%m.%Y", "%Y.%m.%d",
    "%Y/%m/%d", "%A, %d %B %Y", "%A, %B %d, %Y", "%d-%b-%Y", "%Y年%m月%d日", "%Y년 %m월 %d일",
    "Published: %d.%m.%Y %H:%M", "Posted on %B %d, %Y", "%H:%M %B %d, %Y",
]
days = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=40, deadline=None)
@given(day=days)
def test_format_reads_back(fmt: str, day: dt.date) -> None:
    line = day.strftime(fmt)
    found = find_full_dates(line)
    assert found, line
    assert found[0].date.to_date() == day, line


@settings(max_examples=60, deadline=None)
@given(day=days)
def test_juche_forms_read_back(day: dt.date) -> None:
    juche = day.year - 1911
    for line in (f"(Juche{juche}.{day.month}.{day.day}.)", f"Juche {juche} ({day.year}).{day.month}.{day.day}.",
                 f"주체{juche}({day.year})년 {day.month}월 {day.day}일"):
        assert find_full_dates(line)[0].date.to_date() == day, line


@settings(max_examples=60, deadline=None)
@given(day=days)
def test_url_forms_read_back(day: dt.date) -> None:
    for path in (day.strftime("/news/%Y/%m/%d/a.html"), day.strftime("/a/%Y%m/%d/b.html"),
                 day.strftime("/politics/%Y-%m/%d/c_1.htm"), day.strftime("/item/%Y%m%d-01.html"),
                 day.strftime("/x/%Y/%b/%d/slug/").lower()):
        found = date_from_url("https://example.com" + path)
        assert found is not None and found.date.to_date() == day, path
