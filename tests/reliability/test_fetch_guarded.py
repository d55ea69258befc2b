"""Fetching URLs: a real HTTP server on 127.0.0.1; non-public addresses refused, size, time
and redirects bounded. No traffic ever leaves 127.0.0.1: refused addresses are refused before
any connection is made."""

from __future__ import annotations

import gzip
import ipaddress
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from missive.errors import InputError
from missive.ingest import fetch
from missive.ingest.fetch import FetchError, check_url, fetch_page, fetch_pages, is_public

PAGE = b"<html><head><title>Letter</title></head><body><p>The chairman sent a letter of thanks to the premier.</p></body></html>"


class Handler(BaseHTTPRequestHandler):
    """Each path is one server behaviour the fetcher must survive."""

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, body: bytes, ctype: str = "text/html; charset=utf-8", extra: dict | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: C901 - one branch per behaviour, read as a table
        path = self.path
        port = self.server.server_address[1]
        try:
            if path == "/page":
                self._send(PAGE)
            elif path == "/host":
                self._send(f"<html><body><p>host header {self.headers['Host']}</p></body></html>".encode())
            elif path == "/big":  # no Content-Length: only streaming can catch it
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                for _ in range(64):
                    self.wfile.write(b"a" * 65536)
            elif path == "/big-declared":
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(10**9))
                self.end_headers()
                self.wfile.write(b"a" * 1000)
            elif path == "/bomb":
                body = gzip.compress(b"a" * (20 * 1024 * 1024))
                self._send(body, "text/plain", {"Content-Encoding": "gzip"})
            elif path == "/slow":
                time.sleep(3)
                self._send(PAGE)
            elif path == "/drip":  # each read is quick, the whole response never ends
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.end_headers()
                for _ in range(100):
                    self.wfile.write(b"word ")
                    self.wfile.flush()
                    time.sleep(0.1)
            elif path == "/loop":
                self._redirect("/loop")
            elif path.startswith("/hops/"):
                n = int(path.rsplit("/", 1)[1])
                self._redirect(f"/hops/{n - 1}") if n > 0 else self._send(PAGE)
            elif path == "/to-loopback-alias":
                self._redirect(f"http://127.0.0.2:{port}/page")
            elif path == "/to-metadata":
                self._redirect("http://169.254.169.254/latest/meta-data/")
            elif path == "/to-file":
                self._redirect("file:///etc/passwd")
            elif path == "/binary":
                self._send(bytes(range(256)) * 64, "application/octet-stream")
            elif path == "/missing":
                self.send_error(404)
            else:
                self.send_error(500)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the fetcher hung up on purpose


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let 127.0.0.1 (only) stand for a public server, so later hops' checks can be tested."""
    real = is_public
    monkeypatch.setattr(fetch, "is_public", lambda a: a == ipaddress.ip_address("127.0.0.1") or real(a))


# -- positive cases (allow_private=True, the test server is on loopback) ------------------


def test_fetches_a_page_with_its_url_and_media_type(server: str) -> None:
    page = fetch_page(f"{server}/page", allow_private=True)
    assert page.raw == PAGE and page.media_type == "html" and page.container == "http"
    assert page.url == f"{server}/page" and page.fetched_at and "letter of thanks" in page.text


def test_follows_a_bounded_chain_of_redirects(server: str) -> None:
    page = fetch_page(f"{server}/hops/3", allow_private=True, max_redirects=3)
    assert page.raw == PAGE and page.url == f"{server}/hops/0"
    with pytest.raises(FetchError, match="more than 2 redirects"):
        fetch_page(f"{server}/hops/3", allow_private=True, max_redirects=2)


# -- refusals ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/", "http://localhost/", "http://[::1]/", "http://10.0.0.8/", "http://192.168.1.1/",
        "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://0.0.0.0/", "http://224.0.0.1/",
        "http://240.0.0.1/", "http://[::ffff:127.0.0.1]/", "http://[fe80::1]/", "http://[fc00::1]/",
        "http://2130706433/", "http://100.64.0.1/",
    ],
)  # fmt: skip
def test_non_public_addresses_are_refused_by_default(url: str) -> None:
    with pytest.raises(FetchError, match="non-public address"):
        fetch_page(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/", "javascript:alert(1)", "no-scheme"])
def test_only_http_and_https_are_fetched(url: str) -> None:
    with pytest.raises(FetchError, match="scheme"):
        fetch_page(url, allow_private=True)


def test_the_default_refuses_the_local_test_server(server: str) -> None:
    with pytest.raises(FetchError, match="non-public"):
        fetch_page(f"{server}/page")


def test_a_host_with_one_private_address_among_public_ones_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, 80)) for ip in ("93.184.216.34", "10.0.0.1")]
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: answers)
    with pytest.raises(FetchError, match="10.0.0.1"):
        check_url("http://mixed.example/")


def test_connects_to_the_checked_address_not_a_second_lookup(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """DNS rebinding: the first answer is checked and used; later answers are never asked for."""
    port = int(server.rsplit(":", 1)[1])
    answers = iter([["127.0.0.1"], ["10.9.9.9"], ["10.9.9.9"]])
    real = socket.getaddrinfo

    def rebinding(host, *args, **kwargs):
        if host == "rebind.test":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in next(answers)]
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    page = fetch_page(f"http://rebind.test:{port}/host", allow_private=True)
    assert f"host header rebind.test:{port}" in page.text
    assert next(answers) == ["10.9.9.9"], "the host was looked up exactly once"


def test_a_redirect_to_a_private_address_is_refused(server: str, loopback_is_public: None) -> None:
    assert fetch_page(f"{server}/page").raw == PAGE  # the first hop counts as public here
    with pytest.raises(FetchError, match="127.0.0.2"):
        fetch_page(f"{server}/to-loopback-alias")
    with pytest.raises(FetchError, match="169.254.169.254"):
        fetch_page(f"{server}/to-metadata")
    with pytest.raises(FetchError, match="scheme 'file'"):
        fetch_page(f"{server}/to-file")


def test_a_redirect_loop_ends_with_a_reason(server: str) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_page(f"{server}/loop", allow_private=True)


# -- bounds ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "reason"), [("/big", "passed the limit"), ("/big-declared", "announces"), ("/bomb", "passed the limit")])
def test_responses_over_the_size_cap_are_abandoned(server: str, path: str, reason: str) -> None:
    with pytest.raises(FetchError, match=reason):
        fetch_page(f"{server}{path}", allow_private=True, max_bytes=200_000)


@pytest.mark.parametrize("path", ["/slow", "/drip"])
def test_a_slow_server_is_abandoned_at_the_time_limit(server: str, path: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="time"):
        fetch_page(f"{server}{path}", allow_private=True, timeout=0.8)
    assert time.monotonic() - started < 2.5


def test_failures_are_input_errors_and_become_skips_in_a_batch(server: str) -> None:
    urls = [f"{server}/missing", f"{server}/binary", "ftp://x/", f"{server}/page"]
    items = list(fetch_pages(urls, allow_private=True))
    reasons = [getattr(i, "reason", None) for i in items]
    assert "HTTP 404" in reasons[0] and "binary" in reasons[1].lower() and "scheme" in reasons[2]
    assert items[3].raw == PAGE
    assert issubclass(FetchError, InputError)
