"""Geometry of the timeline chart: one row per pair of leaders, one column per year.

The template draws it as inline SVG (no script, works offline and in print);
each cell stacks the year's events by type, coloured by the type's CSS class.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..analyse import Timeline

LABEL_W = 250
ROW_H = 30
HEAD_H = 28
BAR_MAX_H = ROW_H - 8
MAX_ROWS = 40
TYPE_COLOURS: dict[str, str] = {  # Okabe-Ito: tells the types apart for most colour vision
    "congratulatory": "#E69F00",
    "greetings": "#56B4E9",
    "verbal": "#009E73",
    "letter": "#B8A200",
    "condolence": "#444444",
    "thanks": "#D55E00",
    "call": "#0072B2",
    "message": "#CC79A7",
}
OTHER_COLOUR = "#999999"


def colour(type_: str) -> str:
    """The fill colour of a message type (grey for types outside GUIDELINES.md)."""
    return TYPE_COLOURS.get(type_, OTHER_COLOUR)


@dataclass(frozen=True)
class Segment:
    type: str
    count: int
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class Cell:
    year: int
    total: int
    x: float
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Row:
    labels: tuple[str, str]
    pair: tuple[str, str]
    total: int
    y: float
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    col_w: float
    years: tuple[int, ...]
    year_x: tuple[float, ...]
    rows: tuple[Row, ...]
    hidden_rows: int | None  # pairs not drawn; None: some, not counted
    label_every: int
    legend: tuple[tuple[str, str], ...]


def layout(tl: Timeline, width: int = 960) -> Chart:
    """Place every (pair, year) cell; bar heights are relative to the busiest cell."""
    years = tl.years
    col_w = max(14.0, (width - LABEL_W) / max(len(years), 1))
    width = int(LABEL_W + col_w * max(len(years), 1))
    shown = tl.rows[:MAX_ROWS]
    peak = max((sum(c.values()) for r in shown for c in r.per_year.values()), default=1)
    rows = []
    for i, r in enumerate(shown):
        top = HEAD_H + i * ROW_H
        cells = []
        for j, year in enumerate(years):
            counts = r.per_year.get(year)
            if not counts:
                continue
            x = LABEL_W + j * col_w
            bottom = top + ROW_H - 4
            segs = []
            for t in tl.types:
                n = counts.get(t, 0)
                if not n:
                    continue
                h = BAR_MAX_H * n / peak
                bottom -= h
                segs.append(Segment(t, n, x + col_w * 0.2, bottom, col_w * 0.6, max(h, 1.5), colour(t)))
            cells.append(Cell(year, sum(counts.values()), x, tuple(segs)))
        rows.append(Row(r.labels, r.pair, r.total, top, tuple(cells)))
    height = HEAD_H + ROW_H * max(len(rows), 1) + 4
    return Chart(
        width=width,
        height=height,
        col_w=col_w,
        years=years,
        year_x=tuple(LABEL_W + (j + 0.5) * col_w for j in range(len(years))),
        rows=tuple(rows),
        hidden_rows=None if tl.pairs is None else max(0, tl.pairs - len(rows)),
        label_every=max(1, math.ceil(40 / col_w)),  # keep year labels from overlapping
        legend=tuple((t, colour(t)) for t in tl.types),
    )
