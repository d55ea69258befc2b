"""Read files, folders and stdin into Pages, choosing the reader by extension or by sniffing.

Order is deterministic: paths as given, folders depth-first with entries
sorted by name. Every problem with one item (a missing path, a file that
cannot be opened, a broken record) becomes a Skip and reading goes on; no
exception for a single item leaves these iterators.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from ..errors import InputError
from ..model import Page, Skip
from ..settings import Limits
from .bounded import GZIP_MAGIC, open_gunzip, peek_head, read_at_most
from . import fetch
from .dumps import read_json, read_jsonl
from .pages import MediaType, build_page, skip, sniff_media_type
from .walk import STDIN, iter_paths
from .warc import read_warc

log = logging.getLogger(__name__)


#: Extension (after any ``.gz``) -> reader format.
_FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
}
_SNIFF_BYTES = 1 << 16


def format_of(path: str) -> tuple[str, bool]:
    """Return (format, gzipped) from a file name: txt|html|jsonl|json|warc, or 'sniff' if unknown."""
    name = os.path.basename(path).lower()
    gzipped = name.endswith(".gz")
    if gzipped:
        name = name[:-3]
    return _FORMATS.get(os.path.splitext(name)[1], "sniff"), gzipped


def _mtime(fd: int) -> str | None:
    """The file's modification time (ISO 8601, UTC): when it was fetched, at best."""
    try:
        when = os.fstat(fd).st_mtime
    except OSError:
        return None
    return dt.datetime.fromtimestamp(when, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _single_page(
    stream: BinaryIO, source: str, container: str, media_type: MediaType | None, limits: Limits, fetched_at: str | None
) -> Page | Skip:
    """Read a whole stream (up to the page limit) as one page."""
    raw = read_at_most(stream, limits.max_page_bytes)
    return build_page(raw, source=source, container=container, limits=limits, media_type=media_type, fetched_at=fetched_at)


_LEADING = b"\xef\xbb\xbf \t\r\n"  # a UTF-8 BOM and blanks


def _looks_like_json_list(head: bytes) -> bool:
    """True when the stream starts with a list of objects: ``[{``."""
    start = head.lstrip(_LEADING)
    return start.startswith(b"[") and start[1:].lstrip(_LEADING).startswith(b"{")


def _looks_like_jsonl(head: bytes) -> bool:
    """True when the stream starts with a JSON object on its first line."""
    start = head.lstrip(_LEADING)
    if not start.startswith(b"{"):
        return False
    line, newline, _ = start.partition(b"\n")
    if not newline and len(head) >= _SNIFF_BYTES:
        return start.startswith(b'{"')  # a first line longer than the sniffing window
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _sniffed(stream: BinaryIO, source: str, limits: Limits, single: str, fetched_at: str | None, unzipped: bool = False) -> Iterator[Page | Skip]:
    """Read a stream of unknown kind: gzip, WARC, JSONL, a JSON list, or one HTML/text page."""
    head, whole = peek_head(stream, _SNIFF_BYTES)
    if not head:
        yield skip(source, "empty input")
        return
    if head.startswith(GZIP_MAGIC) and not unzipped:
        yield from _sniffed(open_gunzip(whole, limits.max_decompressed_bytes), source, limits, single, fetched_at, True)
    elif head.startswith(b"WARC/"):
        yield from read_warc(whole, source, limits)
    elif _looks_like_jsonl(head):
        yield from read_jsonl(whole, source, limits)
    elif _looks_like_json_list(head):
        yield from read_json(whole, source, limits)
    else:
        container = single or ("html" if sniff_media_type(head) == "html" else "txt")
        yield _single_page(whole, source, container, None, limits, fetched_at)


def _open_error(source: str, exc: OSError) -> Skip:
    if isinstance(exc, FileNotFoundError):
        return skip(source, "file vanished before it could be read")
    if isinstance(exc, PermissionError):
        return skip(source, "permission denied")
    if isinstance(exc, IsADirectoryError):
        return skip(source, "is a directory")
    return skip(source, f"cannot open: {exc.strerror or exc}")


def read_file(path: str, limits: Limits = Limits()) -> Iterator[Page | Skip]:
    """Yield the Pages (or Skips) in one file, chosen by its extension, sniffed when unknown."""
    fmt, gzipped = format_of(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is drained
    except OSError as exc:
        yield _open_error(path, exc)
        return
    with handle:
        fetched_at = _mtime(handle.fileno())
        if not gzipped and fmt in ("txt", "html"):
            size = os.fstat(handle.fileno()).st_size
            if size > limits.max_page_bytes:
                yield skip(path, f"page is {size} bytes, over the limit of {limits.max_page_bytes}")
                return
        stream: BinaryIO = open_gunzip(handle, limits.max_decompressed_bytes) if gzipped else handle
        yield from _guarded(path, lambda: _read_format(stream, path, fmt, limits, fetched_at))


def _read_format(stream: BinaryIO, path: str, fmt: str, limits: Limits, fetched_at: str | None) -> Iterator[Page | Skip]:
    """Dispatch an opened (and gunzipped) file to the reader of its format."""
    if fmt == "jsonl":
        yield from read_jsonl(stream, path, limits)
    elif fmt == "json":
        yield from read_json(stream, path, limits)
    elif fmt == "warc":
        yield from read_warc(stream, path, limits)
    elif fmt in ("txt", "html"):
        yield _single_page(stream, path, fmt, "text" if fmt == "txt" else "html", limits, fetched_at)
    else:
        yield from _sniffed(stream, path, limits, "", fetched_at)


def _guarded(source: str, produce: Callable[[], Iterator[Page | Skip]]) -> Iterator[Page | Skip]:
    """Run one file's reader; turn anything it raises into a final Skip for that file.

    A file that yields nothing at all (blank lines, ``[]``, a WARC of no record) still
    gets a Skip, so no input disappears without a reason.
    """
    produced = False
    try:
        for item in produce():
            produced = True
            yield item
        if not produced:
            yield skip(source, "no page found in this file (no record could be read)")
    except InputError as exc:  # a broken stream (StreamError) included: it names its offset
        yield skip(source, str(exc))
    except OSError as exc:
        yield skip(source, f"read error: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - a library failing on one file must not end the batch
        log.exception("unexpected error reading %s", source)
        yield skip(source, f"unexpected {type(exc).__name__} while reading: {exc}")


def read_stream(stream: BinaryIO, name: str = "<stdin>", limits: Limits = Limits()) -> Iterator[Page | Skip]:
    """Read a byte stream of unknown kind (JSONL, JSON list, WARC, gzip, HTML or text) into Pages."""
    yield from _guarded(name, lambda: _sniffed(stream, name, limits, "stdin", None))


def read_pages(paths: Iterable[str | os.PathLike[str]], limits: Limits = Limits()) -> Iterator[Page | Skip]:
    """Read every page under ``paths`` (files, folders recursively, ``-`` for stdin, http(s) URLs)."""
    paths = list(paths)
    urls = [p for p in paths if isinstance(p, str) and fetch.is_url(p)]
    yield from fetch.fetch_pages(urls, limits=limits)
    for item in iter_paths([p for p in paths if not (isinstance(p, str) and fetch.is_url(p))]):
        if isinstance(item, Skip):
            yield item
        elif item == STDIN:
            yield from read_stream(sys.stdin.buffer, limits=limits)
        else:
            yield from read_file(item, limits)
