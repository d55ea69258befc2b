"""The SQLite backend: one file, WAL mode, one writer connection, FTS5 search.

Writes go through a single connection under a lock (``BEGIN IMMEDIATE``, so a
second writer process waits ``busy_timeout`` instead of failing mid-way);
reads use one connection per thread, so readers never wait for a writer.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from ..errors import InputError, StoreError
from . import filters, migrate
from .base import SearchHit
from .filters import fts_terms, search_order, search_window, split_terms, substring_hits
from .rows import now_iso
from .sql import SqlStore
from .summaries import bump_generation

T = TypeVar("T")

BUSY_TIMEOUT_MS = 30_000


def fts_query(text: str) -> str:
    """User text as an FTS5 query: every term quoted, so no user syntax reaches FTS5."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in fts_terms(text))


class SQLiteStore(SqlStore):
    """The Store over one SQLite file (or ``:memory:`` for tests)."""

    def __init__(self, path: str) -> None:
        self.url = path
        self._memory = path == ":memory:" or path.startswith("file::memory:")
        if not self._memory:
            try:
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder for {path}: {exc}") from exc
        self._lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._closed = False
        #: Reads on separate threads wait neither for each other nor for a writer (WAL,
        #: a connection per thread): a quick read may run on an event loop (the web read cache).
        self.concurrent_reads = not self._memory
        self._writer = self._connect()
        try:
            self._migrate()
        except BaseException:
            self._writer.close()
            raise

    # -- connections -------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                str(Path(self.url).expanduser()) if not self._memory else self.url,
                isolation_level=None,  # we issue BEGIN/COMMIT ourselves
                check_same_thread=False,  # guarded by our lock / thread-local use
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not self._memory:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite store {self.url}: {exc}") from exc
        return conn

    def _reader(self) -> sqlite3.Connection:
        if self._closed:
            raise StoreError(f"the store {self.url} is closed")
        if self._memory:
            return self._writer  # a second :memory: connection would be another database
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            conn.execute("PRAGMA query_only = ON")
            self._local.conn = conn
            with self._lock:
                self._readers.append(conn)
        return conn

    def close(self) -> None:
        """Close every connection; the store cannot be used afterwards."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            for conn in self._readers:
                conn.close()
            self._writer.close()

    # -- transactions --------------------------------------------------------------------

    def _transaction(self, work: Callable[[Any], T]) -> T:
        with self._lock:
            if self._closed:
                raise StoreError(f"the store {self.url} is closed")
            cur = self._writer.cursor()
            try:
                cur.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise StoreError(f"cannot start a write on {self.url}: {exc}") from exc
            try:
                result = work(cur)
                bump_generation(cur)  # last, in the same transaction: read caches see the write
                cur.execute("COMMIT")
                return result
            except sqlite3.Error as exc:
                self._writer.rollback()
                raise StoreError(f"write to {self.url} failed and was rolled back: {exc}") from exc
            except BaseException:
                self._writer.rollback()
                raise
            finally:
                cur.close()

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        conn = self._reader()
        # The in-memory store shares the writer connection, so it shares its lock too.
        lock = self._lock if self._memory else _NO_LOCK
        with lock:
            cur = conn.cursor()
            try:
                cur.execute("BEGIN")
                yield cur
                cur.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                conn.rollback()
                if "fts5" in str(exc).lower() or "match" in str(exc).lower():
                    raise InputError(f"the search text cannot be used: {exc}") from exc
                raise StoreError(f"read from {self.url} failed: {exc}") from exc
            except sqlite3.Error as exc:
                conn.rollback()
                raise StoreError(f"read from {self.url} failed: {exc}") from exc
            except BaseException:
                conn.rollback()
                raise
            finally:
                cur.close()

    def _migrate(self) -> None:
        migrations = migrate.load_migrations("sqlite")

        def work(cur: sqlite3.Cursor) -> None:
            cur.execute(migrate.CREATE_TABLE)
            cur.execute("SELECT version FROM schema_migrations")
            applied = {int(r[0]) for r in cur.fetchall()}
            for m in migrate.pending(applied, migrations):
                for statement in migrate.split_sqlite(m.sql):
                    cur.execute(statement)
                cur.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [m.version, m.name, now_iso()],
                )

        # BEGIN IMMEDIATE takes the write lock, so two processes opening a fresh file
        # apply the migrations once: the second waits, then finds them applied.
        self._transaction(work)

    def _refresh_stats(self, cur: Any) -> None:
        # Without sqlite_stat1 the planner cannot tell a sender (0.3% of rows) from a type
        # (12%): it walks the type index in date order and reads 100,000s of rows for one
        # page. A sampled ANALYZE (analysis_limit=1000) caps every estimate at ~1000 rows,
        # the same mistake; the full one costs 11 s at 1M events, a few % of replace_events.
        cur.execute("PRAGMA analysis_limit = 0")
        cur.execute("ANALYZE")

    # -- full-text search ------------------------------------------------------------------

    def _doc_match(self, words: list[str], subs: list[str], per_row: bool = False) -> tuple[list[str], list[Any]]:
        """Conditions on documents ``d`` that hold every term (index words, substrings).

        ``per_row``: the index is asked about this one document (FTS5 seeks its rowid),
        instead of listing every match once, which costs seconds for a common word.
        """
        conds: list[str] = []
        params: list[Any] = []
        if words:
            seek = " AND rowid = d.doc_id" if per_row else ""
            conds.append(f"d.doc_id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?{seek})")
            params.append(fts_query(" ".join(words)))
        for sub in subs:
            conds.append("instr(lower(coalesce(d.title, '') || ' ' || d.text), ?) > 0")
            params.append(sub)
        return conds, params

    def _evidence_match(self, alias: str, words: list[str], subs: list[str], per_row: bool) -> tuple[list[str], list[Any]]:
        """Conditions on reports ``alias`` whose evidence holds every term."""
        conds: list[str] = []
        params: list[Any] = []
        if words:
            seek = f" AND rowid = {alias}.rid" if per_row else ""
            conds.append(f"{alias}.rid IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?{seek})")
            params.append(fts_query(" ".join(words)))
        for sub in subs:
            conds.append(f"instr(lower({alias}.evidence_text), ?) > 0")
            params.append(sub)
        return conds, params

    def _text_clause(self, alias: str, text: str) -> tuple[str, list[Any]]:
        # Checked row by row (a listing walks events in order): 3-10 ms for a word most pages
        # hold at 1M events, where listing every match first took 1-3 s.
        words, subs = split_terms(text)
        ev_conds, ev_params = self._evidence_match(alias, words, subs, per_row=True)
        doc_conds, doc_params = self._doc_match(words, subs, per_row=True)
        sql = (
            "(" + " AND ".join(ev_conds) + ")"
            f" OR EXISTS (SELECT 1 FROM documents d WHERE d.page_hash = {alias}.page_hash AND " + " AND ".join(doc_conds) + ")"
        )
        return sql, ev_params + doc_params

    def _text_set(self, alias: str, text: str) -> tuple[str, list[Any]]:
        words, subs = split_terms(text)
        ev_conds, ev_params = self._evidence_match("rr", words, subs, per_row=False)
        doc_conds, doc_params = self._doc_match(words, subs)
        sql = (
            f"{alias}.id IN (SELECT rr.id FROM reports rr WHERE " + " AND ".join(ev_conds) +
            " UNION SELECT rr.id FROM reports rr WHERE rr.page_hash IN"
            " (SELECT d.page_hash FROM documents d WHERE " + " AND ".join(doc_conds) + "))"
        )
        return sql, ev_params + doc_params

    def _text_rare(self, cur: Any, text: str) -> bool:
        words, _ = split_terms(text)
        if not words:
            return False  # substrings only: no index says how many hold them
        query = fts_query(" ".join(words))
        for table in ("documents_fts", "reports_fts"):
            cur.execute(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT {filters.RARE_MATCHES + 1})", [query])
            if int(cur.fetchone()[0]) > filters.RARE_MATCHES:
                return False
        return True

    def search(self, text: str, limit: int = 20, order: str = "relevance") -> list[SearchHit]:
        """Documents whose title or text hold every term, with a snippet.

        "relevance": the best (bm25) of the most recently stored matches, at most
        ``SEARCH_CANDIDATES`` of them; "newest": most recently stored first. FTS5 hands
        its matches over in rowid order, newest first here, and stops at the window:
        ranking all 245,000 pages holding a common word took 0.3-0.5 s at 1M events.
        """
        window = search_window(limit, order)
        words, subs = split_terms(text)
        conds, params = self._doc_match(words, subs)
        with self._reading() as cur:
            if not words:
                return substring_hits(cur, conds, params, subs, limit)
            # bm25 is lower-is-better; SearchHit.rank is higher-is-better.
            candidates = (
                "SELECT documents_fts.rowid AS id, -bm25(documents_fts) AS score FROM documents_fts"
                + (" JOIN documents d ON d.doc_id = documents_fts.rowid" if subs else "")
                + " WHERE documents_fts MATCH ? AND " + " AND ".join(conds[1:] or ["1"])
                + f" ORDER BY documents_fts.rowid DESC LIMIT {window}"
            )
            cur.execute(
                f"SELECT c.id, d.page_hash, d.source, c.score FROM ({candidates}) c JOIN documents d ON d.doc_id = c.id"
                f" ORDER BY {search_order(order, 'c.score', 'c.id')} LIMIT {int(limit)}",
                params,
            )
            found = cur.fetchall()
            if not found:
                return []
            # Snippets for the hits only: snippet() over every candidate would cost more than the ranking.
            ids = [int(r[0]) for r in found]
            cur.execute(
                "SELECT rowid, snippet(documents_fts, 1, '[', ']', '…', 16) FROM documents_fts"
                f" WHERE documents_fts MATCH ? AND rowid IN ({', '.join('?' * len(ids))})",
                [params[0], *ids],
            )
            snippets = dict(cur.fetchall())
        return [SearchHit(h, s, snippets.get(i, ""), float(score)) for i, h, s, score in found]


class _NoLock:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


_NO_LOCK = _NoLock()
