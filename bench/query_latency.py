"""p50/p95 latency of the API's main queries on a store of many events, SQLite and PostgreSQL.

    .venv/bin/python bench/query_latency.py [--events 1000000] [--backend sqlite|postgres|both] [--build bulk|api]

The store is migrated by ``open_store`` and then filled, four reports per page and
one event per report, either by ``bench/bulk_store.py`` (default: rows written
straight into the store's tables with executemany/COPY, about 20x faster) or
through the store API (``--build api``: ``write_batch`` per 2,500 pages, then one
``replace_events``). Either way every query runs on the real schema and indexes. PostgreSQL: 127.0.0.1:5432, trust auth; the benchmark
creates and drops its own database ``missive_bench``. The queries are the
ones the web API runs: the event list (keyset page of 50) without and with
filters, one event, counts per pair and per year, full-text search.
Results: bench/out/query_latency.json.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import bulk_store
from common import write_result

from missive.analyse import count_events, count_page, timeline
from missive.model import ActorRef, Document, Event, Occasion, Page, PartialDate, Report
from missive.store import counting, open_store
from missive.store.base import Batch, Query
from missive.store.sqlite import SQLiteStore
from missive.store.sqlite import fts_query as sqlite_fts_query
from missive.web.common import fetch_events

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"
PG_DB = "missive_bench"
from bulk_store import KINDS, TYPES, WORDS  # noqa: E402  (one generator vocabulary for both builds)
_actors = bulk_store.make_actors


def build(store, events: int, seed: int, batch_pages: int = 2500) -> dict:
    """Fill ``store`` with ``events`` one-report events through the store API; return timings."""
    rng = random.Random(seed)
    actors = _actors(300, rng)
    all_reports: list[Report] = []
    start = time.perf_counter()
    pages, docs, reports = [], [], []
    for i in range((events + 3) // 4):
        text = " ".join(rng.choice(WORDS) for _ in range(60)) + f" page {i}"
        page = Page(source=f"bench-{i}", raw=text.encode(), text=text, media_type="text", encoding="utf-8",
                    container="txt", url=f"https://bench.example/{i}")
        pages.append(page)
        docs.append(Document(page_hash=page.hash, source=page.source, text=text, language="en", url=page.url))
        for _ in range(min(4, events - len(all_reports) - len(reports))):
            s, r = rng.sample(actors, 2)
            year = rng.randrange(1950, 2026)
            report = Report(doc=page.url, page_hash=page.hash, sender=s, recipient=r, type=rng.choice(TYPES),
                            date=PartialDate(year, rng.randrange(1, 13), rng.randrange(1, 29)),
                            occasion=Occasion(rng.choice(KINDS)), language="en", outlet=rng.choice(["KCNA", "Xinhua"]))
            reports.append(report)
        if len(pages) >= batch_pages:
            store.write_batch(Batch(pages=pages, documents=docs, reports=reports))
            all_reports.extend(reports)
            pages, docs, reports = [], [], []
    store.write_batch(Batch(pages=pages, documents=docs, reports=reports))
    all_reports.extend(reports)
    written = time.perf_counter()
    store.replace_events([
        Event(id=r.id, sender=r.sender, recipient=r.recipient, type=r.type, date=r.date, occasion=r.occasion,
              reply=False, reports=(r,)) for r in all_reports
    ])
    done = time.perf_counter()
    return {"write_batches_s": written - start, "replace_events_s": done - written, "events": len(all_reports),
            "sample_ids": [r.id for r in rng.sample(all_reports, 50)], "actors": [a.name for a in actors[:5]]}


def bulk_build(url: str, backend: str, events: int, seed: int, load_rows: bool = True) -> dict:
    """Fill the migrated store at ``url`` with ``bulk_store`` (``load_rows`` False: it already
    was, by an earlier run with the same seed); return timings and sample ids/names."""
    load = bulk_store.load_sqlite if backend == "sqlite" else bulk_store.load_postgres
    seconds = load(url, events, seed) if load_rows else 0.0
    rng = random.Random(seed)
    actors = bulk_store.make_actors(300, rng)
    with open_store(url) as store:
        start = time.perf_counter()
        # What replace_events does last: the kept counts of every event, then planner statistics.
        store._transaction(lambda cur: (counting.refresh_tallies(cur), store._refresh_stats(cur)))
        seconds += time.perf_counter() - start
        sample = [e.id for e in store.events(Query(limit=2000))]
    return {"bulk_load_s": seconds, "events": events, "sample_ids": random.Random(seed).sample(sample, 50),
            "actors": [a.name for a in actors[:5]]}


def _latency(run, repeats: int, budget_s: float = 30.0) -> dict:
    times = []
    start = time.perf_counter()
    for i in range(repeats):
        t = time.perf_counter()
        run(i)
        times.append((time.perf_counter() - t) * 1000)
        if time.perf_counter() - start > budget_s:
            break
    times.sort()
    return {"runs": len(times), "p50_ms": statistics.median(times),
            "p95_ms": times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]}


def measure(store, info: dict, repeats: int) -> dict:
    ids, actor = info["sample_ids"], info["actors"][0]
    filtered = Query(sender=actor, since=PartialDate(1990), until=PartialDate(2020), type="congratulatory")
    queries = {
        "events_page_unfiltered": lambda i: fetch_events(store, Query(), None, 50),
        "events_page_filtered": lambda i: fetch_events(store, filtered, None, 50),
        "events_page_party": lambda i: fetch_events(store, Query(party=info["actors"][i % 5]), None, 50),
        "one_event": lambda i: store.event(ids[i % len(ids)]),
        # The API's count: the top 100 groups and their number (count_page); "every" is the export path.
        "counts_per_pair_of_one_actor": lambda i: count_page(store, "pair", Query(party=actor)),
        "counts_per_year_of_one_actor": lambda i: count_page(store, "year", Query(party=actor)),
        "counts_per_type_all": lambda i: count_page(store, "type", Query()),
        "counts_per_year_all": lambda i: count_page(store, "year", Query()),
        "counts_per_pair_all": lambda i: count_page(store, "pair", Query()),
        "counts_per_pair_all_page_10": lambda i: count_page(store, "pair", Query(), offset=900),
        "counts_per_pair_all_every": lambda i: count_events(store, "pair", Query()),
        "events_page_type": lambda i: fetch_events(store, Query(type=TYPES[i % len(TYPES)]), None, 50),
        # The web home page's chart (GET /): the 40 busiest pairs per year and type, from counts.
        "timeline_unfiltered": lambda i: timeline(store, Query(), rows=40),
        "timeline_type": lambda i: timeline(store, Query(type=TYPES[i % len(TYPES)]), rows=40),
        "search": lambda i: store.search(COMMON[i % 3], limit=20),
        "search_newest": lambda i: store.search(COMMON[i % 3], limit=20, order="newest"),
        "search_rank_every_match": lambda i: rank_every_match(store, COMMON[i % 3]),
        # A term few pages hold (each page text ends "page N"), as most real searches are.
        "search_rare_term": lambda i: store.search(f"page {7919 * (i + 1) % max(1, info['events'] // 4)}", limit=20),
        # The event list's text filter (API ?q=, the web timeline's Text field): a walk in listing
        # order for a common word, the matching reports' events for a rare one.
        "events_page_text_common": lambda i: fetch_events(store, Query(text=COMMON[i % 3]), None, 50),
        "events_page_text_rare": lambda i: fetch_events(store, Query(text=f"page {7919 * (i + 1) % max(1, info['events'] // 4)}"), None, 50),
    }
    results = {}
    for name, run in queries.items():
        results[name] = _latency(run, repeats if name not in SLOW else max(3, repeats // 5))
        r = results[name]
        print(f"  {name:32s} p50 {r['p50_ms']:9.1f} ms  p95 {r['p95_ms']:9.1f} ms  ({r['runs']} runs)", flush=True)
    return results


#: Words most bench pages hold (the texts are drawn from a 15-word vocabulary).
COMMON = ["friendship", "flood victory", "strategic partnership"]
#: The reference queries that take a second: fewer runs.
SLOW = {"counts_per_pair_all_every", "search_rank_every_match", "timeline_unfiltered", "timeline_type"}


def rank_every_match(store, text: str, limit: int = 20) -> list:
    """The search as it was before 0006: every match ranked (bm25 / ts_rank), then the top cut.
    Kept here only to measure what the bounded candidate set saves, in the same run."""
    with store._reading() as cur:
        if isinstance(store, SQLiteStore):
            cur.execute("SELECT d.page_hash, -bm25(documents_fts) AS score FROM documents_fts"
                        " JOIN documents d ON d.doc_id = documents_fts.rowid WHERE documents_fts MATCH ?"
                        " ORDER BY score DESC, d.page_hash LIMIT ?", [sqlite_fts_query(text), limit])
        else:
            cur.execute("SELECT d.page_hash, ts_rank(d.tsv, q) AS score FROM documents d,"
                        " plainto_tsquery('simple', ?) q WHERE d.tsv @@ q ORDER BY score DESC, d.page_hash LIMIT ?",
                        [text, limit])
        return cur.fetchall()


def _postgres_url(admin: str, keep: bool = False) -> str:
    """A new, empty ``missive_bench`` database on the server of ``admin`` (an existing database's URL);
    with ``keep``, the one left by an earlier run (made empty if there is none)."""
    import psycopg

    with psycopg.connect(admin, autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [PG_DB]).fetchone()
        if not (keep and found):
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DB}")
            conn.execute(f"CREATE DATABASE {PG_DB}")
    return admin.rsplit("/", 1)[0] + f"/{PG_DB}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build", choices=["bulk", "api"], default="bulk")
    parser.add_argument("--pg-admin", default=PG_ADMIN, help="URL of an existing database on the server to use")
    parser.add_argument("--pg-keep", action="store_true", help="measure the missive_bench database of an earlier run")
    parser.add_argument("--sqlite-path", help="keep the SQLite store here; if it exists, measure it without loading")
    args = parser.parse_args()
    how = {"bulk": "bench/bulk_store.py: executemany (SQLite) / COPY (PostgreSQL) into the migrated schema",
           "api": "store API: write_batch per 2,500 pages (4 reports each), one replace_events"}
    out = {"events": args.events, "build": how[args.build]}
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    with tempfile.TemporaryDirectory() as tmp:
        for backend in backends:
            url = str(Path(tmp) / "bench.db") if backend == "sqlite" else _postgres_url(args.pg_admin, args.pg_keep)
            reuse = (backend == "sqlite" and args.sqlite_path and Path(args.sqlite_path).exists()) or (
                backend == "postgres" and args.pg_keep and open_store(url).stats()["events"] == args.events)
            if backend == "sqlite" and args.sqlite_path:
                url = args.sqlite_path
            open_store(url).close()  # migrate
            if args.build == "bulk":
                info = bulk_build(url, backend, args.events, args.seed, load_rows=not reuse)
                print(f"{backend}: bulk-loaded {info['events']:,} events in {info['bulk_load_s']:.0f} s", flush=True)
            else:
                with open_store(url) as store:
                    info = build(store, args.events, args.seed)
                print(f"{backend}: built {info['events']:,} events in "
                      f"{info['write_batches_s'] + info['replace_events_s']:.0f} s "
                      f"(writes {info['write_batches_s']:.0f} s, events {info['replace_events_s']:.0f} s)", flush=True)
            with open_store(url) as store:
                results = measure(store, info, args.repeats)
            out[backend] = {"build": {k: v for k, v in info.items() if k.endswith("_s")},
                            "queries": results,
                            "over_50ms_p95": sorted(k for k, v in results.items() if v["p95_ms"] >= 50)}
    print(write_result("query_latency", out))


if __name__ == "__main__":
    main()
