"""The PostgreSQL backend (psycopg 3): the same behaviour as SQLite, for many writers.

Concurrent writers are safe because pages are inserted with ON CONFLICT DO
NOTHING in hash order (a second writer waits on the first's row, then sees it
as known) and a transaction that PostgreSQL aborts as a serialization failure
or deadlock is retried a bounded number of times. Migrations run under an
advisory lock so that processes opening a fresh database apply them once.
"""

from __future__ import annotations

import random
import threading
import time
from contextlib import ExitStack, contextmanager
from typing import Any, Callable, Iterator, Sequence, TypeVar

import psycopg
from psycopg import errors as pg_errors

from ..errors import ConfigError, StoreError
from . import filters, migrate
from .base import SearchHit
from .filters import search_order, search_window, split_terms, substring_hits
from .rows import now_iso
from .sql import SqlStore
from .summaries import bump_generation

T = TypeVar("T")

#: Attempts of one write transaction when PostgreSQL asks for a retry.
MAX_ATTEMPTS = 6
#: pg_advisory_xact_lock key that serializes migrations ("miss" in ASCII).
MIGRATION_LOCK = 0x6D697373
_RETRYABLE = (pg_errors.SerializationFailure, pg_errors.DeadlockDetected)
#: How long to wait for the server to come back when the connection was lost (a restart).
RECONNECT_S = 30.0


class _Cursor:
    """A psycopg cursor taking the shared code's ``?`` placeholders."""

    def __init__(self, cur: psycopg.Cursor) -> None:
        self._cur = cur

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    def execute(self, sql: str, params: Sequence[Any] = ()) -> _Cursor:
        # Our SQL has no literal '?' or '%'; user values only ever come as params.
        self._cur.execute(sql.replace("%", "%%").replace("?", "%s"), list(params))  # type: ignore[arg-type]
        return self

    def executemany(self, sql: str, seq: Sequence[Sequence[Any]]) -> _Cursor:
        self._cur.executemany(sql.replace("%", "%%").replace("?", "%s"), [list(p) for p in seq])  # type: ignore[arg-type]
        return self

    def fetchone(self) -> Any:
        return self._cur.fetchone()

    def fetchall(self) -> list[Any]:
        return self._cur.fetchall()


class PostgresStore(SqlStore):
    """The Store over a PostgreSQL database named by a ``postgresql://`` URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._lock = threading.RLock()
        self._closed = False
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.ProgrammingError as exc:
            raise ConfigError(f"bad PostgreSQL URL {_redact(url)}: {exc}") from exc
        except psycopg.Error as exc:
            raise StoreError(f"cannot connect to {_redact(url)}: {exc}") from exc
        try:
            self._migrate()
        except BaseException:
            self._conn.close()
            raise

    def __repr__(self) -> str:
        return f"PostgresStore({_redact(self.url)!r})"

    def close(self) -> None:
        """Close the connection; the store cannot be used afterwards."""
        with self._lock:
            if not self._closed:
                self._closed = True
                self._conn.close()

    # -- transactions --------------------------------------------------------------------

    def _transaction(self, work: Callable[[Any], T]) -> T:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                with self._lock:
                    self._check_open()
                    with self._begin() as cur:
                        result = work(_Cursor(cur))
                        # Last, in the same transaction: read caches see the write. The row
                        # lock it takes is held only until the commit that follows.
                        bump_generation(_Cursor(cur))
                        return result
            except _RETRYABLE as exc:
                if attempt == MAX_ATTEMPTS:
                    raise StoreError(f"write to {_redact(self.url)} kept conflicting: {exc}") from exc
                time.sleep(random.uniform(0.01, 0.05) * 2**attempt)  # jitter breaks lock-step retries
            except psycopg.Error as exc:
                raise StoreError(f"write to {_redact(self.url)} failed and was rolled back: {exc}") from exc
        raise AssertionError("unreachable")

    # Counts order labels by code point, as SQLite and Python do, whatever the database's collation.
    _collate = ' COLLATE "C"'

    def _lock_events(self, cur: Any) -> None:
        # Without it, two replacements running at once could both insert the same event ids.
        cur.execute("LOCK TABLE events, event_reports IN SHARE ROW EXCLUSIVE MODE")

    def _refresh_stats(self, cur: Any) -> None:
        # A rewritten event table has stale statistics until autovacuum gets to it;
        # ANALYZE samples a fixed number of rows, so it stays cheap at any size.
        # event_tallies too: never analyzed, it was planned as 900 rows, and the top 100 pairs
        # were sorted out of all 89,700 (75 ms) instead of read from event_tallies_top.
        cur.execute("ANALYZE events, event_reports, reports, event_tallies")

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        with self._lock:
            self._check_open()
            try:
                with self._begin() as cur:
                    # One snapshot for the whole read, as SQLite gives: counts and joins agree.
                    cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    yield _Cursor(cur)
            except psycopg.Error as exc:
                raise StoreError(f"read from {_redact(self.url)} failed: {exc}") from exc

    @contextmanager
    def _begin(self) -> Iterator[psycopg.Cursor]:
        """A transaction and its cursor. A connection found lost at BEGIN (the server restarted
        while it sat idle between batches) is opened again first: nothing of this transaction
        was sent yet, so running it on the new connection is safe. A connection lost in the
        middle of a transaction is not retried: the caller gets a StoreError."""
        with ExitStack() as stack:
            try:
                stack.enter_context(self._conn.transaction())
            except psycopg.OperationalError:
                if not self._conn.broken and not self._conn.closed:
                    raise
                self._reconnect()
                stack.enter_context(self._conn.transaction())
            yield stack.enter_context(self._conn.cursor())

    def _reconnect(self) -> None:
        """Replace a lost connection, waiting up to RECONNECT_S for the server to accept one."""
        deadline = time.monotonic() + RECONNECT_S
        delay = 0.2
        while True:
            try:
                conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
                break
            except psycopg.OperationalError as exc:
                if time.monotonic() + delay > deadline:
                    raise StoreError(
                        f"lost the connection to {_redact(self.url)} and could not reconnect within {RECONNECT_S:.0f} s: {exc}"
                    ) from exc
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
        lost, self._conn = self._conn, conn
        lost.close()

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError(f"the store {_redact(self.url)} is closed")

    def _migrate(self) -> None:
        migrations = migrate.load_migrations("postgres")
        try:
            with self._lock, self._conn.transaction(), self._conn.cursor() as cur:
                # The lock is held to the end of this transaction: one process migrates,
                # the others wait here and then find nothing left to do.
                cur.execute("SELECT pg_advisory_xact_lock(%s)", [MIGRATION_LOCK])
                cur.execute(migrate.CREATE_TABLE)
                cur.execute("SELECT version FROM schema_migrations")
                applied = {int(r[0]) for r in cur.fetchall()}
                for m in migrate.pending(applied, migrations):
                    cur.execute(m.sql.encode())  # bytes: run as a script, no placeholders parsed
                    cur.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                        [m.version, m.name, now_iso()],
                    )
        except psycopg.Error as exc:
            raise StoreError(f"cannot migrate {_redact(self.url)}: {exc}") from exc

    # -- full-text search ------------------------------------------------------------------

    def _evidence_match(self, alias: str, words: list[str], subs: list[str]) -> tuple[list[str], list[Any]]:
        """Conditions on reports ``alias`` whose evidence holds every term."""
        conds: list[str] = []
        params: list[Any] = []
        if words:
            conds.append(f"{alias}.tsv @@ plainto_tsquery('simple', ?)")
            params.append(" ".join(words))
        for sub in subs:
            conds.append(f"strpos(lower({alias}.evidence_text), ?) > 0")
            params.append(sub)
        return conds, params

    def _text_clause(self, alias: str, text: str) -> tuple[str, list[Any]]:
        # Row by row: the report's page is looked up by its key. "page_hash IN (documents that
        # match)" became a list of every match scanned for each report: minutes at 1M events.
        words, subs = split_terms(text)
        ev_conds, ev_params = self._evidence_match(alias, words, subs)
        doc_conds, doc_params = _doc_match(words, subs)
        sql = (
            "(" + " AND ".join(ev_conds) + ")"
            f" OR EXISTS (SELECT 1 FROM documents d WHERE d.page_hash = {alias}.page_hash AND " + " AND ".join(doc_conds) + ")"
        )
        return sql, ev_params + doc_params

    def _text_ids(self, text: str) -> tuple[str, list[Any]]:
        """SELECT of the ids of reports whose evidence or document holds ``text``."""
        words, subs = split_terms(text)
        ev_conds, ev_params = self._evidence_match("rr", words, subs)
        doc_conds, doc_params = _doc_match(words, subs)
        sql = (
            "SELECT rr.id FROM reports rr WHERE " + " AND ".join(ev_conds) +
            " UNION SELECT rr.id FROM reports rr JOIN documents d ON d.page_hash = rr.page_hash WHERE "
            + " AND ".join(doc_conds)
        )
        return sql, ev_params + doc_params

    def _text_set(self, alias: str, text: str) -> tuple[str, list[Any]]:
        sql, params = self._text_ids(text)
        return f"{alias}.id IN ({sql})", params

    def _rare_clause(self, cur: Any, text: str) -> Any:
        # The ids themselves, as an array: planned from the subquery, the planner guessed
        # 5,000 reports for 4 and hashed all 1M event links (240 ms) instead of 4 lookups.
        if not self._text_rare(cur, text):
            return None
        cur.execute(*self._text_ids(text))
        ids = [row[0] for row in cur.fetchall()]
        return lambda alias, _text: (f"{alias}.id = ANY(?)", [ids])

    def _text_rare(self, cur: Any, text: str) -> bool:
        words, _ = split_terms(text)
        if not words:
            return False  # substrings only: no index says how many hold them
        for table in ("documents", "reports"):
            # MATERIALIZED: with the LIMIT in sight the planner scans the table for a rare word.
            cur.execute(
                f"WITH m AS MATERIALIZED (SELECT 1 FROM {table} t WHERE t.tsv @@ plainto_tsquery('simple', ?))"
                f" SELECT count(*) FROM (SELECT 1 FROM m LIMIT {filters.RARE_MATCHES + 1}) x",
                [" ".join(words)],
            )
            if int(cur.fetchone()[0]) > filters.RARE_MATCHES:
                return False
        return True

    def search(self, text: str, limit: int = 20, order: str = "relevance") -> list[SearchHit]:
        """Documents whose title or text hold every term, with a snippet.

        "relevance": the best (ts_rank) of the most recently stored matches, at most
        ``SEARCH_CANDIDATES`` of them; "newest": most recently stored first. For a common
        word the candidates are the first rows of a backward walk of ``documents_doc_id``;
        for a rare one, the GIN index's matches, sorted (the planner picks by the word's
        frequency). Ranking all 245,000 pages holding a common word took 0.2-0.7 s.
        """
        window = search_window(limit, order)
        words, subs = split_terms(text)
        conds, params = _doc_match(words, subs)
        with self._reading() as cur:
            if not words:
                return substring_hits(cur, conds, params, subs, limit)
            # plainto_tsquery ANDs the words and ignores operators: user text cannot break it.
            # MATERIALIZED: planned on its own, for all its rows. As a subquery, the outer
            # "LIMIT 20 in store order" reached it and the backward walk was chosen again.
            candidates = (
                "WITH c AS MATERIALIZED (SELECT d.doc_id, d.page_hash, d.source, d.text, d.tsv FROM documents d WHERE "
                + " AND ".join(conds) + f" ORDER BY d.doc_id DESC LIMIT {window})"
            )
            # ts_headline runs after the sort and LIMIT (an expensive output column): on the hits only.
            cur.execute(
                f"{candidates} SELECT c.page_hash, c.source,"
                " ts_headline('simple', left(c.text, 100000), q,"
                " 'StartSel=[, StopSel=], MaxWords=20, MinWords=8, MaxFragments=1, FragmentDelimiter=…'),"
                " ts_rank(c.tsv, q) AS score FROM c, plainto_tsquery('simple', ?) q"
                f" ORDER BY {search_order(order, 'score', 'c.doc_id')} LIMIT {int(limit)}",
                [*params, params[0]],
            )
            return [SearchHit(h, s, snip, float(score)) for h, s, snip, score in cur.fetchall()]


def _doc_match(words: list[str], subs: list[str]) -> tuple[list[str], list[Any]]:
    """Conditions on documents ``d`` that hold every term (index words, substrings)."""
    conds: list[str] = []
    params: list[Any] = []
    if words:
        conds.append("d.tsv @@ plainto_tsquery('simple', ?)")
        params.append(" ".join(words))
    for sub in subs:
        conds.append("strpos(lower(coalesce(d.title, '') || ' ' || d.text), ?) > 0")
        params.append(sub)
    return conds, params


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "<PostgreSQL URL>"
    info.pop("password", None)
    return " ".join(f"{k}={v}" for k, v in sorted(info.items()))
