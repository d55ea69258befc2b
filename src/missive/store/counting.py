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


def count_sql(query: Query, by: str, text_clause: TextClause) -> tuple[str, list[Any]]:
    """The GROUP BY statement (``?`` placeholders) counting events matching ``query`` per ``by``."""
    if by not in _COUNT_BY:
        raise InputError(f"cannot count by {by!r}: choose one of {', '.join(COUNT_BY)}")
    keys, labels = _COUNT_BY[by]
    where, params = event_where(dataclasses.replace(query, limit=None, after=None), text_clause, "e")
    cols = ", ".join([f"{k} AS k{i}" for i, k in enumerate(keys)] + list(labels) + ["count(*)"])
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
