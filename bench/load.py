#!/usr/bin/env python3
"""Load test: ``missive serve`` over ~10,000 events, hit by wrk on loopback while an ingest writes.

    python bench/load.py [--events 10000] [--duration 15] [--threads 2] [--connections 32] [--workers 2] [--json]
    python bench/load.py --in-process      # CPU per request on the app itself, cache off and on

Prints requests/s, p50/p95/p99 latency and the error rate of ``GET /api/events``. Needs ``wrk``
(Debian: ``apt-get install -y wrk``). Everything runs on 127.0.0.1 in a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from missive.model import ActorRef, Document, Event, Evidence, Occasion, Page, PartialDate, Report, Span
from missive.store import Batch, open_store

LEADERS = ["Kim Jong Un", "Xi Jinping", "Vladimir Putin", "Miguel Diaz-Canel", "Alexander Lukashenko", "To Lam", "Thongloun Sisoulith"]
TYPES = ["congratulatory", "greetings", "letter", "message", "thanks", "condolence"]
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("JSON {\\"requests\\": %d, \\"seconds\\": %f, \\"errors\\": %d, \\"p50_ms\\": %f, \\"p95_ms\\": %f, \\"p99_ms\\": %f, \\"max_ms\\": %f}\\n",
    summary.requests, summary.duration / 1e6, errors, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, latency.max / 1e3))
end
"""


def fill(db: str, events: int, seed: int = 1) -> None:
    """Write ``events`` one-report events (pages, documents, reports, events) straight into the store."""
    rng = random.Random(seed)
    with open_store(db) as store:
        all_events: list[Event] = []
        for start in range(0, events, 1000):
            pages, docs, reports = [], [], []
            for i in range(start, min(events, start + 1000)):
                s, r = rng.sample(LEADERS, 2)
                kind = rng.choice(TYPES)
                date = PartialDate(rng.randrange(2000, 2025), rng.randrange(1, 13), rng.randrange(1, 28))
                text = f"{s} sent a {kind} message to {r} on {date.iso()} (item {i})."
                page = Page(source=f"gen/{i}.txt", raw=text.encode(), text=text, media_type="text", encoding="utf-8", container="txt")
                span = Span(0, len(text), text)
                rep = Report(doc=page.source, page_hash=page.hash, sender=ActorRef(s), recipient=ActorRef(r), type=kind,
                             date=date, occasion=Occasion(), evidence=(Evidence("type", span, span, "gen"),), rule="gen")  # fmt: skip
                pages.append(page)
                docs.append(Document(page_hash=page.hash, source=page.source, text=text, language="en"))
                reports.append(rep)
                all_events.append(Event(id=f"ev{i:06d}", sender=rep.sender, recipient=rep.recipient, type=kind, date=date,
                                        occasion=rep.occasion, reply=False, reports=(rep,)))  # fmt: skip
            store.write_batch(Batch(pages=pages, documents=docs, reports=reports))
        store.replace_events(all_events)


def write_pages(folder: Path, count: int) -> None:
    """Plain pages for the background ingest (so the server is read while the store is written)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"p{i:05d}.txt").write_text(
            f"Capital, May {i % 27 + 1} -- Xi Jinping sent a message of greetings to Kim Jong Un on May {i % 27 + 1}, {1990 + i % 30}.\n"
            f"The message, number {i}, wished the people success.\n", encoding="utf-8")  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the server at {url} did not come up")


def run(events: int, duration: int, threads: int, connections: int, ingest_pages: int, workers: int = 2,
        path: str = "/api/events") -> dict:
    """Fill, serve, load; return the figures."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    work = Path(tempfile.mkdtemp(prefix="missive-load-"))
    missive = [sys.executable, "-m", "missive.cli"]
    server = writer = None
    try:
        db = str(work / "load.db")
        t = time.monotonic()
        fill(db, events)
        fill_s = time.monotonic() - t
        write_pages(work / "incoming", ingest_pages)
        port = free_port()
        server = subprocess.Popen([*missive, "serve", "--db", db, "--port", str(port), "--workers", str(workers)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        url = f"http://127.0.0.1:{port}{path}"
        wait_up(url)
        writer = subprocess.Popen([*missive, "ingest", str(work / "incoming"), "--db", db, "--batch-size", "20"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        script = work / "report.lua"
        script.write_text(WRK_SCRIPT)
        done = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "5s", "-s", str(script), url],
                              capture_output=True, text=True, timeout=duration + 60)  # fmt: skip
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith("JSON ")), None)
        if line is None:
            raise SystemExit(f"wrk gave no figures:\n{done.stdout}\n{done.stderr}")
        figures = json.loads(line[5:])
        writer_running = writer.poll() is None
        figures.update(
            rps=figures["requests"] / figures["seconds"], error_rate=figures["errors"] / max(1, figures["requests"]),
            events=events, fill_s=fill_s, threads=threads, connections=connections, duration_s=duration, workers=workers, path=path,
            ingest_overlapped=writer_running or writer.returncode in (0, 6), cores=os.cpu_count(),
        )  # fmt: skip
        return figures
    finally:
        for proc in (writer, server):
            if proc and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(work, ignore_errors=True)


def in_process(db: str, path: str, count: int = 200) -> dict:
    """CPU milliseconds per request of ``path`` called on the ASGI app directly (no HTTP, no
    client): with the read cache off (every request computed) and on (all but the first kept)."""
    import asyncio

    from missive.web import create_app

    async def call(app, target: str) -> int:
        route, _, query = target.partition("?")
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
                 "path": route, "raw_path": route.encode(), "query_string": query.encode(), "root_path": "",
                 "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}  # fmt: skip
        status = 0

        async def receive() -> dict:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def send(message: dict) -> None:
            nonlocal status
            status = message.get("status", status)

        await app(scope, receive, send)
        return status

    async def timed(entries: int) -> float:
        app = create_app(db, cache_entries=entries)
        assert await call(app, path) == 200, f"GET {path} failed"
        start = time.process_time()
        for _ in range(count):
            await call(app, path)
        return (time.process_time() - start) / count * 1000

    return {"path": path, "uncached_cpu_ms": asyncio.run(timed(0)), "cached_cpu_ms": asyncio.run(timed(256))}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--ingest-pages", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2, help="missive serve --workers")
    parser.add_argument("--path", default="/api/events", help="the URL path (and query) wrk requests")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--in-process", action="store_true", help="time one request on the app itself, no server or wrk")
    args = parser.parse_args()
    if args.in_process:
        work = Path(tempfile.mkdtemp(prefix="missive-load-"))
        try:
            fill(str(work / "load.db"), args.events)
            f = in_process(str(work / "load.db"), args.path)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(json.dumps(f) if args.json else
              f"GET {f['path']} in process: {f['uncached_cpu_ms']:.2f} ms CPU computed, {f['cached_cpu_ms']:.3f} ms from the read cache")  # fmt: skip
        return
    f = run(args.events, args.duration, args.threads, args.connections, args.ingest_pages, args.workers, args.path)
    if args.json:
        print(json.dumps(f))
        return
    print(f"GET {f['path']} over {f['events']} events, {f['workers']} server workers, "
          f"wrk -t{f['threads']} -c{f['connections']} -d{f['duration_s']}s, ingest running")  # fmt: skip
    print(f"requests/s {f['rps']:.0f}  p50 {f['p50_ms']:.1f} ms  p95 {f['p95_ms']:.1f} ms  p99 {f['p99_ms']:.1f} ms  "
          f"errors {f['errors']} ({f['error_rate']:.2%})")  # fmt: skip


if __name__ == "__main__":
    main()
