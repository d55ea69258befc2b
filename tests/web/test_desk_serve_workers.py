"""`missive serve --workers N`: the env-built app factory, TCP_NODELAY per connection, a live run."""

from __future__ import annotations

import asyncio
import gc
from concurrent.futures import ThreadPoolExecutor
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import desk_corpus
import pytest
import uvicorn
from uvicorn.server import ServerState

from missive.cli.record_commands import app_from_env
from missive.settings import DB_ENV, TOKEN_ENV
from missive.web.serving import NoDelayHTTP


def run(coro: Any) -> Any:
    """asyncio.run on a thread of its own: other tests (the browser's) may leave a loop running here."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_the_factory_reads_the_store_and_token_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DB_ENV, str(tmp_path / "a.db"))
    monkeypatch.setenv(TOKEN_ENV, "s3cret-token")
    app = app_from_env()
    assert app.state.store_url == str(tmp_path / "a.db")
    assert app.state.token == "s3cret-token"
    assert app.state.ingest is not None and app.state.resolve is not None
    monkeypatch.delenv(TOKEN_ENV)
    assert app_from_env().state.token is None  # no token: read-only


def test_the_factory_leaves_what_was_loaded_out_of_collections(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A full collection over the loaded pipeline stalled a worker's requests for ~80 ms."""
    monkeypatch.setenv(DB_ENV, str(tmp_path / "a.db"))
    gc.unfreeze()
    try:
        app_from_env()
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual


async def _accepted_nodelay() -> int:
    """TCP_NODELAY on a connection accepted from a socket made as uvicorn's workers make it."""

    async def app(scope, receive, send) -> None:  # never reached: no request is sent
        raise AssertionError("no request expected")

    config = uvicorn.Config(app, log_level="warning")
    config.load()
    state = ServerState()
    listener = socket.socket(socket.AF_INET)  # protocol number 0, as uvicorn's bind_socket
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    server = await asyncio.get_running_loop().create_server(lambda: NoDelayHTTP(config, state, {}), sock=listener)
    try:
        _, writer = await asyncio.open_connection(*listener.getsockname())
        for _ in range(100):
            if state.connections:
                break
            await asyncio.sleep(0.01)
        (protocol,) = state.connections
        value = protocol.transport.get_extra_info("socket").getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        writer.close()
        return value
    finally:
        server.close()


def test_worker_connections_get_tcp_nodelay() -> None:
    """Without it a keep-alive answer waits ~40 ms for the client's delayed ACK."""
    assert run(_accepted_nodelay()) != 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_two_workers_serve_the_desk(tmp_path: Path) -> None:
    db = tmp_path / "desk.db"
    desk_corpus.build(db)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    server = subprocess.Popen(
        [sys.executable, "-m", "missive.cli", "serve", "--db", str(db), "--port", str(port), "--workers", "2", "--no-access-log"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/api/events")
                first = conn.getresponse()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("missive serve --workers 2 did not come up")
                time.sleep(0.3)
        body = first.read()
        assert first.status == 200 and first.getheader("etag")
        for _ in range(5):  # keep-alive on one connection, as wrk does
            conn.request("GET", "/api/events", headers={"If-None-Match": first.getheader("etag")})
            again = conn.getresponse()
            again.read()
            assert again.status == 304
        conn.request("GET", "/api/events?limit=1")
        one = conn.getresponse()
        assert one.status == 200 and len(one.read()) < len(body)
        conn.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
