"""A WARC record cut short gives exactly one Skip, whatever the cut leaves of it: an empty body, half
an HTTP header, a record that was no page anyway. The records before the cut are kept."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from missive.ingest import read_pages
from missive.model import Page, Skip

ARTICLE = (
    "<html><body><p>Pyongyang, June 1 -- A letter of thanks was sent to the mayor of a sister city "
    "for the flowers and the kind words on the anniversary of the twinning.</p></body></html>"
)


def _archive(records: list[tuple[str, bytes, str]]) -> bytes:
    """(url, body, content type) response records, uncompressed."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url, body, ctype in records:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


def _cut_at(kind: str, data: bytes, body: bytes) -> int:
    last = data.rfind(b"WARC/1.0")
    headers_end = data.index(b"\r\n\r\n", data.index(b"HTTP/1.1", last)) + 4
    return {
        "inside the HTTP headers": headers_end - 12,
        "right after the HTTP headers": headers_end,
        "inside the body": headers_end + len(body) // 2,
    }[kind]


@pytest.mark.parametrize("kind", ["inside the HTTP headers", "right after the HTTP headers", "inside the body"])
@pytest.mark.parametrize("ctype", ["text/html", "image/png"])
def test_a_cut_record_gives_one_skip(tmp_path: Path, kind: str, ctype: str) -> None:
    body = ARTICLE.encode() if ctype == "text/html" else b"\x89PNG\r\n\x1a\n" + bytes(400)
    data = _archive([("https://w.example/first", ARTICLE.encode(), "text/html"), ("https://w.example/cut", body, ctype)])
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: _cut_at(kind, data, body)])
    got = list(read_pages([path]))
    assert [p.url for p in got if isinstance(p, Page)] == ["https://w.example/first"]
    skips = [s for s in got if isinstance(s, Skip)]
    assert len(skips) == 1, [s.reason for s in skips]
    assert skips[0].source == f"{path}#1" and "truncated" in skips[0].reason


def test_a_whole_record_that_is_no_page_still_gives_its_own_reason(tmp_path: Path) -> None:
    data = _archive([("https://w.example/logo", b"\x89PNG\r\n\x1a\n" + bytes(40), "image/png"), ("https://w.example/a", ARTICLE.encode(), "text/html")])
    path = tmp_path / "whole.warc"
    path.write_bytes(data)
    got = list(read_pages([path]))
    assert [type(p).__name__ for p in got] == ["Skip", "Page"], "the held-back skip keeps its place"
    assert "image/png is not a page" in got[0].reason
