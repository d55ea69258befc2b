"""The API's read cache: answers kept while the store's write generation holds, ETags, bounds."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Iterator

import desk_corpus
import pytest
from fastapi.testclient import TestClient

from missive.store import open_store
from missive.web import create_app
from missive.web.cache import ReadCache, etag_of, matches
from missive.web.common import event_summary
from missive.web.schemas import EventOut


def run(coro: Any) -> Any:
    """asyncio.run on a thread of its own: other tests (the browser's) may leave a loop running here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


TOKEN = desk_corpus.TOKEN


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_desk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A desk record this test alone may write to."""
    if request.param == "sqlite":
        url = str(tmp_path / "desk.db")
        desk_corpus.build(url)
        yield url
        return
    from pg_fixture import fresh_database

    with fresh_database(request.getfixturevalue("pg_server"), "missive_cache") as url:
        desk_corpus.build(url)
        yield url


def read_cache(app: Any) -> ReadCache:
    """The ReadCache instance in the app's middleware stack (built on the first request)."""
    layer = app.middleware_stack
    while layer is not None and not isinstance(layer, ReadCache):
        layer = getattr(layer, "app", None)
    assert layer is not None, "no ReadCache in the middleware stack"
    return layer


def test_a_write_from_elsewhere_is_visible_on_the_next_read(fresh_desk: str) -> None:
    app = create_app(fresh_desk)
    with TestClient(app) as client, open_store(fresh_desk) as other:
        first = client.get("/api/events")
        again = client.get("/api/events")
        assert again.json() == first.json() and again.headers["etag"] == first.headers["etag"]
        assert read_cache(app).hits == 1
        events = other.events()
        other.replace_events(events[:-1])  # another process's write: one event fewer
        after = client.get("/api/events")
        assert len(after.json()["items"]) == len(first.json()["items"]) - 1
        assert after.headers["etag"] != first.headers["etag"]


def test_a_write_through_the_api_is_visible_on_the_next_read(fresh_desk: str) -> None:
    app = create_app(fresh_desk, token=TOKEN, resolve=lambda store: store.replace_events([]))
    with TestClient(app) as client:
        assert client.get("/api/events").json()["items"]
        ids = [r["id"] for r in client.get("/api/reports").json()["items"][:2]]
        posted = client.post("/api/overrides", json={"kind": "merge", "report_ids": ids},
                             headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
        assert posted.status_code == 201
        assert client.get("/api/events").json()["items"] == []


def test_if_none_match_gets_304_until_the_record_changes(fresh_desk: str) -> None:
    with TestClient(create_app(fresh_desk)) as client, open_store(fresh_desk) as other:
        tag = client.get("/api/events?limit=2").headers["etag"]
        unchanged = client.get("/api/events?limit=2", headers={"If-None-Match": tag})
        assert unchanged.status_code == 304 and unchanged.content == b""
        assert unchanged.headers["etag"] == tag
        assert unchanged.headers["x-content-type-options"] == "nosniff"  # security headers on cached answers
        other.replace_events([])
        changed = client.get("/api/events?limit=2", headers={"If-None-Match": tag})
        assert changed.status_code == 200 and changed.json()["items"] == []


def test_listing_items_equal_the_full_event_summaries(fresh_desk: str) -> None:
    """The light listing answers what decoding every report would have."""
    with TestClient(create_app(fresh_desk)) as client, open_store(fresh_desk) as store:
        items = client.get("/api/events?limit=200").json()["items"]
        full = {e.id: EventOut.model_validate(event_summary(e)).model_dump(mode="json") for e in store.events()}
        assert items and {i["id"]: i for i in items} == full
        assert all(i["languages"] == ["en"] for i in items)


# -- the middleware alone, over a stand-in app whose calls are counted ------------------------


class Backend:
    """A stand-in store generation and route: counts route runs; answers are set per path."""

    def __init__(self) -> None:
        self.generation: int | None = 1
        self.calls: list[str] = []
        self.delay = 0.0

    def store(self) -> "Backend":
        return self

    async def app(self, scope: dict, receive: Any, send: Any) -> None:
        self.calls.append(scope["path"])
        await asyncio.sleep(self.delay)
        status, ctype, extra = {
            "/api/error": (400, b"application/json", []),
            "/api/cookie": (200, b"application/json", [(b"set-cookie", b"a=b")]),
            "/api/text": (200, b"text/plain", []),
        }.get(scope["path"], (200, b"application/json", []))
        body = f'{{"path": "{scope["path"]}", "generation": {self.generation}}}'.encode()
        headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode()), *extra]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class _Store:
    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.concurrent_reads = True

    def generation(self) -> int | None:
        return self.backend.generation


def _cache(backend: Backend, **kw: Any) -> ReadCache:
    store = _Store(backend)
    return ReadCache(backend.app, store=lambda: store, opened=lambda: store, **kw)


async def _get(cache: ReadCache, path: str, method: str = "GET", headers: list | None = None) -> tuple[int, bytes]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": method, "path": path, "query_string": b"", "headers": headers or []}
    await cache(scope, receive, send)
    return sent[0]["status"], b"".join(m.get("body", b"") for m in sent[1:])


@pytest.mark.parametrize(
    ("method", "path", "kept"),
    [
        ("GET", "/api/events", True),
        ("GET", "/api/stats/counts", True),
        ("HEAD", "/api/events", False),
        ("POST", "/api/events", False),
        ("GET", "/", False),  # HTML views carry a per-session CSRF cookie
        ("GET", "/api/pages/abc/raw", False),  # raw bytes: large, not JSON
        ("GET", "/api/error", False),  # only successful answers
        ("GET", "/api/cookie", False),
        ("GET", "/api/text", False),
    ],
)
def test_what_is_kept(method: str, path: str, kept: bool) -> None:
    backend = Backend()
    cache = _cache(backend)
    for _ in range(3):
        run(_get(cache, path, method))
    assert len(backend.calls) == (1 if kept else 3)


def test_a_new_generation_recomputes_and_no_generation_turns_the_cache_off() -> None:
    backend = Backend()
    cache = _cache(backend)
    run(_get(cache, "/api/events"))
    backend.generation = 2
    _, body = run(_get(cache, "/api/events"))
    assert b'"generation": 2' in body and len(backend.calls) == 2
    backend.generation = None  # a store that keeps no generation
    run(_get(cache, "/api/events"))
    run(_get(cache, "/api/events"))
    assert len(backend.calls) == 4


def test_the_cache_keeps_the_most_recent_entries_only() -> None:
    backend = Backend()
    cache = _cache(backend, entries=2)
    for path in ["/api/a", "/api/b", "/api/a", "/api/c", "/api/a", "/api/b"]:
        run(_get(cache, path))
    # a, b computed; a hit (now most recent); c evicts b; a hit; b computed again
    assert backend.calls == ["/api/a", "/api/b", "/api/c", "/api/b"]


def test_an_answer_over_the_size_bound_is_served_whole_but_not_kept() -> None:
    backend = Backend()
    cache = _cache(backend, max_entry_bytes=10)
    statuses = [run(_get(cache, "/api/events")) for _ in range(2)]
    assert [s for s, _ in statuses] == [200, 200] and all(b'"path"' in b for _, b in statuses)
    assert len(backend.calls) == 2


def test_concurrent_misses_compute_once() -> None:
    backend = Backend()
    backend.delay = 0.05
    cache = _cache(backend)

    async def many() -> list[tuple[int, bytes]]:
        return await asyncio.gather(*(_get(cache, "/api/events") for _ in range(8)))

    answers = run(many())
    assert backend.calls == ["/api/events"]
    assert len({body for _, body in answers}) == 1 and {s for s, _ in answers} == {200}


@pytest.mark.parametrize(
    ("header", "matched"),
    [
        (None, False),
        (b"", False),
        (b"*", True),
        (b'"other"', False),
        (b"{tag}", True),
        (b"W/{tag}", True),
        (b'"a", {tag}, "b"', True),
        (b'"a","b"', False),
    ],
)
def test_if_none_match_lists(header: bytes | None, matched: bool) -> None:
    tag = etag_of(b"some body")
    given = header.replace(b"{tag}", tag) if header is not None else None
    assert matches(given, tag) is matched


def test_etags_follow_the_body() -> None:
    assert etag_of(b"one") == etag_of(b"one") != etag_of(b"two")
