#!/usr/bin/env python3
"""Write a hostile corpus into DIR: every kind of bad input a crawler brings back, plus good pages.

    python scripts/make_hostile_corpus.py DIR [--small]

``hostile/`` holds one file per bad item (its name says what it is); ``good/``
holds ordinary pages that must all be stored whatever their neighbours do.
``--small`` shrinks the huge items (for quick local runs; CI uses the full sizes).
Never commit the output: it is large and regenerated on demand.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import zlib
from pathlib import Path

MB = 1024 * 1024

GOOD = """World | Politics | Contact
{sender} sends greetings to {recipient}
Capital, {month} {day} -- {sender}, President, sent a message of greetings to {recipient} on {month} {day}, {year}.
In the message {sender} wished {recipient} good health and further success on the occasion of the national day.
Print | Share
"""
SENDERS = ["Xi Jinping", "Vladimir Putin", "Kim Jong Un", "Miguel Diaz-Canel"]
MONTHS = ["March", "April", "May", "June", "September", "October"]


def good_pages(folder: Path, count: int) -> None:
    """Ordinary pages, each different, that must all be stored."""
    rng = random.Random(11)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        sender, recipient = rng.sample(SENDERS, 2)
        text = GOOD.format(sender=sender, recipient=recipient, month=rng.choice(MONTHS), day=rng.randrange(1, 28), year=2010 + i)
        (folder / f"good-{i:02d}.txt").write_text(text, encoding="utf-8")
    # The same kind of page inside containers, so the good ones in JSONL and WARC count too.
    rows = [{"url": f"https://news.example/good/{i}", "text": GOOD.format(sender="Xi Jinping", recipient="Kim Jong Un",
            month="May", day=i + 1, year=2030)} for i in range(3)]  # fmt: skip
    (folder / "good-dump.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _warc_record(uri: str, body: bytes, length: int | str | None = None) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    declared = len(http) if length is None else length
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-02T03:04:05Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash(uri)) % 10**12:012d}-0000-0000-0000-000000000000>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {declared}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def _gzip_bomb(path: Path, decompressed: int, prefix: bytes = b"") -> None:
    """A small .gz that inflates to ``decompressed`` bytes (written in pieces: bounded memory here too)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\x00" * MB if not prefix else b" " * MB
    with path.open("wb") as out:
        out.write(comp.compress(prefix))
        for _ in range(decompressed // MB):
            out.write(comp.compress(block))
        out.write(comp.flush())


def hostile(folder: Path, small: bool) -> None:
    """One file per hostile item; names are stable, the tests look them up."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5)
    big = 3 * MB if small else 50 * MB
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.html").write_bytes(b" \n\t\r\n" * 100)
    with (folder / "huge.txt").open("wb") as out:  # over the page cap: never read into memory
        line = b"The delegation visited the museum and the ministry. " * 20 + b"\n"
        for _ in range(big // len(line) + 1):
            out.write(line)
    (folder / "binary.txt").write_bytes(bytes(rng.randrange(256) for _ in range(64 * 1024)))
    (folder / "elf.html").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40)
    (folder / "invalid-utf8.txt").write_bytes(b"The president sent a letter \xff\xfe\xfa to the premier.\n" * 50 + b"\xc3\x28\xa0\xa1")
    (folder / "mixed-encodings.txt").write_bytes(
        "Première partie en français, café.\n".encode("utf-8")
        + "Seconde partie, déjà vu, en latin-1.\n".encode("latin-1")
        + "习近平致电祝贺。\n".encode("gbk")
        + "김정은 축전.\n".encode("euc-kr")
        + "Last line in UTF-16.\n".encode("utf-16")
    )
    (folder / "nul-bytes.txt").write_bytes(b"Leader\x00 sent\x00 a message.\x00" * 200)
    (folder / "unclosed.html").write_text(
        "<html><head><title>Unclosed <b>title<body><div><p>The premier sent a message of thanks<table><tr><td>"
        "cell<p><p><p>" + "<span>" * 500 + "<script>var x = '</div>'" + "<!-- never closed comment ",
        encoding="utf-8",
    )
    depth = 10_000
    (folder / "nested-10000.html").write_text(
        "<html><body>" + "<div>" * depth + "The chairman sent greetings." + "</div>" * depth + "</body></html>", encoding="utf-8"
    )
    (folder / "nested-unclosed.html").write_text("<html><body>" + "<div><span><b>" * (depth // 3) + "deep text", encoding="utf-8")
    one_line = b"the minister sent a message " * (5 * MB // 28 + 1)
    (folder / "one-line-5mb.txt").write_bytes(one_line[: 5 * MB])
    (folder / "one-word-5mb.txt").write_bytes(b"a" * (5 * MB))
    (folder / "broken.jsonl").write_bytes(
        b'{"url": "https://a.example/1", "text": "The premier sent a message of thanks to the chairman."}\n'
        b'{"url": "https://a.example/2", "text": "broken line\n'
        b"not json at all\n"
        b'{"url": "https://a.example/3", "text": 12345}\n'
        b'{"url": ["x"], "text": {"nested": true}, "title": 7, "published": [2020]}\n'
        b"[1, 2, 3]\n"
        b"null\n"
        b'"just a string"\n'
        b'{"url": "https://a.example/4"}\n'
        + b"{" * 100_000 + b"\n"
        + b'{"url": "https://a.example/5", "text": "' + b"x" * (2 * MB) + b'"}\n'
        + b'{"url": "https://a.example/6", "text": "The premier sent a second message."}\n'
    )
    (folder / "wrong-types.json").write_bytes(b'[{"text": null}, {"text": ["a"]}, 3, "s", {"text": "ok page text here"}]')
    (folder / "truncated.json").write_bytes(b'[{"url": "https://a.example/t", "text": "a page"}, {"url": ')
    good_html = b"<html><body><p>The president sent a message of greetings to the king.</p></body></html>"
    (folder / "truncated.warc").write_bytes(
        _warc_record("https://w.example/ok", good_html) + _warc_record("https://w.example/cut", good_html)[:-120]
    )
    (folder / "bad-lengths.warc").write_bytes(
        _warc_record("https://w.example/long", good_html, length=10**9)
        + _warc_record("https://w.example/neg", good_html, length=-5)
        + _warc_record("https://w.example/nan", good_html, length="twelve")
    )
    (folder / "not-a-warc.warc").write_bytes(b"WARC/1.0\r\nthis header never ends" * 1000)
    decompressed = 40 * MB if small else 400 * MB
    _gzip_bomb(folder / "bomb.jsonl.gz", decompressed, prefix=b'{"url": "https://b.example/", "text": "')
    _gzip_bomb(folder / "bomb.warc.gz", decompressed, prefix=b"WARC/1.0\r\nContent-Length: 99999999999\r\n\r\n")
    _gzip_bomb(folder / "bomb.txt.gz", decompressed, prefix=b"The minister")
    (folder / "corrupt.txt.gz").write_bytes(gzip.compress(b"The minister sent a letter.\n" * 100)[:-30] + b"garbage!")
    (folder / "not-gzip.jsonl.gz").write_bytes(b"plain text pretending to be gzip\n")
    (folder / "unknown.bin").write_bytes(b"\x00\x01\x02" * 5000)
    (folder / "noext").write_bytes(b"<html><body><p>An HTML page without an extension: the king sent thanks.</p></body></html>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--small", action="store_true", help="shrink the huge items for a quick local run")
    args = parser.parse_args()
    hostile(args.folder / "hostile", args.small)
    good_pages(args.folder / "good", 12)


if __name__ == "__main__":
    main()
