"""URLs among the paths are fetched through the guarded fetcher, never read as files."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator

import pytest

from missive.ingest import read_pages
from missive.model import Page, Skip


class _Page(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        body = b"Pyongyang, May 1 (KCNA) -- A test page written for missive."
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def local_url() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/page.txt"
    server.shutdown()


def test_a_loopback_url_is_refused_with_a_reason_and_the_rest_goes_on(local_url: str, tmp_path) -> None:
    page = tmp_path / "local.txt"
    page.write_text("A page on disk.", encoding="utf-8")
    items = list(read_pages([local_url, str(page)]))
    skips = [i for i in items if isinstance(i, Skip)]
    assert len(skips) == 1 and skips[0].source == local_url
    assert "non-public address 127.0.0.1" in skips[0].reason
    assert [i.source for i in items if isinstance(i, Page)] == [str(page)]
