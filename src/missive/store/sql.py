"""The Store behaviour both backends share, written once over a small cursor API.

A backend supplies: ``_transaction()`` (one write transaction, retried where the
database asks for it), ``_reading()`` (a consistent read), ``_text_clause`` and
``search`` (full-text search differs per dialect). Everything else, and so every
rule about idempotency, ordering and pagination, lives here.
"""

from __future__ import annotations

import dataclasses
import json
import zlib
from collections import Counter
from contextlib import AbstractContextManager
from typing import Any, Callable, Iterable, Iterator, Literal, Protocol, Sequence, TypeVar

from ..errors import InputError, NotFoundError, StoreError
from ..model import ActorRef, Document, Event, Report, Skip
from . import counting, filters, prepared, replace, rows, summaries
from .base import Batch, BatchResult, CountPage, Override, PageResults, Query, ReplaceResult, SearchHit, StoredPage

T = TypeVar("T")

#: Rows fetched per round trip when streaming or looking up many ids.
CHUNK = 500
#: Hashes fetched per round trip by page_hashes (64-character strings: small rows).
HASH_CHUNK = 50_000
#: Pages fetched per round trip by iter_pages: each row carries a whole page's bytes.
PAGE_CHUNK = 50

_PAGE_COLS = (
    "hash, source, url, container, media_type, encoding, raw, ingested_at, title_hint, published_hint, fetched_at,"
    " pipeline_version"
)
_DOC_COLS = "page_hash, source, url, text, title, outlet, language, published_json"


class Cursor(Protocol):
    """The part of a DB-API cursor the shared code uses (``?`` placeholders)."""

    rowcount: int

    def execute(self, sql: str, params: Sequence[Any] = ...) -> Any: ...
    def executemany(self, sql: str, seq: Sequence[Sequence[Any]]) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


def insert(cur: Cursor, table: str, row: dict[str, Any], ignore_conflict: bool = True) -> int:
    """INSERT one row (column names are ours, values are parameters); return rows written."""
    cols = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    tail = " ON CONFLICT DO NOTHING" if ignore_conflict else ""
    cur.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks}){tail}", [rows.db_value(v) for v in row.values()])
    return max(cur.rowcount, 0)


def insert_many(cur: Cursor, table: str, rows_: Sequence[dict[str, Any]], ignore_conflict: bool = True) -> int:
    """INSERT many rows of the same columns, skipping conflicts (or failing on one); return rows written."""
    if not rows_:
        return 0
    cols = ", ".join(rows_[0])
    marks = ", ".join("?" for _ in rows_[0])
    tail = " ON CONFLICT DO NOTHING" if ignore_conflict else ""
    cur.executemany(
        f"INSERT INTO {table} ({cols}) VALUES ({marks}){tail}", [[rows.db_value(v) for v in r.values()] for r in rows_]
    )
    return max(cur.rowcount, 0)


def _chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _marks(n: int) -> str:
    return ", ".join("?" for _ in range(n))


def _stored_page(row: tuple) -> StoredPage:
    """A StoredPage from a row of ``_PAGE_COLS``, its raw bytes decompressed."""
    h, source, url, container, media_type, encoding, raw, at, title, published, fetched, version = row
    try:
        data = zlib.decompress(bytes(raw))
    except zlib.error as exc:
        raise StoreError(f"page {h} is corrupt in the store") from exc
    return StoredPage(h, source, url, container, media_type, encoding, data, at, title, published, fetched, version)


class SqlStore:
    """Shared implementation of the Store Protocol; see the module docstring."""

    url: str

    # -- backend hooks -------------------------------------------------------------

    def _transaction(self, work: Callable[[Cursor], T]) -> T:
        """Run ``work`` in one write transaction: all or nothing."""
        raise NotImplementedError

    def _reading(self) -> AbstractContextManager[Cursor]:
        """A cursor for a consistent read."""
        raise NotImplementedError

    def _text_clause(self, alias: str, text: str) -> tuple[str, list[Any]]:
        """SQL matching reports (``alias``) whose evidence or document text matches ``text``."""
        raise NotImplementedError

    #: Appended to text in ORDER BY so that it compares by code point (PostgreSQL: ' COLLATE "C"').
    _collate = ""

    def _lock_events(self, cur: Cursor) -> None:
        """Make concurrent replace_events calls take turns (a no-op where writes already do)."""

    def _refresh_stats(self, cur: Cursor) -> None:
        """Refresh the planner's statistics after the event table was rewritten (a no-op by default)."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.url!r})"

    # -- writing ---------------------------------------------------------------------

    def known_pages(self, hashes: Iterable[str]) -> set[str]:
        """Which of these page hashes the store already holds."""
        wanted = sorted(set(hashes))
        found: set[str] = set()
        with self._reading() as cur:
            for part in _chunks(wanted):
                cur.execute(f"SELECT hash FROM pages WHERE hash IN ({_marks(len(part))})", list(part))
                found.update(r[0] for r in cur.fetchall())
        return found

    def page_hashes(self) -> set[str]:
        """Every stored page hash (a client hands it to its workers to skip known pages)."""
        return self._all_keys("SELECT hash FROM pages WHERE hash > ? ORDER BY hash LIMIT ?")

    def _all_keys(self, sql: str) -> set[str]:
        """Every key a keyset query gives, read in chunks so no read holds a snapshot for long."""
        found: set[str] = set()
        last = ""
        while True:
            with self._reading() as cur:
                cur.execute(sql, [last, HASH_CHUNK])
                chunk = [r[0] for r in cur.fetchall()]
            if not chunk:
                return found
            found.update(chunk)
            last = chunk[-1]

    def write_batch(self, batch: Batch) -> BatchResult:
        """Write pages, documents, reports and skips in ONE transaction; idempotent by page hash.

        Documents and reports of a page that was already stored are not written
        again. Those whose page is not in the batch are written if new, and
        their page must exist (else StoreError, and nothing is written).
        """
        return self._transaction(lambda cur: self._write_batch(cur, batch))

    def write_rows(self, batch: prepared.BatchRows) -> BatchResult:
        """``write_batch`` for rows built beforehand (by ``prepared.batch_rows``, on a worker say)."""
        return self._transaction(lambda cur: self._write_rows(cur, batch))

    def _write_batch(self, cur: Cursor, batch: Batch) -> BatchResult:
        return self._write_rows(cur, prepared.batch_rows(batch))

    def _write_rows(self, cur: Cursor, batch: prepared.BatchRows) -> BatchResult:
        at = rows.now_iso()
        new: set[str] = set()
        known: set[str] = set()
        # Sorted by hash so concurrent writers take row locks in one order (no deadlock).
        for page in sorted({p["hash"]: p for p in batch.pages}.values(), key=lambda p: p["hash"]):
            if insert(cur, "pages", {**page, "ingested_at": at}):
                new.add(page["hash"])
            else:
                known.add(page["hash"])
        known_total = len(known) + (len(batch.pages) - len(new) - len(known))  # repeats in the batch
        docs = sorted(batch.documents, key=lambda d: d["page_hash"])
        insert_many(cur, "documents", [d for d in docs if d["page_hash"] not in known])
        reports = [r for r in sorted(batch.reports, key=lambda r: r["id"]) if r["page_hash"] not in known]
        new_reports = insert_many(cur, "reports", reports)
        if new_reports:
            replace.mark_events_stale(cur)
        named = sorted((a for a in batch.actors if a[1] not in known), key=lambda a: a[0])
        actors = {row["id"]: row for _, _, row in named}
        insert_many(cur, "actors", [actors[k] for k in sorted(actors)])
        skips = {row["key"]: row for row in (rows.skip_row(s, at) for s in batch.skips)}
        insert_many(cur, "skips", [skips[k] for k in sorted(skips)])
        return BatchResult(new_pages=len(new), known_pages=known_total, new_reports=new_reports)

    def replace_events(self, events: Sequence[Event]) -> None:
        """Replace the whole event table in one transaction (resolve re-runs over all reports)."""
        self._transaction(lambda cur: self._replace_events(cur, events))

    def _replace_events(self, cur: Cursor, events: Sequence[Event]) -> None:
        self._lock_events(cur)
        wanted = sorted({r.id for e in events for r in e.reports})
        stored: set[str] = set()
        for part in _chunks(wanted):
            cur.execute(f"SELECT id FROM reports WHERE id IN ({_marks(len(part))})", list(part))
            stored.update(r[0] for r in cur.fetchall())
        missing = [rid for rid in wanted if rid not in stored]
        if missing:
            raise StoreError(f"events name {len(missing)} reports that are not stored, e.g. {missing[:3]}")
        cur.execute("DELETE FROM event_reports")
        cur.execute("DELETE FROM events")
        cur.execute("DELETE FROM store_state WHERE key = ?", [replace.EVENTS_STALE])
        ordered = sorted(events, key=lambda e: e.id)
        ids = [e.id for e in ordered]
        if len(set(ids)) != len(ids):
            twice = sorted(i for i, n in Counter(ids).items() if n > 1)
            raise StoreError(f"event ids must be unique, repeated: {twice[:3]}")
        # executemany in chunks: one statement per event and link cost ~1 ms a row at 1M events.
        for part in _chunks(ordered, 5000):
            insert_many(cur, "events", [rows.event_row(e) for e in part], ignore_conflict=False)
            links = [
                {"event_id": e.id, "report_id": rid, "position": pos}
                for e in part
                for pos, rid in enumerate(dict.fromkeys(r.id for r in e.reports))
            ]
            insert_many(cur, "event_reports", links, ignore_conflict=False)
        counting.refresh_tallies(cur)
        self._refresh_stats(cur)

    def add_override(
        self, kind: Literal["merge", "split"], report_ids: Sequence[str], note: str = ""
    ) -> Override:
        """Record an analyst's merge or split of stored reports."""
        if kind not in ("merge", "split"):
            raise InputError(f"an override is 'merge' or 'split', not {kind!r}")
        ids = tuple(dict.fromkeys(report_ids))
        if len(ids) < (2 if kind == "merge" else 1):
            raise InputError(f"a {kind} needs {'two reports' if kind == 'merge' else 'a report'} at least")
        created = rows.now_iso()

        def work(cur: Cursor) -> Override:
            cur.execute(f"SELECT id FROM reports WHERE id IN ({_marks(len(ids))})", list(ids))
            missing = sorted(set(ids) - {r[0] for r in cur.fetchall()})
            if missing:
                raise NotFoundError(f"no stored report with id {', '.join(missing)}")
            cur.execute(
                "INSERT INTO overrides (kind, report_ids, note, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                [kind, json.dumps(list(ids)), note, created],
            )
            return Override(int(cur.fetchone()[0]), kind, ids, note, created)

        return self._transaction(work)

    # -- re-processing stored pages ------------------------------------------------------

    def iter_pages(self, stale_for: str | None = None) -> Iterator[StoredPage]:
        """Every stored page by hash, fetched a few at a time; with ``stale_for``, only the
        pages not last processed by that pipeline version (NULL, unknown, counts as stale).

        Each chunk is its own read, so the caller may write between pages; a page
        replaced meanwhile is not yielded twice (the walk goes on after the last hash).
        """
        last = ""
        cond, params = ("", []) if stale_for is None else (
            " AND (pipeline_version IS NULL OR pipeline_version <> ?)", [stale_for]
        )
        while True:
            with self._reading() as cur:
                cur.execute(
                    f"SELECT {_PAGE_COLS} FROM pages WHERE hash > ?{cond} ORDER BY hash LIMIT ?",
                    [last, *params, PAGE_CHUNK],
                )
                chunk = cur.fetchall()
            if not chunk:
                return
            for row in chunk:
                yield _stored_page(tuple(row))
            last = chunk[-1][0]

    def mark_pages_stale(self) -> int:
        """Forget which pipeline version processed every page (so all are re-processed); return the count."""

        def work(cur: Cursor) -> int:
            cur.execute("UPDATE pages SET pipeline_version = NULL WHERE pipeline_version IS NOT NULL")
            return max(cur.rowcount, 0)

        return self._transaction(work)

    def replace_batch(self, items: Sequence[PageResults], version: str) -> ReplaceResult:
        """Replace the documents, reports and skips of known pages in ONE transaction.

        See ``store.replace`` for what happens to each page; overrides stay as
        they are, even where they name reports that are gone.
        """

        def work(cur: Cursor) -> ReplaceResult:
            self._lock_events(cur)  # take turns with replace_events: both rewrite event_reports
            return replace.replace_batch(cur, items, version, insert_many)

        return self._transaction(work)

    def replace_page_results(
        self,
        page_hash: str,
        document: Document | None,
        reports: Sequence[Report],
        version: str,
        skip: Skip | None = None,
    ) -> tuple[int, int]:
        """Replace one page's results (its own transaction); return (reports removed, added)."""
        done = self.replace_batch([PageResults(page_hash, document, tuple(reports), skip)], version)
        return done.removed_reports, done.added_reports

    def known_reports(self, ids: Iterable[str]) -> set[str]:
        """Which of these report ids the store holds (e.g. to find overrides naming vanished ones)."""
        wanted = sorted(set(ids))
        found: set[str] = set()
        with self._reading() as cur:
            for part in _chunks(wanted):
                cur.execute(f"SELECT id FROM reports WHERE id IN ({_marks(len(part))})", list(part))
                found.update(r[0] for r in cur.fetchall())
        return found

    def events_stale(self) -> bool:
        """Whether reports changed after the events were last replaced (a resolve is due)."""
        with self._reading() as cur:
            cur.execute("SELECT 1 FROM store_state WHERE key = ?", [replace.EVENTS_STALE])
            return cur.fetchone() is not None

    # -- reading ---------------------------------------------------------------------

    def page(self, page_hash: str) -> StoredPage:
        """A stored page with its raw bytes decompressed."""
        with self._reading() as cur:
            cur.execute(f"SELECT {_PAGE_COLS} FROM pages WHERE hash = ?", [page_hash])
            row = cur.fetchone()
        if row is None:
            raise NotFoundError(f"no stored page with hash {page_hash}")
        return _stored_page(tuple(row))

    def document(self, page_hash: str) -> Document:
        """The cleaned document of a stored page."""
        with self._reading() as cur:
            cur.execute(f"SELECT {_DOC_COLS} FROM documents WHERE page_hash = ?", [page_hash])
            row = cur.fetchone()
        if row is None:
            raise NotFoundError(f"no stored document for page {page_hash}")
        return rows.document_from_row(tuple(row))

    def report(self, report_id: str) -> Report:
        with self._reading() as cur:
            cur.execute("SELECT json FROM reports WHERE id = ?", [report_id])
            row = cur.fetchone()
        if row is None:
            raise NotFoundError(f"no stored report with id {report_id}")
        return rows.report_from_json(row[0])

    def reports(self, query: Query = Query()) -> list[Report]:
        """Reports matching the query, in its order, one page of ``limit`` after ``after``."""
        return [rows.report_from_json(r[0]) for r in self._listing("reports", "r", query, "r.json")]

    def reports_page(self, query: Query = Query()) -> tuple[list[Report], str | None]:
        """Like :meth:`reports`, plus the cursor for the next page (None on the last)."""
        found = self._listing("reports", "r", query, "r.json", extra=1)
        return self._paged(query, found, lambda r: rows.report_from_json(r[0]))

    def iter_reports(self) -> Iterator[Report]:
        """Every report, ordered by id, fetched in chunks so memory stays flat."""
        last = ""
        while True:
            with self._reading() as cur:
                cur.execute("SELECT id, json FROM reports WHERE id > ? ORDER BY id LIMIT ?", [last, CHUNK])
                chunk = cur.fetchall()
            if not chunk:
                return
            for _, text in chunk:
                yield rows.report_from_json(text)
            last = chunk[-1][0]

    def event(self, event_id: str) -> Event:
        with self._reading() as cur:
            cur.execute("SELECT id, json FROM events WHERE id = ?", [event_id])
            found = cur.fetchall()
            if not found:
                raise NotFoundError(f"no stored event with id {event_id}")
            return self._with_reports(cur, found)[0]

    def event_of_report(self, report_id: str) -> str | None:
        with self._reading() as cur:
            cur.execute("SELECT event_id FROM event_reports WHERE report_id = ?", [report_id])
            found = cur.fetchone()
            return found[0] if found else None

    def event_ids(self) -> set[str]:
        return self._all_keys("SELECT id FROM events WHERE id > ? ORDER BY id LIMIT ?")

    def events(self, query: Query = Query()) -> list[Event]:
        """Events (with their reports) matching the query, in its order."""
        with self._reading() as cur:
            found = self._listing("events", "e", query, "e.id, e.json", cur=cur)
            return self._with_reports(cur, found)

    def events_page(self, query: Query = Query()) -> tuple[list[Event], str | None]:
        """Like :meth:`events`, plus the cursor for the next page (None on the last)."""
        with self._reading() as cur:
            found = self._listing("events", "e", query, "e.id, e.json", cur=cur, extra=1)
            page, cursor = self._paged(query, found, lambda r: r)
            return self._with_reports(cur, [r[:2] for r in page]), cursor

    def event_summaries_page(self, query: Query = Query()) -> tuple[list[summaries.EventSummary], str | None]:
        """Like :meth:`events_page` for listings: each event's fields with its report count,
        outlets and languages, read without decoding any report."""
        with self._reading() as cur:
            found = self._listing("events", "e", query, "e.id, e.json", cur=cur, extra=1)
            page, cursor = self._paged(query, found, lambda r: r)
            return summaries.summaries(cur, page), cursor

    def generation(self) -> int:
        """The write generation: it changes with every committed write (read caches key on it)."""
        with self._reading() as cur:
            return summaries.read_generation(cur)

    def count_events(self, query: Query = Query(), by: str = "pair") -> list[tuple[tuple[str, ...], str, int]]:
        """Events matching ``query`` counted per ``by`` (pair | type | year) with GROUP BY in SQL.

        Returns (key, label, count) sorted by key; paging fields of the query are
        ignored. A pair's key is (sender, recipient) as registry id else name, its
        label "Sender → Recipient" (the smallest name seen for each id); a year's key
        is the year as written by ``str(int)``, or "undated".
        """
        counting.tally_sql(by)  # checks ``by`` before any read
        with self._reading() as cur:
            if counting.unfiltered(query) and counting.tallies_fresh(cur):  # kept by replace_events
                cur.execute(*counting.tally_sql(by))
                return counting.tally_rows(cur.fetchall(), by)
            sql, params = counting.count_sql(query, by, *self._text_plan(cur, query, every=True))
            cur.execute(sql, params)
            return counting.count_rows(cur.fetchall(), by)

    def count_page(self, query: Query = Query(), by: str = "pair", limit: int = 100, offset: int = 0) -> CountPage:
        """The groups ``offset`` to ``offset + limit`` of a count in display order, and how many there are.

        Pairs and types come most frequent first (ties by label, then key), years in
        calendar order with undated last; keys and labels as in :meth:`count_events`.
        An unfiltered count reads one index range of the kept tallies; a filtered one
        groups in SQL and sends only the page back.
        """
        with self._reading() as cur:
            if counting.unfiltered(query) and counting.tallies_fresh(cur):
                cur.execute(*counting.tally_page_sql(by, limit, offset, self._collate))
                found = counting.tally_page_rows(cur.fetchall(), by)
                return CountPage(found, counting.tally_total(cur, by))
            text_clause, from_reports = self._text_plan(cur, query, every=True)
            sql, params = counting.count_page_sql(query, by, text_clause, limit, offset, self._collate, from_reports)
            cur.execute(sql, params)
            page = cur.fetchall()
            if page:
                return CountPage(counting.page_rows(page, by), int(page[0][-1]))
            if not offset:
                return CountPage([], 0)
            # Past the last group: the window saw no row, so count the groups themselves.
            inner, params = counting.count_sql(query, by, text_clause, from_reports)
            cur.execute(f"SELECT count(*) FROM ({inner}) g", params)
            return CountPage([], int(cur.fetchone()[0]))

    def overrides(self) -> list[Override]:
        with self._reading() as cur:
            cur.execute("SELECT id, kind, report_ids, note, created_at FROM overrides ORDER BY id")
            found = cur.fetchall()
        return [Override(int(i), k, tuple(json.loads(ids)), n, c) for i, k, ids, n, c in found]

    def skips(self) -> list[Skip]:
        with self._reading() as cur:
            cur.execute("SELECT source, stage, reason FROM skips ORDER BY id")
            return [Skip(*r) for r in cur.fetchall()]

    def actors(self) -> list[ActorRef]:
        """Every sender and recipient seen in a stored report, by id."""
        with self._reading() as cur:
            cur.execute("SELECT name, kind, actor_id FROM actors ORDER BY id")
            return [ActorRef(name=n, kind=k, actor_id=a) for n, k, a in cur.fetchall()]

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables."""
        out: dict[str, int] = {}
        with self._reading() as cur:
            for table in ("actors", "documents", "events", "overrides", "pages", "reports", "skips"):
                cur.execute(f"SELECT count(*) FROM {table}")
                out[table] = int(cur.fetchone()[0])
        return out

    def search(self, text: str, limit: int = 20) -> list[SearchHit]:
        raise NotImplementedError

    # -- helpers ---------------------------------------------------------------------

    def _text_plan(self, cur: Cursor, q: Query, every: bool = False) -> tuple[filters.TextClause, bool]:
        """(text clause, whether events are found from their matching reports) for one read.

        A rare word (``_text_rare``): the ids of the few reports that hold it first, then
        their events. Walking the events in listing order instead read all of them
        (SQLite 14 s at 1M events). A common word: the walk, which fills a page after a
        few events, each checked with per-row index lookups (_text_clause). ``every``
        (a count, which reads every match anyway): the ids first whenever the index can
        list them, as one pass over the matches beats a lookup per event.
        """
        if not (q.text and q.text.strip()):
            return self._text_clause, False
        rare = self._rare_clause(cur, q.text)
        if rare is not None:
            return rare, True
        if every and filters.split_terms(q.text)[0]:
            return self._text_set, True
        return self._text_clause, False

    def _rare_clause(self, cur: Cursor, text: str) -> filters.TextClause | None:
        """The clause matching reports by id for a rare ``text``; None when it is not rare."""
        return self._text_set if self._text_rare(cur, text) else None

    def _text_rare(self, cur: Cursor, text: str) -> bool:
        """Whether few pages and reports hold the words of ``text`` (a backend counts, bounded)."""
        return False

    def _text_set(self, alias: str, text: str) -> tuple[str, list[Any]]:
        """SQL matching reports (``alias``) by id among those whose evidence or document holds ``text``."""
        raise NotImplementedError

    def _listing(
        self, table: str, alias: str, q: Query, cols: str, cur: Cursor | None = None, extra: int = 0
    ) -> list[tuple]:
        if cur is None:
            with self._reading() as own:
                return self._listing(table, alias, q, cols, own, extra)
        text_clause, from_reports = self._text_plan(cur, q)
        if table == "reports":
            where, params = filters.report_where(q, text_clause, alias)
        else:
            where, params = filters.event_where(q, text_clause, alias, from_reports)
        cond, cond_params, order_by = filters.page_clauses(q, alias)
        sql = f"SELECT {cols}, {alias}.undated, {alias}.sort_date, {alias}.id FROM {table} {alias}"
        sql += filters.add_condition(where, cond) + order_by
        all_params = params + cond_params
        if q.limit is not None:
            # A literal, not a parameter: SQLite plans "LIMIT ?" as if the limit were unknown and
            # then walks the type index in date order (1 s at 1M events) where a sender's own
            # index, then a sort, takes 40 ms. int() keeps it a number whatever the caller passed.
            sql += f" LIMIT {int(q.limit) + extra}"
        cur.execute(sql, all_params)
        return [tuple(r) for r in cur.fetchall()]

    def _paged(self, q: Query, found: list[tuple], build: Callable[[tuple], T]) -> tuple[list[T], str | None]:
        if q.limit is None or len(found) <= q.limit:
            return [build(r) for r in found], None
        page = found[: q.limit]
        undated, sort_date, row_id = page[-1][-3:]
        return [build(r) for r in page], rows.encode_cursor(q.order, int(undated), sort_date, row_id)

    def _with_reports(self, cur: Cursor, found: Sequence[tuple]) -> list[Event]:
        """Attach to each (id, json) event row its reports, in their stored order."""
        ids = [r[0] for r in found]
        by_event: dict[str, list[Report]] = {i: [] for i in ids}
        for part in _chunks(sorted(ids)):
            cur.execute(
                "SELECT er.event_id, r.json FROM event_reports er JOIN reports r ON r.id = er.report_id"
                f" WHERE er.event_id IN ({_marks(len(part))}) ORDER BY er.event_id, er.position",
                list(part),
            )
            for event_id, text in cur.fetchall():
                by_event[event_id].append(rows.report_from_json(text))
        out = []
        for event_id, text in ((r[0], r[1]) for r in found):
            event = rows.event_from_json(text)
            out.append(dataclasses.replace(event, reports=tuple(by_event[event_id])))
        return out
