"""Bad input never ends the batch and is never silent: each problem is one Skip with a reason."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

import pytest

import missive.ingest.reader as reader_module
from missive.ingest import read_pages
from missive.model import Page, Skip
from missive.settings import Limits

GOOD = "The president replied to the chairman's message with a letter of thanks."
SMALL = Limits(max_page_bytes=1000, max_decompressed_bytes=50_000)


def read_all(paths: list[Path], limits: Limits = SMALL) -> list[Page | Skip]:
    return list(read_pages([os.fspath(p) for p in paths], limits))


def jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


# name, bytes, expected (source suffix, reason fragment) per Skip
CASES: list[tuple[str, bytes, list[tuple[str, str]]]] = [
    ("empty.txt", b"", [("", "empty page")]),
    ("blank.html", b"  \n\t\n", [("", "only whitespace")]),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), [("", "binary content (NUL bytes)")]),
    ("controls.html", bytes(range(1, 9)) * 50, [("", "control bytes")]),
    ("noise.txt", bytes(range(0x80, 0x100)) * 4, [("", "undecodable bytes")]),
    ("big.txt", b"a" * 1001, [("", "over the limit of 1000")]),
    ("big.html.gz", gzip.compress(b"<p>" + b"a" * 2000), [("", "over the limit of 1000")]),
    ("mystery.bin", bytes(range(256)) * 4, [("", "binary content")]),
    ("broken.jsonl", jsonl('{"url": "u1", "text": "' + GOOD + '"', json.dumps({"url": "u2", "text": GOOD})),
     [("#1", "broken JSON")]),
    ("types.jsonl", jsonl(json.dumps({"url": "u", "text": 42}), json.dumps({"url": 7, "text": GOOD}),
                          json.dumps({"url": "u", "text": GOOD, "published": ["2020"]}), json.dumps({"url": "u", "text": GOOD})),
     [("#1", "field 'text' is a number, expected a string"), ("#2", "field 'url' is a number"),
      ("#3", "field 'published' is a list")]),
    ("fields.jsonl", jsonl(json.dumps({"url": "u", "body": GOOD}), json.dumps({"url": "u", "text": ""}),
                           json.dumps(["u", GOOD]), json.dumps({"url": "u", "text": GOOD})),
     [("#1", "neither a 'text' nor an 'html' field"), ("#2", "text is empty"), ("#3", "record is a JSON list")]),
    ("utf8.jsonl", b'{"url": "u", "text": "caf\xe9"}\n' + jsonl(json.dumps({"url": "u", "text": GOOD})),
     [("#1", "not valid UTF-8")]),
    ("surrogate.jsonl", jsonl('{"url": "u", "text": "half \\ud800 a pair"}', json.dumps({"url": "u", "text": GOOD})),
     [("#1", "lone surrogate")]),
    ("long.jsonl", jsonl(json.dumps({"url": "u", "text": "x" * 80_000}), json.dumps({"url": "u", "text": GOOD})),
     [("#1", "line is longer than")]),
    ("oversized.jsonl", jsonl(json.dumps({"url": "u", "text": "y" * 1500}), json.dumps({"url": "u", "text": GOOD})),
     [("#1", "over the limit of 1000")]),
    ("broken.json", b'[{"url": "u1", "text": "' + GOOD.encode() + b'"}, {"url": "u2", "text": ',
     [("", "broken JSON at character")]),
    ("trailing.json", json.dumps([{"url": "u", "text": GOOD}]).encode() + b" ]", [("", "unexpected data after")]),
    ("empty.json", b"", [("", "empty file")]),
    ("cut.jsonl.gz", gzip.compress(jsonl(json.dumps({"url": "u", "text": GOOD}) * 1, json.dumps({"url": "v", "text": GOOD})))[:-12],
     [("", "gzip data truncated")]),
    ("notgzip.txt.gz", b"this was never compressed", [("", "corrupt gzip data")]),
    ("bomb.jsonl.gz", gzip.compress(json.dumps({"url": "u", "text": GOOD}).encode() + b"\n" + b" " * 10_000_000),
     [("", "gzip bomb: a member inflates past 50000 bytes")]),
]


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_bad_input_is_one_skip_with_its_reason(tmp_path: Path, name: str, data: bytes, expected: list[tuple[str, str]]) -> None:
    bad = tmp_path / name
    bad.write_bytes(data)
    after = tmp_path / "zz-after.txt"
    after.write_text(GOOD)
    got = read_all([bad, after])
    skips = [p for p in got if isinstance(p, Skip)]
    assert [(s.source[len(str(bad)) :], s.stage) for s in skips] == [(suffix, "ingest") for suffix, _ in expected]
    for skip, (_, fragment) in zip(skips, expected, strict=True):
        assert fragment in skip.reason
    # Reading goes on: the good records of the same file and the next file come through.
    assert isinstance(got[-1], Page) and got[-1].source == str(after)


def test_records_before_a_break_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    lines = [json.dumps({"url": f"u{i}", "text": f"{i} {GOOD}"}) for i in range(200)]
    path.write_bytes(gzip.compress(jsonl(*lines))[:-300])
    got = read_all([path], Limits())
    urls = [p.url for p in got if isinstance(p, Page)]
    assert urls and urls == [f"u{i}" for i in range(len(urls))]
    assert isinstance(got[-1], Skip) and "truncated" in got[-1].reason


def test_a_big_dump_of_real_text_is_no_bomb(tmp_path: Path) -> None:
    # Far more than max_decompressed_bytes once inflated, but at a text's ratio, not a bomb's.
    rng = random.Random(7)
    words = ["letter", "premier", "reply", "envoy", "summit", "anniversary", "greetings", "thanks", "minister"]
    lines = [json.dumps({"url": f"u{i}", "text": " ".join(rng.choice(words) for _ in range(120))}) for i in range(400)]
    path = tmp_path / "real.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl(*lines)))
    assert len(gzip.decompress(path.read_bytes())) > 5 * SMALL.max_decompressed_bytes
    got = read_all([path], Limits(max_page_bytes=10_000, max_decompressed_bytes=SMALL.max_decompressed_bytes))
    assert [p.url for p in got] == [f"u{i}" for i in range(400)]


def test_a_missing_path(tmp_path: Path) -> None:
    got = read_all([tmp_path / "nowhere.txt", tmp_path / "nowhere"])
    assert [(p.source, p.reason) for p in got] == [
        (str(tmp_path / "nowhere.txt"), "no such file or directory (or a broken symlink)"),
        (str(tmp_path / "nowhere"), "no such file or directory (or a broken symlink)"),
    ]


def test_a_broken_symlink_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (got,) = read_all([tmp_path])
    assert isinstance(got, Skip) and "broken symlink" in got.reason


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        (got,) = read_all([path])
    finally:
        path.chmod(0o600)
    assert isinstance(got, Skip) and got.reason == "permission denied"


@pytest.mark.parametrize(
    ("error", "reason"),
    [(PermissionError(13, "Permission denied"), "permission denied"),
     (FileNotFoundError(2, "No such file"), "file vanished before it could be read"),
     (OSError(5, "Input/output error"), "cannot open: Input/output error")],
)
def test_open_failures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(reader_module, "open", refuse, raising=False)
    assert [(p.source, p.reason) for p in read_all([path])] == [(str(path), reason)]


def test_a_file_that_vanishes_while_the_folder_is_read(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"{name} {GOOD}")
    results = read_pages([tmp_path], SMALL)
    first = next(results)
    (tmp_path / "b.txt").unlink()
    rest = list(results)
    assert isinstance(first, Page)
    assert [type(p).__name__ for p in rest] == ["Skip", "Page"]
    assert rest[0].source == str(tmp_path / "b.txt")


def test_a_pipe_inside_a_folder_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    (got,) = read_all([tmp_path])
    assert isinstance(got, Skip) and "not a regular file" in got.reason


def test_an_unexpected_library_error_becomes_a_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"url": "u", "text": GOOD}) + "\n")

    def explode(*_args: object, **_kwargs: object):
        raise RuntimeError("boom")
        yield  # pragma: no cover

    monkeypatch.setattr(reader_module, "read_jsonl", explode)
    assert [(p.source, p.reason) for p in read_all([path])] == [(str(path), "unexpected RuntimeError while reading: boom")]
