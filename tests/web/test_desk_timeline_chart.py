"""The chart's note on pairs it does not draw: a number when the timeline counted the pairs."""

from __future__ import annotations

from missive.analyse import Timeline, TimelineRow
from missive.web.chart import MAX_ROWS, layout


def rows(n: int) -> tuple[TimelineRow, ...]:
    return tuple(TimelineRow((f"a{i:02d}", f"b{i:02d}"), (f"A{i}", f"B{i}"), 5, {2001: {"letter": 5}}) for i in range(n))


def test_the_chart_counts_the_pairs_it_leaves_out():
    chart = layout(Timeline((2001,), ("letter",), rows(MAX_ROWS), pairs=MAX_ROWS + 7))
    assert len(chart.rows) == MAX_ROWS and chart.hidden_rows == 7


def test_every_pair_drawn_leaves_no_note():
    assert layout(Timeline((2001,), ("letter",), rows(3), pairs=3)).hidden_rows == 0


def test_pairs_not_counted_are_left_out_without_a_number():
    assert layout(Timeline((2001,), ("letter",), rows(MAX_ROWS), pairs=None)).hidden_rows is None
