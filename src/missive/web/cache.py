"""A read cache for the JSON API, keyed by the request and the store's write generation.

Every write transaction bumps the store's generation as its last statement, so a
body computed while the generation was N stays right for as long as the store
still says N: the next read after any write (from this process, another worker or
an ingest elsewhere) misses and recomputes. The generation is read *before* the
body is computed, so a write landing in between only ever makes an entry unused,
never a stale one served.

Pure ASGI, placed inside the security middleware: cached answers get the same
headers as fresh ones. Only successful JSON answers of GET under ``/api/``
are kept (HTML views carry a per-session CSRF cookie; raw page bytes are large).
Each answer carries an ``ETag``; a matching ``If-None-Match`` gets a 304.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable

from starlette.concurrency import run_in_threadpool

log = logging.getLogger("missive.web")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

ENTRIES = 256
MAX_ENTRY_BYTES = 1 << 20  # a bigger body is served but not kept: 256 entries stay under 256 MB
PREFIX = "/api/"
_KEEP_HEADERS = (b"content-type", b"content-length")


@dataclass(frozen=True)
class Entry:
    generation: int
    etag: bytes
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


def _generation(store: Any) -> int | None:
    read = getattr(store, "generation", None)
    return read() if read is not None else None


def etag_of(body: bytes) -> bytes:
    """A strong validator for a body: equal bodies, equal tags, on every worker."""
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def matches(if_none_match: bytes | None, etag: bytes) -> bool:
    """Whether an If-None-Match header names ``etag`` (weak comparison, as RFC 9110 asks for GET)."""
    if not if_none_match:
        return False
    wanted = etag.removeprefix(b"W/")
    for tag in if_none_match.split(b","):
        tag = tag.strip()
        if tag == b"*" or tag.removeprefix(b"W/") == wanted:
            return True
    return False


class ReadCache:
    """Serve repeated API reads from a bounded LRU while the store's generation holds."""

    def __init__(
        self,
        app: ASGIApp,
        store: Callable[[], Any],
        opened: Callable[[], Any | None],
        entries: int = ENTRIES,
        max_entry_bytes: int = MAX_ENTRY_BYTES,
    ) -> None:
        """``store()`` opens the app's store if need be and returns it; ``opened()`` returns it only if open."""
        self.app = app
        self.store = store
        self.opened = opened
        self.entries = entries
        self.max_entry_bytes = max_entry_bytes
        # Touched only on the event loop's thread, so it needs no lock.
        self._lru: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self._flights: dict[tuple[tuple[str, bytes], int], asyncio.Future[Entry | None]] = {}
        self.hits = self.misses = 0

    def cacheable(self, scope: Scope) -> bool:
        path = scope.get("path", "")
        return (
            self.entries > 0
            and scope["type"] == "http"
            and scope.get("method") == "GET"  # HEAD goes through: its answer has no body to keep
            and path.startswith(PREFIX)
            and not path.endswith("/raw")
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self.cacheable(scope):
            await self.app(scope, receive, send)
            return
        try:
            generation = await self._read_generation()
        except Exception:  # the route reads the same store and reports the failure properly
            log.warning("read cache off for this request: the store generation could not be read", exc_info=True)
            generation = None
        if generation is None:
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        inm = dict(scope.get("headers", [])).get(b"if-none-match")
        entry = self._lru.get(key)
        if entry is not None and entry.generation == generation:
            self._lru.move_to_end(key)
            self.hits += 1
            await self._answer(send, entry, inm)
            return
        self.misses += 1
        await self._miss(scope, receive, send, key, generation, inm)

    async def _miss(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[str, bytes], generation: int, inm: bytes | None
    ) -> None:
        """Compute the answer, or wait for the same answer another request is computing."""
        flight = (key, generation)
        pending = self._flights.get(flight)
        if pending is not None:
            # The same answer is being computed: wait for it rather than compute it again
            # (after a write every open connection misses at once).
            entry = await asyncio.shield(pending)
            if entry is not None:
                await self._answer(send, entry, inm)
                return
            await self.app(scope, receive, send)  # it did not qualify for the cache: run it as usual
            return
        done: asyncio.Future[Entry | None] = asyncio.get_running_loop().create_future()
        self._flights[flight] = done
        try:
            await self._compute(scope, receive, send, key, generation, inm, done)
        finally:
            del self._flights[flight]
            if not done.done():
                done.set_result(None)

    async def _read_generation(self) -> int | None:
        """The store's generation (None: it keeps none). Read right here when the read waits on
        no other read or write (a thread hop would double the cost of a hit); else, and to open
        the store, in the thread pool, so the event loop never waits on the database."""
        store = self.opened()
        if store is not None and getattr(store, "concurrent_reads", False):
            return _generation(store)
        return await run_in_threadpool(lambda: _generation(self.store()))

    async def _compute(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        key: tuple[str, bytes],
        generation: int,
        inm: bytes | None,
        done: asyncio.Future[Entry | None],
    ) -> None:
        """Run the route, holding its answer back until the body is complete; keep it if it qualifies."""
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        passing = False  # the answer does not qualify: forward it as it comes

        async def capture(message: Message) -> None:
            nonlocal start, size, passing
            if passing:
                await send(message)
                return
            if message["type"] == "http.response.start":
                start = message
                names = {k.lower(): v for k, v in message.get("headers", [])}
                ctype = names.get(b"content-type", b"")
                if message["status"] != 200 or not ctype.startswith(b"application/json") or b"set-cookie" in names:
                    passing = True
                    done.set_result(None)  # whoever waits on this answer runs the route itself
                    await send(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_entry_bytes:
                passing = True
                done.set_result(None)
                await send(start)  # type: ignore[arg-type]
                await send({**message, "body": b"".join(chunks)})
                return
            if not message.get("more_body", False):
                body = b"".join(chunks)
                kept = tuple((k, v) for k, v in start.get("headers", []) if k.lower() in _KEEP_HEADERS)  # type: ignore[union-attr]
                entry = Entry(generation, etag_of(body), kept, body)
                self._keep(key, entry)
                done.set_result(entry)
                await self._answer(send, entry, inm)

        await self.app(scope, receive, capture)

    def _keep(self, key: tuple[str, bytes], entry: Entry) -> None:
        self._lru[key] = entry
        self._lru.move_to_end(key)
        while len(self._lru) > self.entries:
            self._lru.popitem(last=False)

    @staticmethod
    async def _answer(send: Send, entry: Entry, inm: bytes | None) -> None:
        validators = [(b"etag", entry.etag), (b"cache-control", b"no-cache")]
        if matches(inm, entry.etag):
            await send({"type": "http.response.start", "status": 304, "headers": validators})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": [*entry.headers, *validators]})
        await send({"type": "http.response.body", "body": entry.body})
