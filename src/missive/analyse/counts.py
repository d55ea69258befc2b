"""Counts and timeline data over stored events: who wrote to whom, how, and when.

Read-only views used by both the web app and the CLI; they take a ``Store``
and a ``Query`` and never change the store.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Literal

from ..errors import InputError
from ..model import MESSAGE_TYPES, ActorRef, Event
from ..store.base import Query, Store

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
class TimelineEvent:
    """One event placed on a pair's row: forward means sent by the row's first actor."""

    id: str
    date: str | None
    year: int | None
    type: str
    forward: bool
    sender: str
    recipient: str


@dataclass(frozen=True)
class TimelineRow:
    """The events between two actors (either direction), counted per year and type."""

    pair: tuple[str, str]
    labels: tuple[str, str]
    total: int
    per_year: dict[int, dict[str, int]] = field(default_factory=dict)
    events: tuple[TimelineEvent, ...] = ()


@dataclass(frozen=True)
class Timeline:
    """Rows per pair of leaders over a continuous span of years, typed for colouring."""

    years: tuple[int, ...]
    types: tuple[str, ...]
    rows: tuple[TimelineRow, ...]
    undated: int = 0


def _type_order(types: set[str]) -> tuple[str, ...]:
    known = [t for t in MESSAGE_TYPES if t in types]
    return tuple(known + sorted(types - set(MESSAGE_TYPES)))


def timeline(store: Store, query: Query = Query()) -> Timeline:
    """Group matching events by unordered pair of actors, then by year and type."""
    by_pair: dict[tuple[str, str], list[Event]] = defaultdict(list)
    names: dict[str, str] = {}
    for ev in _all_events(store, query):
        a, b = actor_key(ev.sender), actor_key(ev.recipient)
        names.setdefault(a, ev.sender.name)
        names.setdefault(b, ev.recipient.name)
        by_pair[tuple(sorted((a, b)))].append(ev)  # type: ignore[index]
    rows: list[TimelineRow] = []
    years: set[int] = set()
    types: set[str] = set()
    undated = 0
    for pair, events in by_pair.items():
        per_year: dict[int, dict[str, int]] = defaultdict(dict)
        placed: list[TimelineEvent] = []
        for ev in sorted(events, key=lambda e: (e.date is None, e.date or 0, e.id)):  # type: ignore[arg-type]
            types.add(ev.type)
            year = ev.date.year if ev.date else None
            if year is None:
                undated += 1
            else:
                years.add(year)
                cell = per_year[year]
                cell[ev.type] = cell.get(ev.type, 0) + 1
            placed.append(
                TimelineEvent(
                    id=ev.id,
                    date=ev.date.iso() if ev.date else None,
                    year=year,
                    type=ev.type,
                    forward=actor_key(ev.sender) == pair[0],
                    sender=ev.sender.name,
                    recipient=ev.recipient.name,
                )
            )
        rows.append(
            TimelineRow(
                pair=pair,
                labels=(names[pair[0]], names[pair[1]]),
                total=len(events),
                per_year=dict(sorted(per_year.items())),
                events=tuple(placed),
            )
        )
    rows.sort(key=lambda r: (-r.total, r.labels, r.pair))
    span = tuple(range(min(years), max(years) + 1)) if years else ()
    return Timeline(years=span, types=_type_order(types), rows=tuple(rows), undated=undated)
