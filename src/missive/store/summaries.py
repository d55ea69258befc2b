"""Light event listings and the store's write generation, the same for both backends.

A listing of events shows each event's own fields and, of its reports, only how many
there are and which outlets and languages they come from. Decoding every report's
JSON (evidence spans and all) for that cost most of a listing's time, so summaries
read the event row's JSON and a few plain report columns instead.

The write generation is a counter every write transaction bumps as its last
statement (see the backends' ``_transaction``): a reader that saw generation N
and sees N again knows nothing was committed in between, so a cached answer holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from ..codec import event_from_dict
from ..model import Event

if TYPE_CHECKING:
    from .sql import Cursor

#: store_state key of the write generation.
GENERATION = "generation"
#: Ids per IN (...) lookup when joining the reports of a page of events.
CHUNK = 500

_BUMP = (
    f"INSERT INTO store_state (key, value) VALUES ('{GENERATION}', '1') ON CONFLICT (key)"
    " DO UPDATE SET value = CAST(CAST(store_state.value AS BIGINT) + 1 AS TEXT)"
)


@dataclass(frozen=True)
class EventSummary:
    """An event as a listing shows it: its fields (``data``, the ``codec.to_dict`` form
    without ``reports``), how many reports back it, their outlets and languages."""

    data: Mapping[str, Any]
    report_count: int
    outlets: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @cached_property
    def event(self) -> Event:
        """The model Event (with no reports), decoded on first use: templates want one."""
        return event_from_dict({**self.data, "reports": []})


def bump_generation(cur: Cursor) -> None:
    """Count one more committed write; call it last in the write transaction."""
    cur.execute(_BUMP)


def read_generation(cur: Cursor) -> int:
    """The current write generation (0 for a store never written since it was created)."""
    cur.execute("SELECT value FROM store_state WHERE key = ?", [GENERATION])
    row = cur.fetchone()
    return int(row[0]) if row else 0


def summaries(cur: Cursor, found: Sequence[tuple]) -> list[EventSummary]:
    """EventSummary for each (id, json, ...) event row, in the rows' order.

    One query over event_reports joined to the reports' plain columns; no report JSON.
    """
    ids = [str(r[0]) for r in found]
    counts = dict.fromkeys(ids, 0)
    outlets: dict[str, set[str]] = {i: set() for i in ids}
    languages: dict[str, set[str]] = {i: set() for i in ids}
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        part = ordered[start : start + CHUNK]
        marks = ", ".join("?" for _ in part)
        cur.execute(
            "SELECT er.event_id, r.outlet, r.language FROM event_reports er JOIN reports r ON r.id = er.report_id"
            f" WHERE er.event_id IN ({marks})",
            part,
        )
        for event_id, outlet, language in cur.fetchall():
            counts[event_id] += 1
            if outlet:
                outlets[event_id].add(outlet)
            if language:
                languages[event_id].add(language)
    out = []
    for row in found:
        event_id, text = str(row[0]), row[1]
        data = json.loads(text)
        data.pop("reports", None)  # stored empty: the reports live in event_reports
        out.append(
            EventSummary(data, counts[event_id], tuple(sorted(outlets[event_id])), tuple(sorted(languages[event_id])))
        )
    return out
