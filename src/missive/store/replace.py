"""Replace what the store holds for known pages with newer results (``missive reprocess``).

Written over the shared cursor API, so both backends behave alike. For each page,
inside the caller's one transaction:

- reports whose id the new results still produce are rewritten in place, so their
  event links (and the overrides naming them) stay valid;
- reports that vanished leave their events first, then the table; an event left
  with no report goes too (events are re-resolved after a reprocess anyway);
- new reports are inserted; the document is rewritten, inserted or deleted;
- the skips recorded for the page's source by the stages that re-ran (screen,
  clean, extract) are replaced by the new skip, if any;
- actors no stored report names any more are dropped, and the page is stamped
  with the pipeline version. Overrides are never touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from ..errors import NotFoundError, StoreError
from ..model import Report
from . import rows
from .base import PageResults, ReplaceResult

if TYPE_CHECKING:
    from .sql import Cursor

#: The stages a reprocess re-runs; older skips of these stages for the page are replaced.
RERUN_STAGES = ("screen", "clean", "extract")
#: store_state key present while reports changed after the last replace_events.
EVENTS_STALE = "events_stale"
#: Present while ``event_tallies`` may disagree with the events table (events were removed).
TALLIES_STALE = "tallies_stale"


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def update(cur: Cursor, table: str, key: str, row: dict[str, Any]) -> int:
    """UPDATE one row found by its ``key`` column to the values of ``row``; return rows changed."""
    cols = [c for c in row if c != key]
    sets = ", ".join(f"{c} = ?" for c in cols)
    cur.execute(f"UPDATE {table} SET {sets} WHERE {key} = ?", [*(rows.db_value(row[c]) for c in cols), row[key]])
    return max(cur.rowcount, 0)


def mark_events_stale(cur: Cursor) -> None:
    """Note that events no longer reflect the reports (cleared by replace_events)."""
    cur.execute(f"INSERT INTO store_state (key, value) VALUES ('{EVENTS_STALE}', '1') ON CONFLICT DO NOTHING")


def replace_batch(cur: Cursor, items: Sequence[PageResults], version: str, insert_many: Any) -> ReplaceResult:
    """Apply every item (sorted by page hash, so concurrent writers lock in one order)."""
    if not version:
        raise StoreError("a replacement needs the pipeline version that made it")
    by_hash: dict[str, PageResults] = {}
    for item in items:
        if item.page_hash in by_hash:
            raise StoreError(f"page {item.page_hash} appears twice in one replacement batch")
        by_hash[item.page_hash] = item
    removed = added = kept = 0
    for page_hash in sorted(by_hash):
        r, a, k = _replace_page(cur, by_hash[page_hash], version, insert_many)
        removed, added, kept = removed + r, added + a, kept + k
    if removed or added or kept:
        mark_events_stale(cur)
    return ReplaceResult(pages=len(by_hash), removed_reports=removed, added_reports=added, kept_reports=kept)


def _replace_page(cur: Cursor, item: PageResults, version: str, insert_many: Any) -> tuple[int, int, int]:
    page_hash = item.page_hash
    cur.execute("SELECT source FROM pages WHERE hash = ?", [page_hash])
    found = cur.fetchone()
    if found is None:
        raise NotFoundError(f"no stored page with hash {page_hash} to replace the results of")
    source = found[0]
    _check_belongs(item)

    cur.execute("SELECT id, sender_id, sender_key, recipient_id, recipient_key FROM reports WHERE page_hash = ?", [page_hash])
    old = {r[0]: r[1:] for r in cur.fetchall()}
    new: dict[str, Report] = {}
    for r in item.reports:
        new.setdefault(r.id, r)  # the first of repeated ids wins, as in write_batch
    gone = sorted(set(old) - set(new))
    if gone:
        _remove_reports(cur, gone)
    for rid in sorted(set(old) & set(new)):
        update(cur, "reports", "id", rows.report_row(new[rid]))
    fresh = [new[rid] for rid in sorted(set(new) - set(old))]
    insert_many(cur, "reports", [rows.report_row(r) for r in fresh])

    actors = {a["id"]: a for r in item.reports for a in map(rows.actor_row, (r.sender, r.recipient))}
    insert_many(cur, "actors", [actors[k] for k in sorted(actors)])
    _prune_actors(cur, {_actor_key(sid, skey) for rid in gone for sid, skey in _pairs(old[rid])} - set(actors))

    _replace_document(cur, item)
    cur.execute(
        f"DELETE FROM skips WHERE source = ? AND stage IN ({_marks(len(RERUN_STAGES))})", [source, *RERUN_STAGES]
    )
    if item.skip is not None:
        insert_many(cur, "skips", [rows.skip_row(item.skip, rows.now_iso())])
    cur.execute("UPDATE pages SET pipeline_version = ? WHERE hash = ?", [version, page_hash])
    return len(gone), len(fresh), len(set(old) & set(new))


def _check_belongs(item: PageResults) -> None:
    """Results must all be of the page they replace, or the batch is refused whole."""
    strays = sorted({r.page_hash for r in item.reports if r.page_hash != item.page_hash})
    if item.document is not None and item.document.page_hash != item.page_hash:
        strays.append(item.document.page_hash)
    if strays:
        raise StoreError(f"results for page {item.page_hash} name other pages: {strays[:3]}")


def _remove_reports(cur: Cursor, ids: list[str]) -> None:
    """Drop reports with their event links, and the events left without any report."""
    marks = _marks(len(ids))
    cur.execute(f"SELECT DISTINCT event_id FROM event_reports WHERE report_id IN ({marks})", ids)
    events = sorted(r[0] for r in cur.fetchall())
    cur.execute(f"DELETE FROM event_reports WHERE report_id IN ({marks})", ids)
    cur.execute(f"DELETE FROM reports WHERE id IN ({marks})", ids)
    removed = 0
    for event_id in events:
        cur.execute(
            "DELETE FROM events WHERE id = ? AND NOT EXISTS (SELECT 1 FROM event_reports WHERE event_id = ?)",
            [event_id, event_id],
        )
        removed += max(cur.rowcount, 0)
    if removed:
        # The kept counts of every event no longer hold; counts group the events until the next resolve.
        cur.execute(f"INSERT INTO store_state (key, value) VALUES ('{TALLIES_STALE}', '1') ON CONFLICT DO NOTHING")


def _pairs(cols: tuple) -> list[tuple[str | None, str]]:
    sender_id, sender_key, recipient_id, recipient_key = cols
    return [(sender_id, sender_key), (recipient_id, recipient_key)]


def _actor_key(actor_id: str | None, name_key: str) -> str:
    """The actors row id, as ``rows.actor_row`` makes it."""
    return actor_id or f"name:{name_key}"


def _prune_actors(cur: Cursor, keys: set[str]) -> None:
    """Drop the actors among ``keys`` that no stored report names any more."""
    for key in sorted(keys):
        if key.startswith("name:"):
            name = key[len("name:") :]
            cond, params = (
                "(sender_id IS NULL AND sender_key = ?) OR (recipient_id IS NULL AND recipient_key = ?)",
                [name, name],
            )
        else:
            cond, params = "sender_id = ? OR recipient_id = ?", [key, key]
        cur.execute(f"SELECT 1 FROM reports WHERE {cond} LIMIT 1", params)
        if cur.fetchone() is None:
            cur.execute("DELETE FROM actors WHERE id = ?", [key])


def _replace_document(cur: Cursor, item: PageResults) -> None:
    """Rewrite the page's document in place (its FTS row follows), insert it, or delete it."""
    if item.document is None:
        cur.execute("DELETE FROM documents WHERE page_hash = ?", [item.page_hash])
        return
    row = rows.document_row(item.document)
    if not update(cur, "documents", "page_hash", row):
        cols = ", ".join(row)
        cur.execute(
            f"INSERT INTO documents ({cols}) VALUES ({_marks(len(row))})", [rows.db_value(v) for v in row.values()]
        )
