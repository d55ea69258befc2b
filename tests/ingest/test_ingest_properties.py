"""Properties of ingest over arbitrary input: no exception escapes, round trips hold, identity is stable."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missive.ingest import read_pages, read_stream
from missive.model import Page, Skip, content_hash
from missive.settings import Limits

EXTENSIONS = [".txt", ".html", ".jsonl", ".json", ".warc", ".warc.gz", ".jsonl.gz", ".dat", ""]
LIMITS = Limits(max_page_bytes=4096, max_decompressed_bytes=65536)

# Bytes that look a little like our formats, so the parsers get past their first checks.
PREFIXES = st.sampled_from([b"", b"\x1f\x8b\x08\x00", b"WARC/1.0\r\n", b'{"url": "u", "text": "', b"[", b"<html>", b"\xef\xbb\xbf"])


def check(items: list[Page | Skip]) -> None:
    for item in items:
        assert isinstance(item, (Page, Skip))
        if isinstance(item, Skip):
            assert item.stage == "ingest" and item.reason
        else:
            assert item.hash == content_hash(item.raw) and isinstance(item.text, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(prefix=PREFIXES, body=st.binary(max_size=3000), ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_never_raise_past_read_pages(prefix: bytes, body: bytes, ext: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}"
        path.write_bytes(prefix + body)
        check(list(read_pages([path], LIMITS)))


@settings(max_examples=150, deadline=None)
@given(prefix=PREFIXES, body=st.binary(max_size=3000))
def test_arbitrary_bytes_never_raise_past_read_stream(prefix: bytes, body: bytes) -> None:
    check(list(read_stream(io.BytesIO(prefix + body), limits=LIMITS)))


RECORD_TEXT = st.text(min_size=1, max_size=300).filter(lambda t: t.strip() != "")


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(RECORD_TEXT, min_size=1, max_size=8), ascii_only=st.booleans())
def test_jsonl_round_trip_returns_the_same_texts(texts: list[str], ascii_only: bool) -> None:
    data = "".join(json.dumps({"url": f"https://x.example/{i}", "text": t}, ensure_ascii=ascii_only) + "\n"
                   for i, t in enumerate(texts))
    got = list(read_stream(io.BytesIO(data.encode("utf-8"))))
    assert [p.text for p in got] == texts
    assert [p.raw for p in got] == [t.encode("utf-8") for t in texts]
    assert [p.url for p in got] == [f"https://x.example/{i}" for i in range(len(texts))]


@settings(max_examples=100, deadline=None)
@given(texts=st.lists(RECORD_TEXT, min_size=1, max_size=8))
def test_json_list_round_trip_returns_the_same_texts(texts: list[str]) -> None:
    data = json.dumps([{"url": str(i), "text": t} for i, t in enumerate(texts)])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dump.json"
        path.write_text(data, encoding="utf-8")
        assert [p.text for p in read_pages([path])] == texts


@settings(max_examples=100, deadline=None)
@given(text=RECORD_TEXT.filter(lambda t: "\x00" not in t and not t.startswith("\ufeff")))
def test_a_page_has_the_same_hash_from_a_file_a_dump_and_stdin(text: str) -> None:
    raw = text.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        page_file = Path(folder) / "page.txt"
        page_file.write_bytes(raw)
        dump = Path(folder) / "dump.jsonl"
        dump.write_text(json.dumps({"url": "u", "text": text}) + "\n", encoding="utf-8")
        items = list(read_pages([page_file, dump, page_file]))
    from_stdin = list(read_stream(io.BytesIO(raw)))
    pages = [p for p in items + from_stdin if isinstance(p, Page)]
    # Every way of feeding these bytes that yields a page gives it one identity.
    assert {p.hash for p in pages} <= {content_hash(raw)}
    assert isinstance(items[1], Page)
