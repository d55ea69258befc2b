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
    # For the timeline's cells: the year as text ("950", as str(int) writes it) from sort_date,
    # which the listing indexes hold beside the type, so a type filter reads no table row.
    "year_type": (
        ("CASE WHEN e.undated = 1 THEN NULL ELSE CAST(CAST(substr(e.sort_date, 1, 4) AS INTEGER) AS TEXT) END", "e.type"),
        (),
    ),
}
COUNT_BY: tuple[str, ...] = tuple(_COUNT_BY)
#: The groupings ``event_tallies`` keeps; any other is grouped over the events even unfiltered.
TALLIED: tuple[str, ...] = ("pair", "type", "year")
#: The key of undated events in a count by year.
UNDATED_KEY = "undated"


def unfiltered(query: Query) -> bool:
    """Whether ``query`` filters nothing (paging and order aside): then the tallies answer it."""
    return dataclasses.replace(query, order="date", limit=None, after=None) == Query()


#: store_state key prefix of the number of groups the tallies hold per grouping.
GROUPS_KEY = "tally_groups:"


def refresh_tallies(cur: Any) -> None:
    """Rewrite ``event_tallies`` from the events table (in the caller's transaction)."""
    cur.execute("DELETE FROM event_tallies")
    cur.execute("DELETE FROM store_state WHERE key = ?", [TALLIES_STALE])
    cur.execute(f"DELETE FROM store_state WHERE key LIKE '{GROUPS_KEY}%'")
    for by in TALLIED:
        sql, params = _tally_select(by)
        cur.execute(f"INSERT INTO event_tallies (grouping, k0, k1, label, n) SELECT ?, k0, k1, label, n FROM ({sql}) t",
                    [by, *params])
    # The number of groups, kept: counting 89,700 index entries per page of pairs took 8-40 ms.
    cur.execute(
        f"INSERT INTO store_state (key, value) SELECT '{GROUPS_KEY}' || grouping, CAST(count(*) AS TEXT)"
        " FROM event_tallies GROUP BY grouping"
    )


def _tally_select(by: str) -> tuple[str, list[Any]]:
    """Every event counted per ``by`` in the kept form: (k0, k1, label, n), all text but n."""
    keys, labels = _COUNT_BY[by]
    k1 = "CAST(k1 AS TEXT)" if len(keys) > 1 else "''"
    label = "l0 || ' → ' || l1" if labels else "k0"
    inner, _ = count_sql(Query(), by, lambda alias, text: ("", []))
    # NULL (undated) is kept as the key it is shown as.
    return (f"SELECT COALESCE(CAST(k0 AS TEXT), ?) AS k0, {k1} AS k1, COALESCE(CAST({label} AS TEXT), ?) AS label,"
            f" n FROM ({inner}) g", [UNDATED_KEY, UNDATED_KEY])


def tallies_fresh(cur: Any) -> bool:
    """Whether ``event_tallies`` holds the counts of the events table as it is."""
    cur.execute("SELECT 1 FROM store_state WHERE key = ?", [TALLIES_STALE])
    return cur.fetchone() is None


def tally_sql(by: str) -> tuple[str, list[Any]]:
    """The SELECT reading the kept counts of every event per ``by``: (key parts, label, count)."""
    if by not in _COUNT_BY:
        raise InputError(f"cannot count by {by!r}: choose one of {', '.join(COUNT_BY)}")
    if by not in TALLIED:  # not kept: grouped over every event, in the same form
        sql, params = _tally_select(by)
        return f"SELECT k0, k1, label, n FROM ({sql}) t", params
    return "SELECT k0, k1, label, n FROM event_tallies WHERE grouping = ?", [by]


def tally_rows(found: Sequence[Sequence[Any]], by: str) -> list[tuple[tuple[str, ...], str, int]]:
    """(key, label, count) from the rows of :func:`tally_sql`, sorted by key."""
    width = len(_COUNT_BY[by][0])
    return sorted(((str(k0), str(k1))[:width], str(label), int(n)) for k0, k1, label, n in found)


def count_sql(query: Query, by: str, text_clause: TextClause, from_reports: bool = False) -> tuple[str, list[Any]]:
    """The GROUP BY statement (``?`` placeholders) counting events matching ``query`` per ``by``
    (``from_reports``: as in ``filters.event_where``)."""
    if by not in _COUNT_BY:
        raise InputError(f"cannot count by {by!r}: choose one of {', '.join(COUNT_BY)}")
    keys, labels = _COUNT_BY[by]
    where, params = event_where(dataclasses.replace(query, limit=None, after=None), text_clause, "e", from_reports)
    cols = ", ".join([f"{k} AS k{i}" for i, k in enumerate(keys)] + [f"{x} AS l{i}" for i, x in enumerate(labels)]
                     + ["count(*) AS n"])
    group = ", ".join(f"k{i}" for i in range(len(keys)))
    return f"SELECT {cols} FROM events e{where} GROUP BY {group}", params


def _ordering(by: str, collate: str, label: str) -> str:
    """ORDER BY for a count in display order over columns k0, k1, n and ``label``.

    ``collate`` makes text compare by code point on PostgreSQL, as Python and SQLite do.
    """
    if by == "year":  # calendar order, undated last (k0 is an int, or NULL when undated)
        return " ORDER BY k0 IS NULL, k0"
    keys = ", ".join(f"k{i}{collate}" for i in range(len(_COUNT_BY[by][0])))
    return f" ORDER BY n DESC, ({label}){collate}, {keys}"


def _window(limit: int, offset: int) -> str:
    # Literals, as the listing's LIMIT: int() keeps them numbers whatever the caller passed.
    if limit < 1 or offset < 0 or max(limit, offset) >= 2**63:
        raise InputError(f"a count page needs limit >= 1 and offset >= 0, not {limit} and {offset}")
    return f" LIMIT {int(limit)} OFFSET {int(offset)}"


def tally_page_sql(by: str, limit: int, offset: int, collate: str = "") -> tuple[str, list[Any]]:
    """One page of the kept counts of every event, in display order (k0, k1, label, n).

    Pairs and types walk the ``event_tallies_top`` index (0006) and stop after the
    page: 89,700 pairs cost no more than 100. Years (a few dozen rows) are sorted.
    """
    sql, params = tally_sql(by)
    if by == "year":
        year = f"CASE WHEN k0 = '{UNDATED_KEY}' THEN NULL ELSE CAST(k0 AS INTEGER) END"
        order = f" ORDER BY k0 = '{UNDATED_KEY}', {year}"
    else:
        order = f" ORDER BY n DESC, label{collate}, k0{collate}, k1{collate}"
    return sql + order + _window(limit, offset), params


def tally_total(cur: Any, by: str) -> int:
    """How many groups the kept counts hold for ``by``: kept by :func:`refresh_tallies`, else
    counted (tallies made before 0006, or no group at all)."""
    if by not in TALLIED:
        sql, params = tally_sql(by)
        cur.execute(f"SELECT count(*) FROM ({sql}) c", params)
        return int(cur.fetchone()[0])
    cur.execute("SELECT value FROM store_state WHERE key = ?", [GROUPS_KEY + by])
    kept = cur.fetchone()
    if kept is not None:
        return int(kept[0])
    cur.execute("SELECT count(*) FROM event_tallies WHERE grouping = ?", [by])
    return int(cur.fetchone()[0])


def count_page_sql(query: Query, by: str, text_clause: TextClause, limit: int, offset: int,
                   collate: str = "", from_reports: bool = False) -> tuple[str, list[Any]]:
    """One page of the GROUP BY of :func:`count_sql` in display order, each row ending with
    the number of groups (a window over the groups, so one statement gives both)."""
    inner, params = count_sql(query, by, text_clause, from_reports)
    label = " || ' → ' || ".join(f"l{i}" for i in range(len(_COUNT_BY[by][1]))) or "k0"
    sql = f"SELECT g.*, count(*) OVER () AS total FROM ({inner}) g" + _ordering(by, collate, label)
    return sql + _window(limit, offset), params


def page_rows(found: Sequence[Sequence[Any]], by: str) -> list[tuple[tuple[str, ...], str, int]]:
    """(key, label, count) from rows of :func:`count_page_sql` (the total column cut), in their order."""
    width = len(_COUNT_BY[by][0])
    return [_count_row(row[:-1], width) for row in found]


def tally_page_rows(found: Sequence[Sequence[Any]], by: str) -> list[tuple[tuple[str, ...], str, int]]:
    """(key, label, count) from rows of :func:`tally_page_sql`, in their order."""
    width = len(_COUNT_BY[by][0])
    return [((str(k0), str(k1))[:width], str(label), int(n)) for k0, k1, label, n in found]


def _count_row(row: Sequence[Any], width: int) -> tuple[tuple[str, ...], str, int]:
    key = tuple(UNDATED_KEY if v is None else str(v) for v in row[:width])
    names = [str(n) for n in row[width:-1]]
    return key, " → ".join(names) if names else key[0], int(row[-1])


def count_rows(found: Sequence[Sequence[Any]], by: str) -> list[tuple[tuple[str, ...], str, int]]:
    """(key, label, count) from the rows of :func:`count_sql`, sorted by key.

    A year key is ``str(year)`` or "undated"; a pair's label is "Sender → Recipient".
    """
    width = len(_COUNT_BY[by][0])
    return sorted(_count_row(row, width) for row in found)
