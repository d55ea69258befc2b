"""Counts and timeline data over stored events: who wrote to whom, how, and when.

Read-only views used by both the web app and the CLI; they take a ``Store``
and a ``Query`` and never change the store.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Literal

from ..errors import InputError
from ..model import MESSAGE_TYPES, ActorRef, Event
from ..store.base import Query, Store
from ..store.counting import unfiltered

CountBy = Literal["pair", "type", "year"]
COUNT_BY: tuple[str, ...] = ("pair", "type", "year")
UNDATED = "undated"


def actor_key(ref: ActorRef) -> str:
    """The identity an actor is grouped by: registry id when resolved, else the name."""
    return ref.actor_id or ref.name


@dataclass(frozen=True)
class CountRow:
    """One group of a count: its key parts, a readable label, and how many events."""

    key: tuple[str, ...]
    label: str
    count: int


def _all_events(store: Store, query: Query, page_size: int = 2000) -> list[Event]:
    """Every event matching the filters, without its reports (counts and the timeline see all).

    Read through the light listing: decoding every report's evidence made the
    timeline take seconds on ten thousand events.
    """
    events: list[Event] = []
    after: str | None = None
    while True:
        page, after = store.event_summaries_page(replace(query, limit=page_size, after=after))
        events.extend(summary.event for summary in page)
        if after is None:
            return events


def count_events(store: Store, by: str, query: Query = Query()) -> list[CountRow]:
    """Count matching events per directed pair, per type or per year.

    Pairs and types come most frequent first; years in calendar order with
    undated events last. Raises InputError for an unknown ``by``.
    """
    if by not in COUNT_BY:
        raise InputError(f"cannot count by {by!r}: choose one of {', '.join(COUNT_BY)}")
    if hasattr(store, "count_events"):
        # GROUP BY in the database: one row per group instead of every event.
        rows = [CountRow(k, label, n) for k, label, n in store.count_events(query, by)]
    else:
        rows = _count_in_python(store, by, query)
    if by == "year":
        return sorted(rows, key=lambda r: (r.key[0] == UNDATED, r.key))
    return sorted(rows, key=lambda r: (-r.count, r.label, r.key))


@dataclass(frozen=True)
class CountTable:
    """One page of a count in display order, and how many groups the whole count has."""

    rows: list[CountRow]
    total: int
    limit: int
    offset: int = 0


#: Groups a count shows unless asked for more: a reader wants the top pairs, not 90,000 of them.
TOP = 100


def count_page(store: Store, by: str, query: Query = Query(), limit: int = TOP, offset: int = 0) -> CountTable:
    """The groups ``offset`` to ``offset + limit`` of :func:`count_events`, in the same order,
    and the number of groups: the store sends back only that page (the top pairs of a
    million events read 100 index entries). Raises InputError for an unknown ``by``, a
    limit under 1 or a negative offset.
    """
    if by not in COUNT_BY:
        raise InputError(f"cannot count by {by!r}: choose one of {', '.join(COUNT_BY)}")
    if limit < 1 or offset < 0:
        raise InputError(f"a count page needs limit >= 1 and offset >= 0, not {limit} and {offset}")
    if hasattr(store, "count_page"):
        found = store.count_page(query, by, limit=limit, offset=offset)
        return CountTable([CountRow(k, label, n) for k, label, n in found.rows], found.total, limit, offset)
    rows = count_events(store, by, query)
    return CountTable(rows[offset : offset + limit], len(rows), limit, offset)


def _count_in_python(store: Store, by: str, query: Query) -> list[CountRow]:
    """The same counts over every matching event, for a store without ``count_events``."""
    counts: Counter[tuple[str, ...]] = Counter()
    labels: dict[tuple[str, ...], str] = {}
    names: dict[tuple[str, ...], tuple[str, str]] = {}
    for ev in _all_events(store, query):
        if by == "pair":
            key = (actor_key(ev.sender), actor_key(ev.recipient))
            # As the store's GROUP BY: the smallest name seen on each side.
            s, r = names.get(key, (ev.sender.name, ev.recipient.name))
            names[key] = (min(s, ev.sender.name), min(r, ev.recipient.name))
            labels[key] = " → ".join(names[key])
        elif by == "type":
            key = (ev.type,)
            labels[key] = ev.type
        else:
            key = (str(ev.date.year) if ev.date else UNDATED,)
            labels[key] = key[0]
        counts[key] += 1
    return [CountRow(k, labels[k], n) for k, n in counts.items()]


@dataclass(frozen=True)
class TimelineRow:
    """The events between two actors (either direction), counted per year and type."""

    pair: tuple[str, str]
    labels: tuple[str, str]
    total: int
    per_year: dict[int, dict[str, int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Timeline:
    """The busiest pairs of actors over a continuous span of years, typed for colouring.

    ``years``, ``types`` and ``undated`` cover every matching event; ``rows`` holds only
    the busiest pairs (``pairs`` is how many pairs there are, None when not counted).
    """

    years: tuple[int, ...]
    types: tuple[str, ...]
    rows: tuple[TimelineRow, ...]
    undated: int = 0
    pairs: int | None = None


def _type_order(types: set[str]) -> tuple[str, ...]:
    known = [t for t in MESSAGE_TYPES if t in types]
    return tuple(known + sorted(types - set(MESSAGE_TYPES)))


#: Pairs a timeline shows: the chart draws no more (web/chart.py MAX_ROWS).
TIMELINE_ROWS = 40
#: Directed pairs read first when nothing is filtered (from the kept tallies); ten times more
#: each time they cannot prove which pairs are the busiest.
FIRST_PAIRS = 1000
_EVERY = 2**62  # a count page holding every group


class _Couple:
    """An unordered pair (a <= b) as the directed counts show it: each direction's count and
    each side's smallest name (plain slots: a million events hold 45,000 pairs)."""

    __slots__ = ("counts", "total", "labels")

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = {}
        self.total = 0
        self.labels: tuple[str, str] | None = None

    def add(self, sender: str, recipient: str, n: int, names: tuple[str, str]) -> None:
        """Count one direction; ``names`` are its (sender, recipient) names."""
        self.counts[(sender, recipient)] = n
        self.total += n
        if sender == recipient:
            names = (min(names),) * 2
        elif sender > recipient:
            names = (names[1], names[0])
        old = self.labels
        self.labels = names if old is None else (min(old[0], names[0]), min(old[1], names[1]))


def _fold(rows: list[tuple[tuple[str, ...], str, int]]) -> dict[tuple[str, str], _Couple]:
    """Directed pair counts folded into unordered pairs; a label "S → R" gives each side's
    smallest name (split at its first arrow: a name holding " → " itself is cut there)."""
    couples: dict[tuple[str, str], _Couple] = {}
    for key, label, n in rows:
        s, r = key[0], key[1]
        pair = (s, r) if s <= r else (r, s)
        couple = couples.get(pair)
        if couple is None:
            couple = couples[pair] = _Couple()
        s_name, _, r_name = label.partition(" → ")
        couple.add(s, r, n, (s_name, r_name))
    return couples


def _top(couples: dict[tuple[str, str], _Couple], rows: int) -> list[tuple[tuple[str, str], _Couple]]:
    """The ``rows`` busiest pairs, ties by labels then keys."""
    return heapq.nsmallest(rows, couples.items(), key=lambda kv: (-kv[1].total, kv[1].labels, kv[0]))


def _busiest(store: Store, query: Query, rows: int) -> tuple[list[tuple[tuple[str, str], _Couple]], int | None]:
    """The ``rows`` busiest unordered pairs with their exact directed counts, and how many
    pairs there are (None when not all were read).

    A filtered count groups every matching event anyway, so all directed pairs are read.
    Unfiltered, the kept tallies give the top K directed pairs; with c the K-th count, a pair
    seen in one direction has at most c more, one not seen at most 2c. The answer is exact
    once no pair that could reach the last shown total lacks a direction and no unseen pair
    could reach it; else K grows tenfold, up to every pair (45,000 pairs of a million
    uniform random events need that: 0.3 s).
    """
    limit = FIRST_PAIRS if unfiltered(query) else _EVERY
    while True:
        page = count_page(store, "pair", query, limit=limit)
        couples = _fold([(r.key, r.label, r.count) for r in page.rows])
        shown = _top(couples, rows)
        if page.total <= limit:
            return shown, len(couples)
        last = page.rows[-1].count
        if len(shown) == rows:
            floor = shown[-1][1].total
            if 2 * last < floor and all(
                len(c.counts) == 2 or a == b or c.total + last < floor for (a, b), c in couples.items()
            ):
                return shown, None
        limit *= 10


def _labels(pair: tuple[str, str], couple: _Couple) -> tuple[str, str]:
    return couple.labels or pair


def _cells(store: Store, query: Query, sender: str, recipient: str, exact: int) -> Counter[tuple[str, str]]:
    """(year, type) counts of the events from ``sender`` to ``recipient`` (actor keys) matching
    ``query``, of which there are ``exact``.

    Counted with the actor filters, which match names case-insensitively and ids alike, so a
    few other actors may slip in: then those events are read and checked key by key.
    """
    narrowed = replace(query, sender=query.sender or sender, recipient=query.recipient or recipient)
    found = Counter({(k[0], k[1]): n for k, _, n in store.count_events(narrowed, "year_type")})
    if sum(found.values()) == exact:
        return found
    found = Counter()
    for ev in _all_events(store, narrowed):
        if actor_key(ev.sender) == sender and actor_key(ev.recipient) == recipient:
            found[(str(ev.date.year) if ev.date else UNDATED, ev.type)] += 1
    return found


def _spans(store: Store, query: Query) -> tuple[set[int], set[str], int]:
    """Years, types and the undated count of every matching event, from counts."""
    if unfiltered(query):  # the kept tallies answer both
        per_year = [(r.key[0], r.count) for r in count_events(store, "year", query)]
        types = {r.key[0] for r in count_events(store, "type", query)}
    else:
        cells = store.count_events(query, "year_type")
        per_year = [(k[0], n) for k, _, n in cells]
        types = {k[1] for k, _, _ in cells}
    years = {int(y) for y, _ in per_year if y != UNDATED}
    return years, types, sum(n for y, n in per_year if y == UNDATED)


def timeline(store: Store, query: Query = Query(), rows: int = TIMELINE_ROWS) -> Timeline:
    """The ``rows`` busiest unordered pairs of actors among the matching events (ties by
    their labels, then keys), each counted per year and type, over the span of years.

    Built from counts, never from every event: the busiest pairs from directed pair
    counts (see :func:`_busiest`), then one (year, type) count per direction shown.
    An actor's label is the smallest name it has in the pair's events.
    """
    if not hasattr(store, "count_events"):
        return _timeline_of_events(store, query, rows)
    busiest, pairs = _busiest(store, query, rows)
    years, types, undated = _spans(store, query)
    out: list[TimelineRow] = []
    for pair, couple in busiest:
        per_year: dict[int, dict[str, int]] = defaultdict(dict)
        for (s, r), n in couple.counts.items():
            for (year, type_), k in _cells(store, query, s, r, n).items():
                if year != UNDATED:
                    cell = per_year[int(year)]
                    cell[type_] = cell.get(type_, 0) + k
        out.append(TimelineRow(pair, _labels(pair, couple), couple.total,
                               {y: dict(sorted(c.items())) for y, c in sorted(per_year.items())}))
    span = tuple(range(min(years), max(years) + 1)) if years else ()
    return Timeline(years=span, types=_type_order(types), rows=tuple(out), undated=undated, pairs=pairs)


def _timeline_of_events(store: Store, query: Query, rows: int) -> Timeline:
    """The same timeline for a store that cannot count: over every matching event."""
    counts: dict[tuple[str, str], Counter[tuple[str, str]]] = defaultdict(Counter)
    couples: dict[tuple[str, str], _Couple] = defaultdict(_Couple)
    for ev in _all_events(store, query):
        s, r = actor_key(ev.sender), actor_key(ev.recipient)
        counts[(s, r)][(str(ev.date.year) if ev.date else UNDATED, ev.type)] += 1
        couple = couples[(min(s, r), max(s, r))]
        couple.add(s, r, counts[(s, r)].total(), (ev.sender.name, ev.recipient.name))
        couple.total = sum(couple.counts.values())
    order = _top(couples, rows)
    years = {int(y) for c in counts.values() for y, _ in c if y != UNDATED}
    types = {t for c in counts.values() for _, t in c}
    undated = sum(n for c in counts.values() for (y, _), n in c.items() if y == UNDATED)
    out = []
    for pair, couple in order:
        per_year: dict[int, dict[str, int]] = defaultdict(dict)
        for d in couple.counts:
            for (year, type_), k in counts[d].items():
                if year != UNDATED:
                    per_year[int(year)][type_] = per_year[int(year)].get(type_, 0) + k
        out.append(TimelineRow(pair, _labels(pair, couple), couple.total,
                               {y: dict(sorted(c.items())) for y, c in sorted(per_year.items())}))
    span = tuple(range(min(years), max(years) + 1)) if years else ()
    return Timeline(span, _type_order(types), tuple(out), undated, len(couples))
