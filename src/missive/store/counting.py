"""Aggregate counts of events with GROUP BY in SQL, the same for both backends.

Counting in the database returns one row per group instead of loading every
matching event (at 1M events the difference is seconds against milliseconds).
"""

from __future__ import annotations

import dataclasses
from typing import Any, Sequence

from ..errors import InputError
from .base import Query
from .filters import TextClause, event_where
from .replace import TALLIES_STALE

#: Per ``by``: SQL key expressions over events ``e`` (an actor is its registry id, else
#: its name, as ``analyse.actor_key``), then the label expressions.
_COUNT_BY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "pair": (
        ("COALESCE(NULLIF(e.sender_id, ''), e.sender_name)", "COALESCE(NULLIF(e.recipient_id, ''), e.recipient_name)"),
        ("MIN(e.sender_name)", "MIN(e.recipient_name)"),
    ),
    "type": (("e.type",), ()),
    # The ISO date starts with a 4-digit year; NULL (undated) is a group of its own.
    "year": (("CASE WHEN e.undated = 1 THEN NULL ELSE CAST(substr(e.date, 1, 4) AS INTEGER) END",), ()),
}
COUNT_BY: tuple[str, ...] = tuple(_COUNT_BY)
#: The key of undated events in a count by year.
UNDATED_KEY = "undated"


def unfiltered(query: Query) -> bool:
    """Whether ``query`` filters nothing (paging and order aside): then the tallies answer it."""
    return dataclasses.replace(query, order="date", limit=None, after=None) == Query()


def refresh_tallies(cur: Any) -> None:
    """Rewrite ``event_tallies`` from the events table (in the caller's transaction)."""
    cur.execute("DELETE FROM event_tallies")
    cur.execute("DELETE FROM store_state WHERE key = ?", [TALLIES_STALE])
    for by, (keys, labels) in _COUNT_BY.items():
        k1 = "k1" if len(keys) > 1 else "''"
        label = "l0 || ' → ' || l1" if labels else "k0"
        inner, _ = count_sql(Query(), by, lambda alias, text: ("", []))
        # NULL (undated) is stored as the key it is shown as.
        cur.execute(
            f"INSERT INTO event_tallies (grouping, k0, k1, label, n) SELECT ?, COALESCE(CAST(k0 AS TEXT), ?), {k1},"
            f" COALESCE(CAST({label} AS TEXT), ?), n FROM ({inner}) t",
            [by, UNDATED_KEY, UNDATED_KEY],
        )


def tallies_fresh(cur: Any) -> bool:
    """Whether ``event_tallies`` holds the counts of the events table as it is."""
    cur.execute("SELECT 1 FROM store_state WHERE key = ?", [TALLIES_STALE])
    return cur.fetchone() is None


def tally_sql(by: str) -> tuple[str, list[Any]]:
    """The SELECT reading the kept counts of every event per ``by``: (key parts, label, count)."""
    if by not in _COUNT_BY:
        raise InputError(f"cannot count by {by!r}: choose one of {', '.join(COUNT_BY)}")
    return "SELECT k0, k1, label, n FROM event_tallies WHERE grouping = ?", [by]


def tally_rows(found: Sequence[Sequence[Any]], by: str) -> list[tuple[tuple[str, ...], str, int]]:
    """(key, label, count) from the rows of :func:`tally_sql`, sorted by key."""
    width = len(_COUNT_BY[by][0])
    return sorted(((str(k0), str(k1))[:width], str(label), int(n)) for k0, k1, label, n in found)


def count_sql(query: Query, by: str, text_clause: TextClause) -> tuple[str, list[Any]]:
    """The GROUP BY statement (``?`` placeholders) counting events matching ``query`` per ``by``."""
    if by not in _COUNT_BY:
        raise InputError(f"cannot count by {by!r}: choose one of {', '.join(COUNT_BY)}")
    keys, labels = _COUNT_BY[by]
    where, params = event_where(dataclasses.replace(query, limit=None, after=None), text_clause, "e")
    cols = ", ".join([f"{k} AS k{i}" for i, k in enumerate(keys)] + [f"{x} AS l{i}" for i, x in enumerate(labels)]
                     + ["count(*) AS n"])
    group = ", ".join(f"k{i}" for i in range(len(keys)))
    return f"SELECT {cols} FROM events e{where} GROUP BY {group}", params


def count_rows(found: Sequence[Sequence[Any]], by: str) -> list[tuple[tuple[str, ...], str, int]]:
    """(key, label, count) from the rows of :func:`count_sql`, sorted by key.

    A year key is ``str(year)`` or "undated"; a pair's label is "Sender → Recipient".
    """
    width = len(_COUNT_BY[by][0])
    out: list[tuple[tuple[str, ...], str, int]] = []
    for row in found:
        key = tuple(UNDATED_KEY if v is None else str(v) for v in row[:width])
        names = [str(n) for n in row[width:-1]]
        out.append((key, " → ".join(names) if names else key[0], int(row[-1])))
    return sorted(out)
