"""WARC archives: page records become Pages; everything else is passed over or skipped with a reason."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from missive.ingest import read_pages, read_stream
from missive.ingest.warc import parse_content_type
from missive.model import Page, Skip

ARTICLE = "<html><body><p>The premier sent a congratulatory message to the new president.</p></body></html>"
KOREAN = "<html><head><title>소식</title></head><body><p>위원장은 축전을 보냈다.</p></body></html>"


def response(writer: WARCWriter, url: str, body: bytes, content_type: str | None, status: str = "200 OK"):
    headers = [("Content-Type", content_type)] if content_type else []
    http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
    return writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                     warc_headers_dict={"WARC-Date": "2022-03-04T05:06:07Z"})


def build_warc(records: list[tuple], gz: bool = True) -> bytes:
    """Write (kind, url, body, content_type[, status]) tuples into a WARC with warcio."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "missive tests"}))
    for kind, url, body, content_type, *status in records:
        if kind == "response":
            writer.write_record(response(writer, url, body, content_type, *status))
        else:
            writer.write_record(writer.create_warc_record(
                url, kind, payload=io.BytesIO(body),
                warc_content_type=content_type or "application/octet-stream"))
    return out.getvalue()


MIXED = [
    ("response", "https://news.example/en", ARTICLE.encode(), "text/html; charset=utf-8"),
    ("response", "https://news.example/ko", KOREAN.encode("euc-kr"), "text/html; charset=EUC-KR"),
    ("response", "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
    ("response", "https://news.example/gone", b"<html>not here</html>", "text/html", "404 Not Found"),
    ("request", "https://news.example/en", b"GET /en HTTP/1.1\r\n\r\n", "application/http; msgtype=request"),
    ("resource", "https://news.example/note.txt", b"A plain note about a letter.", "text/plain"),
    ("response", "https://news.example/untyped", ARTICLE.encode(), None),
]


@pytest.mark.parametrize("gz", [True, False])
def test_page_records_become_pages(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(build_warc(MIXED, gz=gz))
    got = list(read_pages([path]))
    summary = [(p.source.rsplit("#", 1)[1], type(p).__name__, getattr(p, "media_type", None) or p.reason) for p in got]
    assert summary == [
        ("1", "Page", "html"),
        ("2", "Page", "html"),
        ("3", "Skip", "content type image/png is not a page"),
        ("4", "Skip", "HTTP status 404 for https://news.example/gone"),
        ("6", "Page", "text"),
        ("7", "Page", "html"),  # no Content-Type: sniffed
    ]
    en, ko = got[0], got[1]
    assert (en.url, en.raw, en.text, en.container) == ("https://news.example/en", ARTICLE.encode(), ARTICLE, "warc")
    assert (ko.text, ko.encoding) == (KOREAN, "cp949")
    assert en.fetched_at == "2022-03-04T05:06:07Z"
    assert en.published_hint is None  # a fetch date is not a publication date


def test_chunked_and_gzip_encoded_bodies_are_decoded(tmp_path: Path) -> None:
    body = gzip.compress(ARTICLE.encode())
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Encoding", "gzip"),
                                       ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/z", "response",
                                                  payload=io.BytesIO(chunked), http_headers=http))
    path = tmp_path / "enc.warc.gz"
    path.write_bytes(out.getvalue())
    (page,) = read_pages([path])
    assert page.text == ARTICLE


def test_a_whole_file_gzip_warc_is_read_too(tmp_path: Path) -> None:
    # Some tools gzip the whole archive as one member rather than record by record.
    path = tmp_path / "single.warc.gz"
    path.write_bytes(gzip.compress(build_warc(MIXED[:2], gz=False)))
    assert [p.url for p in read_pages([path])] == ["https://news.example/en", "https://news.example/ko"]


def test_a_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    records = [("response", f"https://news.example/{i}", (ARTICLE * 20).encode(), "text/html") for i in range(4)]
    data = build_warc(records, gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) - 40])
    got = list(read_pages([path]))
    assert [p.url for p in got if isinstance(p, Page)] == [f"https://news.example/{i}" for i in range(3)]
    assert isinstance(got[-1], Skip) and len(got) == 4
    assert "truncated at compressed byte" in got[-1].reason


def test_a_truncated_plain_warc_is_not_silent(tmp_path: Path) -> None:
    records = [("response", f"https://news.example/{i}", (ARTICLE * 20).encode(), "text/html") for i in range(3)]
    data = build_warc(records, gz=False)
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) - 300])
    got = list(read_pages([path]))
    assert [p.url for p in got if isinstance(p, Page)] == ["https://news.example/0", "https://news.example/1"]
    assert [p.source for p in got if isinstance(p, Skip)] == [f"{path}#3"]
    assert "truncated" in got[-1].reason and "byte" in got[-1].reason


def test_garbage_inside_a_warc_stops_with_the_offset(tmp_path: Path) -> None:
    data = build_warc(MIXED[:1], gz=False) + b"this is not a WARC header\r\n\r\n" + build_warc(MIXED[:1], gz=False)
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    got = list(read_pages([path]))
    assert [type(p).__name__ for p in got] == ["Page", "Skip"]
    assert got[1].reason.startswith("corrupt WARC at byte")


def test_a_corrupt_gzip_member(tmp_path: Path) -> None:
    data = bytearray(build_warc(MIXED[:2], gz=True))
    data[len(data) // 2 : len(data) // 2 + 30] = b"\xff" * 30
    path = tmp_path / "corrupt.warc.gz"
    path.write_bytes(bytes(data))
    got = list(read_pages([path]))
    assert isinstance(got[-1], Skip) and "gzip" in got[-1].reason


def test_a_warc_on_stdin() -> None:
    got = list(read_stream(io.BytesIO(build_warc(MIXED[:2]))))
    assert [(p.source, p.container) for p in got] == [("<stdin>#1", "warc"), ("<stdin>#2", "warc")]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("text/html; charset=EUC-KR", ("text/html", "EUC-KR")),
        ('Text/HTML;Charset="gb2312"', ("text/html", "gb2312")),
        ("text/plain", ("text/plain", None)),
        ("text/html; boundary=x; charset=", ("text/html", None)),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_parse_content_type(value: str | None, expected: tuple) -> None:
    assert parse_content_type(value) == expected
