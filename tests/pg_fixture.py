"""A PostgreSQL server for tests: found at 127.0.0.1:5432, or started, or skipped.

Import it from any conftest (tests run with --import-mode=importlib, so put
the tests folder on sys.path first):

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from pg_fixture import pg_server, pg_url  # noqa: F401  (fixtures)

``pg_server`` (session) is a URL of the maintenance database; ``pg_url``
(session) is a fresh, uniquely named database dropped after the session;
``fresh_database(server)`` makes one more for a single test. Without a server
the fixtures skip, unless the env var CI is set: then they fail.
"""

from __future__ import annotations

import contextlib
import glob
import os
import subprocess
import time
import uuid
from typing import Iterator

import pytest

HOST, PORT = "127.0.0.1", 5432
USERS = ("postgres", "root")


def _try_connect() -> str | None:
    import psycopg

    for user in USERS:
        url = f"postgresql://{user}@{HOST}:{PORT}/test"
        try:
            with psycopg.connect(url, connect_timeout=3):
                return url
        except psycopg.Error:
            continue
    return None


def _start_server() -> str:
    """Try to start the local cluster; return what went wrong, or '' on success."""
    versions = sorted(os.path.basename(p) for p in glob.glob("/etc/postgresql/*"))
    if not versions:
        return "no PostgreSQL cluster under /etc/postgresql"
    cmd = ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"{' '.join(cmd)} failed: {exc}"
    if done.returncode != 0:
        return f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.strip()}"
    return ""


def find_server() -> tuple[str | None, str]:
    """(URL of a reachable server's `test` database, or None; why not)."""
    url = _try_connect()
    if url:
        return url, ""
    problem = _start_server()
    for _ in range(30):
        url = _try_connect()
        if url:
            return url, ""
        time.sleep(0.5)
    return None, problem or f"nothing answers at {HOST}:{PORT} as {' or '.join(USERS)}"


def _admin(server: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(sql)


@contextlib.contextmanager
def fresh_database(server: str, prefix: str = "missive_test") -> Iterator[str]:
    """Create a uniquely named database, yield its URL, drop it afterwards."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    _admin(server, f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        _admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_server() -> str:
    """URL of a reachable server's maintenance database (skip or, under CI, fail)."""
    url, why = find_server()
    if url is None:
        message = f"no PostgreSQL server: {why}"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI is set, so this is a failure)")
        pytest.skip(message)
    return url


@pytest.fixture(scope="session")
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh database for this test session, dropped at its end."""
    with fresh_database(pg_server) as url:
        yield url
