"""read_pages per format: what each container gives a Page (source, url, raw, text, hints)."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from missive.ingest import format_of, read_pages, read_stream, sniff_media_type
from missive.model import Page, Skip, content_hash

LETTER = "The chairman sent a letter of thanks to the visiting premier on Tuesday."
HTML = "<!DOCTYPE html><html><head><title>Note</title></head><body><p>" + LETTER + "</p></body></html>"
KOREAN = "위원장은 대통령에게 감사 편지를 보냈다고 통신은 전했다."


def pages(*paths: object) -> list[Page | Skip]:
    return list(read_pages([os.fspath(p) for p in paths]))


def only_page(*paths: object) -> Page:
    result = pages(*paths)
    assert len(result) == 1 and isinstance(result[0], Page), result
    return result[0]


@pytest.mark.parametrize(
    ("name", "content", "media_type", "container"),
    [
        ("a.txt", LETTER, "text", "txt"),
        ("a.txt", HTML, "text", "txt"),  # the extension decides, not the content
        ("a.html", HTML, "html", "html"),
        ("a.HTM", HTML, "html", "html"),
        ("a.page", HTML, "html", "html"),  # unknown extension: sniffed
        ("README", LETTER, "text", "txt"),
        ("a.html.gz", HTML, "html", "html"),
        ("a.txt.gz", LETTER, "text", "txt"),
    ],
)
def test_single_page_files(tmp_path: Path, name: str, content: str, media_type: str, container: str) -> None:
    raw = content.encode("utf-8")
    path = tmp_path / name
    path.write_bytes(gzip.compress(raw) if name.endswith(".gz") else raw)
    page = only_page(path)
    assert (page.source, page.url, page.raw, page.text) == (str(path), None, raw, content)
    assert (page.media_type, page.container, page.encoding) == (media_type, container, "utf-8")
    assert page.hash == content_hash(raw)
    assert page.published_hint is None  # never from the file's mtime...
    assert page.fetched_at and page.fetched_at.endswith("Z")  # ...which is when it was fetched


def test_a_korean_euc_kr_text_file(tmp_path: Path) -> None:
    path = tmp_path / "ko.txt"
    path.write_bytes(KOREAN.encode("euc-kr"))
    page = only_page(path)
    assert (page.text, page.encoding) == (KOREAN, "cp949")
    assert page.raw == KOREAN.encode("euc-kr")


def test_jsonl_records(tmp_path: Path) -> None:
    records = [
        {"url": "https://news.example/a", "text": LETTER, "published": "2021-05-01", "title": "Thanks"},
        {"url": "https://news.example/b", "html": HTML},
        {"url": "https://news.example/c", "text": KOREAN, "html": None},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n", encoding="utf-8")
    got = pages(path)
    assert [p.source for p in got] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    assert [p.url for p in got] == ["https://news.example/a", "https://news.example/b", "https://news.example/c"]
    assert [p.media_type for p in got] == ["text", "html", "text"]
    assert [p.text for p in got] == [LETTER, HTML, KOREAN]
    assert [p.raw for p in got] == [LETTER.encode(), HTML.encode(), KOREAN.encode()]
    assert {p.container for p in got} == {"jsonl"}
    assert (got[0].published_hint, got[0].title_hint) == ("2021-05-01", "Thanks")
    assert (got[1].published_hint, got[1].title_hint) == (None, None)


def test_html_wins_over_text_when_a_record_has_both(tmp_path: Path) -> None:
    path = tmp_path / "both.jsonl"
    path.write_text(json.dumps({"url": "u", "text": LETTER, "html": HTML}) + "\n")
    page = only_page(path)
    assert (page.media_type, page.text) == ("html", HTML)


@pytest.mark.parametrize(
    ("content", "sources"),
    [
        ([{"url": "u1", "text": LETTER}, {"url": "u2", "html": HTML}], ["#0", "#1"]),
        ({"url": "u1", "text": LETTER}, ["#0"]),
    ],
)
def test_json_dumps_list_or_object(tmp_path: Path, content: object, sources: list[str]) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(content, indent=2), encoding="utf-8")
    got = pages(path)
    assert [p.source for p in got] == [f"{path}{s}" for s in sources]
    assert all(isinstance(p, Page) and p.container == "json" for p in got)


def test_objects_in_a_row_in_a_json_file_are_records(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text(json.dumps({"url": "u1", "text": LETTER}) + "\n" + json.dumps({"url": "u2", "text": KOREAN}) + "\n")
    assert [(p.source, p.text) for p in pages(path)] == [(f"{path}#0", LETTER), (f"{path}#1", KOREAN)]


def test_a_json_list_is_read_record_by_record(tmp_path: Path) -> None:
    # Records larger than the reader's first chunk still come out whole and in order.
    texts = [f"{i}: " + LETTER * (200 * (i % 3) + 1) for i in range(30)]
    path = tmp_path / "big.json"
    path.write_text(json.dumps([{"url": f"u{i}", "text": t} for i, t in enumerate(texts)]))
    assert [p.text for p in pages(path)] == texts


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"url": "u", "text": LETTER}) + "\n").encode()))
    page = only_page(path)
    assert (page.source, page.container, page.text) == (f"{path}#1", "jsonl", LETTER)


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for rel in ["b/2.txt", "b/1.txt", "a.txt", "c/d/e.txt", ".hidden/x.txt", "b/.cache.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{rel} {LETTER}")
    got = pages(tmp_path)
    assert [Path(p.source).relative_to(tmp_path).as_posix() for p in got] == ["a.txt", "b/1.txt", "b/2.txt", "c/d/e.txt"]


def test_a_symlink_loop_ends(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(LETTER)
    (tmp_path / "sub" / "loop").symlink_to(tmp_path)
    got = pages(tmp_path)
    assert [p.source for p in got if isinstance(p, Page)] == [str(tmp_path / "sub" / "a.txt")]
    assert [p.reason for p in got if isinstance(p, Skip)] == ["folder already read (a symlink loop or a second link to it)"]


def test_the_same_page_twice_has_the_same_identity(tmp_path: Path) -> None:
    (tmp_path / "one.html").write_text(HTML)
    (tmp_path / "two.jsonl").write_text(json.dumps({"url": "u", "html": HTML}) + "\n")
    first, second = pages(tmp_path / "one.html", tmp_path / "two.jsonl")
    assert first.hash == second.hash


@pytest.mark.parametrize(
    ("data", "kinds"),
    [
        ((json.dumps({"url": "u1", "text": LETTER}) + "\n" + json.dumps({"url": "u2", "text": KOREAN}) + "\n").encode(),
         [("jsonl", "<stdin>#1"), ("jsonl", "<stdin>#2")]),
        (json.dumps([{"url": "u1", "text": LETTER}]).encode(), [("json", "<stdin>#0")]),
        (HTML.encode(), [("stdin", "<stdin>")]),
        (LETTER.encode(), [("stdin", "<stdin>")]),
        ("{curly} is how the note began".encode(), [("stdin", "<stdin>")]),
        (gzip.compress(HTML.encode()), [("stdin", "<stdin>")]),
    ],
)
def test_stdin_is_sniffed(data: bytes, kinds: list[tuple[str, str]]) -> None:
    got = list(read_stream(io.BytesIO(data)))
    assert [(p.container, p.source) for p in got] == kinds


def test_stdin_media_type_is_sniffed() -> None:
    assert [p.media_type for p in read_stream(io.BytesIO(HTML.encode()))] == ["html"]
    assert [p.media_type for p in read_stream(io.BytesIO(LETTER.encode()))] == ["text"]


@pytest.mark.parametrize(
    ("head", "media_type"),
    [
        (b"<!doctype html><p>x", "html"),
        (b"\xef\xbb\xbf  <!-- saved --> <html lang=en>", "html"),
        (b"<?xml version='1.0'?><html xmlns='x'>", "html"),
        (b"Top stories\nMenu\n<body> appears later", "html"),
        (b"Prices rose 3% <5% expected> in May.", "text"),
        (b"Kim wrote: a < b and c > d", "text"),
    ],
)
def test_sniff_media_type(head: bytes, media_type: str) -> None:
    assert sniff_media_type(head) == media_type


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.txt", ("txt", False)), ("A.WARC.GZ", ("warc", True)), ("x.jsonl.gz", ("jsonl", True)),
     ("x.ndjson", ("jsonl", False)), ("x.json", ("json", False)), ("x.htm", ("html", False)),
     ("noext", ("sniff", False)), ("x.bin.gz", ("sniff", True))],
)
def test_format_of(name: str, expected: tuple[str, bool]) -> None:
    assert format_of(name) == expected


def test_the_shared_eval_pages_all_read_as_pages(shared_eval: Path) -> None:
    txt = sorted((shared_eval / "dev").glob("*.txt")) + sorted((shared_eval / "dev-zhko").glob("*.txt"))
    got = list(read_pages(txt))
    assert [p.source for p in got] == [str(p) for p in txt]
    assert all(isinstance(p, Page) and p.media_type == "text" and p.text == p.raw.decode("utf-8-sig") for p in got)
