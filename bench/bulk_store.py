"""Fill a migrated store with many synthetic events FAST, writing straight into its tables.

Building 1,000,000 events through the store API (``write_batch`` + ``replace_events``)
costs about 220 µs per event in Python alone (model objects, ``to_dict``, JSON), so
13+ minutes before the database does any work. This loader bypasses the API: it
makes each row from a template that ``missive.store.rows`` produced for a real
Report/Event (so the columns and JSON are the store's own), changes the fields that
vary, and writes with ``executemany`` (SQLite) or ``COPY`` (PostgreSQL). The first
rows are checked against ``rows.report_row``/``rows.event_row`` of the same model
objects, so a schema change that this loader misses fails loudly, not silently.

Only for benchmarks: it skips the store's idempotency and validation on purpose.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import time
import zlib
from typing import Any, Iterator

from missive.codec import to_dict
from missive.model import ActorRef, Event, Occasion, PartialDate, Report
from missive.store import rows

TYPES = ["congratulatory", "greetings", "verbal", "letter", "condolence", "thanks", "call", "message"]
KINDS = ["anniversary", "national_day", "election", "birthday", "new_year", "condolence", "thanks", "none"]
WORDS = ["friendship", "cooperation", "anniversary", "congratulations", "people", "relations", "victory",
         "prosperity", "condolences", "flood", "election", "trust", "strategic", "partnership", "peace"]
OUTLETS = ["KCNA", "Xinhua"]
REPORTS_PER_PAGE = 4
CHUNK = 20_000


def make_actors(count: int, rng: random.Random) -> list[ActorRef]:
    """``count`` distinct registry-like actors with ids."""
    syllables = ["kim", "li", "park", "xi", "wang", "ivan", "petr", "jose", "ahmed", "hun", "to", "lam"]
    names = sorted({f"{rng.choice(syllables).title()} {rng.choice(syllables).title()}{i}" for i in range(count)})
    return [ActorRef(name=n, actor_id=n.lower().replace(" ", "-")) for n in names]


def _dumps(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False, sort_keys=True)


class _Rows:
    """Row factories from templates; ``check`` compares them with the store's own rows."""

    def __init__(self, actors: list[ActorRef]) -> None:
        a, b = actors[0], actors[1]
        sample = Report(doc="d", page_hash="h", sender=a, recipient=b, type=TYPES[0], date=PartialDate(2000, 1, 2),
                        occasion=Occasion(KINDS[0]), language="en", outlet=OUTLETS[0])
        self.report_cols = list(rows.report_row(sample))
        self.event_cols = list(rows.event_row(self._event(sample)))
        self._report_body = to_dict(sample)
        self._event_body = to_dict(self._event(sample))
        self._event_body["reports"] = []
        self._actor = {x.actor_id: to_dict(x) for x in actors}

    @staticmethod
    def _event(r: Report) -> Event:
        return Event(id=r.id, sender=r.sender, recipient=r.recipient, type=r.type, date=r.date,
                     occasion=r.occasion, reply=False, reports=(r,))

    def rows(self, page_hash: str, doc: str, s: ActorRef, r: ActorRef, type_: str, date: PartialDate,
             kind: str, outlet: str) -> tuple[list[Any], list[Any]]:
        """(report row, event row) as value lists in ``report_cols``/``event_cols`` order."""
        iso = date.iso()
        rid = hashlib.sha1("|".join((page_hash, s.actor_id, r.actor_id, type_, iso)).encode()).hexdigest()[:16]
        sd, rd = self._actor[s.actor_id], self._actor[r.actor_id]
        occasion = {"anniversary": None, "check": None, "kind": kind, "of": None}
        body = dict(self._report_body, id=rid, doc=doc, page_hash=page_hash, sender=sd, recipient=rd, type=type_,
                    date=iso, occasion=occasion, outlet=outlet)
        ebody = dict(self._event_body, id=rid, sender=sd, recipient=rd, type=type_, date=iso, occasion=occasion)
        common = [s.name, s.name.casefold(), s.actor_id, s.kind, r.name, r.name.casefold(), r.actor_id, r.kind,
                  type_, iso, date.precision, iso, iso, 0, iso, kind, None, 0]
        report = [rid, page_hash, doc, *common, outlet, "en", "", _dumps(body)]
        event = [rid, *common, None, None, _dumps(ebody)]
        return report, event

    def check(self, page_hash: str, doc: str, s: ActorRef, r: ActorRef, type_: str, date: PartialDate,
              kind: str, outlet: str) -> None:
        """Raise if the fast rows differ from what the store itself would write."""
        model = Report(doc=doc, page_hash=page_hash, sender=s, recipient=r, type=type_, date=date,
                       occasion=Occasion(kind), language="en", outlet=outlet)
        fast_r, fast_e = self.rows(page_hash, doc, s, r, type_, date, kind, outlet)
        want_r, want_e = rows.report_row(model), rows.event_row(self._event(model))
        if dict(zip(self.report_cols, fast_r)) != want_r or dict(zip(self.event_cols, fast_e)) != want_e:
            raise AssertionError("bulk_store rows differ from missive.store.rows: update the loader")


def generate(events: int, seed: int) -> Iterator[tuple[str, list[list[Any]]]]:
    """(table, rows) chunks in foreign-key order: pages, documents, reports, events, event_reports, actors."""
    rng = random.Random(seed)
    actors = make_actors(300, rng)
    maker = _Rows(actors)
    at = rows.now_iso()
    pages, docs, reports, evs, links = [], [], [], [], []
    for i in range(events):
        if i % REPORTS_PER_PAGE == 0:
            n = i // REPORTS_PER_PAGE
            text = " ".join(rng.choice(WORDS) for _ in range(60)) + f" page {n}"
            page_hash = hashlib.sha256(text.encode()).hexdigest()
            url = f"https://bench.example/{n}"
            pages.append([page_hash, f"bench-{n}", url, "txt", "text", "utf-8", zlib.compress(text.encode(), 1),
                          len(text), at, "bench"])
            docs.append([page_hash, f"bench-{n}", url, text, None, None, "en", None, None])
        s, r = rng.sample(actors, 2)
        args = (page_hash, url, s, r, rng.choice(TYPES),
                PartialDate(rng.randrange(1950, 2026), rng.randrange(1, 13), rng.randrange(1, 29)),
                rng.choice(KINDS), rng.choice(OUTLETS))
        if i < 3:
            maker.check(*args)
        report, event = maker.rows(*args)
        reports.append(report)
        evs.append(event)
        links.append([report[0], report[0], 0])
        if len(reports) >= CHUNK:
            yield from _flush(pages, docs, reports, evs, links)
            pages, docs, reports, evs, links = [], [], [], [], []
    yield from _flush(pages, docs, reports, evs, links)
    yield "actors", [[a.actor_id, a.name, a.kind, a.actor_id] for a in actors]


def _flush(pages, docs, reports, evs, links) -> Iterator[tuple[str, list[list[Any]]]]:
    yield "pages", pages
    yield "documents", docs
    yield "reports", reports
    yield "events", evs
    yield "event_reports", links


def columns() -> dict[str, list[str]]:
    """The column list of each table this loader fills, in row order."""
    maker = _Rows(make_actors(2, random.Random(0)))
    return {
        "pages": ["hash", "source", "url", "container", "media_type", "encoding", "raw", "raw_size", "ingested_at",
                  "pipeline_version"],
        "documents": ["page_hash", "source", "url", "text", "title", "outlet", "language", "published",
                      "published_json"],
        "reports": maker.report_cols,
        "events": maker.event_cols,
        "event_reports": ["event_id", "report_id", "position"],
        "actors": ["id", "name", "kind", "actor_id"],
    }


def load_sqlite(path: str, events: int, seed: int) -> float:
    """Bulk-write into the migrated SQLite file at ``path``; return seconds.

    The store's secondary indexes are dropped for the load and created again from
    their own SQL (sqlite_master) afterwards: one sorted build each instead of a
    million random inserts. The FTS triggers stay, so the search index is filled.
    """
    start = time.perf_counter()
    cols = columns()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA cache_size = -1000000")  # 1 GB of page cache for this connection
        conn.execute("BEGIN")
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        for table, chunk in generate(events, seed):
            if chunk:
                names = cols[table]
                conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                 chunk)
        for _, sql in indexes:
            conn.execute(sql)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return time.perf_counter() - start


def load_postgres(url: str, events: int, seed: int) -> float:
    """Bulk-write into the migrated PostgreSQL database at ``url`` with COPY; return seconds.

    As for SQLite, indexes that back no constraint are dropped for the load and
    created again from their own definitions (pg_indexes) afterwards.
    """
    import psycopg

    start = time.perf_counter()
    cols = columns()
    with psycopg.connect(url) as conn:
        with conn.cursor() as cur:
            cur.execute("SET maintenance_work_mem = '512MB'")
            cur.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public'"
                " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY 1")
            indexes = cur.fetchall()
            for name, _ in indexes:
                cur.execute(f"DROP INDEX {name}")
            for table, chunk in generate(events, seed):
                if chunk:
                    with cur.copy(f"COPY {table} ({', '.join(cols[table])}) FROM STDIN") as copy_:
                        for row in chunk:
                            copy_.write_row(row)
            for _, sql in indexes:
                cur.execute(sql)
        conn.commit()
    return time.perf_counter() - start
