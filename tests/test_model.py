"""The kernel's date type: precision survives, calendars are checked, ordering is total."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missive.model import PartialDate


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    if precision == "day":
        return PartialDate(day.year, day.month, day.day)
    return PartialDate(day.year, day.month) if precision == "month" else PartialDate(day.year)


@given(partial_dates())
def test_iso_round_trips_with_its_precision(date: PartialDate) -> None:
    assert PartialDate.parse(date.iso()) == date
    assert PartialDate.parse(date.iso()).precision == date.precision


@given(st.lists(partial_dates(), max_size=20))
def test_any_mix_of_precisions_sorts(dates: list[PartialDate]) -> None:
    ordered = sorted(dates)
    assert [d.sort_key() for d in ordered] == sorted(d.sort_key() for d in dates)


def test_partial_dates_of_different_precision_sort_by_their_first_day() -> None:
    dates = [PartialDate(2021, 9, 9), PartialDate(2021), PartialDate(2021, 9), PartialDate(2020, 12, 31)]
    assert sorted(dates) == [PartialDate(2020, 12, 31), PartialDate(2021), PartialDate(2021, 9), PartialDate(2021, 9, 9)]
    assert PartialDate(2021, 9) < PartialDate(2021, 9, 1)


@pytest.mark.parametrize("args", [(2021, 2, 30), (2021, 13), (2021, None, 5)])
def test_impossible_dates_are_refused(args: tuple) -> None:
    with pytest.raises(ValueError):
        PartialDate(*args)


@pytest.mark.parametrize("text", ["1391-00", "2021-02-00", "2021-13", "2021-00-05"])
def test_a_zero_or_out_of_range_month_or_day_is_no_date(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)
