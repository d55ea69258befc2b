"""Fixtures of the desk's tests: a filled store on each backend, API clients, a live server."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # desk_corpus
sys.path.insert(0, str(HERE.parent))  # pg_fixture

import desk_corpus  # noqa: E402
from pg_fixture import fresh_database, pg_server  # noqa: E402,F401  (fixture)

from missive.web import create_app  # noqa: E402

TOKEN = desk_corpus.TOKEN
CHROMIUM = "/usr/bin/chromium"
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


class Desk:
    """A filled store: its URL and the ids the tests look for."""

    def __init__(self, url: str, info: dict):
        self.url = url
        self.info = info


@pytest.fixture(scope="session")
def sqlite_desk(tmp_path_factory: pytest.TempPathFactory) -> Desk:
    path = tmp_path_factory.mktemp("desk") / "desk.db"
    return Desk(str(path), desk_corpus.build(path))


@pytest.fixture(scope="session")
def postgres_desk(request: pytest.FixtureRequest) -> Iterator[Desk]:
    server = request.getfixturevalue("pg_server")
    with fresh_database(server, "missive_web") as url:
        yield Desk(url, desk_corpus.build(url))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def desk(request: pytest.FixtureRequest) -> Desk:
    """The same record on SQLite and on PostgreSQL (API tests run on both)."""
    return request.getfixturevalue(f"{request.param}_desk")


class Uploads:
    """A stand-in for the CLI's ingest function: records what it was handed."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, bytes]]] = []

    def __call__(self, files, store) -> dict:
        self.calls.append(list(files))
        return {"read": len(files), "store": type(store).__name__}


@pytest.fixture
def uploads() -> Uploads:
    return Uploads()


@pytest.fixture
def client(desk: Desk, uploads: Uploads):
    """A client of a writable desk (token configured, ingest given)."""
    from fastapi.testclient import TestClient

    with TestClient(create_app(desk.url, token=TOKEN, ingest=uploads), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture
def ro_client(sqlite_desk: Desk):
    """A client of a read-only desk (no token configured)."""
    from fastapi.testclient import TestClient

    with TestClient(create_app(sqlite_desk.url), raise_server_exceptions=False) as c:
        yield c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _serving(app) -> Iterator[str]:
    """A real uvicorn server for ``app`` on 127.0.0.1 and a free port, stopped on exit."""
    import uvicorn

    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the uvicorn server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(sqlite_desk: Desk) -> Iterator[str]:
    """A real uvicorn server serving the desk."""
    with _serving(create_app(sqlite_desk.url, token=TOKEN)) as url:
        yield url


@pytest.fixture(scope="session")
def customary_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server over the customary record (desk_customary): years sent, missing and late."""
    import desk_customary

    path = tmp_path_factory.mktemp("customary-desk") / "desk.db"
    desk_customary.build(path)
    with _serving(create_app(str(path))) as url:
        yield url


def chromium_path() -> str:
    """Chromium's path; skip without it, unless under CI (CI must have it: .ci/browser-deps.sh)."""
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail("Chromium is missing under CI: run .ci/browser-deps.sh")
    pytest.skip("no Chromium at /usr/bin/chromium (run .ci/browser-deps.sh); CI is unset")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by Playwright (never a browser Playwright downloads)."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=BROWSER_ARGS, headless=True)
        yield b
        b.close()
