"""Read JSONL and JSON dumps of crawled pages, one record at a time.

A record is an object with ``url`` and ``text`` or ``html`` (``html`` wins when
both are present: it still carries the title and date markup that ``clean``
reads), and optionally ``published`` and ``title``. Every field must be a
string or null. A record that breaks these rules becomes a Skip naming its
line (JSONL) or index (JSON); the records around it are still read.

Neither reader holds more than one record in memory, so a dump of any size
streams: JSONL line by line, a JSON list element by element.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Page, Skip
from ..settings import Limits
from .bounded import read_line
from .pages import skip

FIELDS = ("url", "text", "html", "published", "title")

_JSON_TYPES = {dict: "object", list: "list", int: "number", float: "number", bool: "boolean", str: "string"}


def record_limit(limits: Limits) -> int:
    """The largest serialized record worth parsing: JSON escapes can take 6 bytes per character."""
    return 6 * limits.max_page_bytes + 65536


def _type_name(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _is_page_record(record: Any) -> bool:
    return not isinstance(record, dict) or any(name in record for name in ("url", "text", "html"))


def record_page(record: Any, *, source: str, container: str, limits: Limits) -> Page | Skip:
    """Turn one decoded JSON record into a Page, or a Skip saying what is wrong with it."""
    if not isinstance(record, dict):
        return skip(source, f"record is a JSON {_type_name(record)}, expected an object")
    for name in FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return skip(source, f"field {name!r} is a {_type_name(value)}, expected a string")
    html, text = record.get("html"), record.get("text")
    if html is None and text is None:
        return skip(source, "record has neither a 'text' nor an 'html' field")
    body, media_type = (html, "html") if html and html.strip() else (text, "text")
    if not body or not body.strip():
        return skip(source, "record's text is empty")
    try:
        raw = body.encode("utf-8")
    except UnicodeEncodeError as exc:
        return skip(source, f"field {media_type!r} is not valid Unicode (lone surrogate at {exc.start})")
    if len(raw) > limits.max_page_bytes:
        return skip(source, f"page is {len(raw)} bytes, over the limit of {limits.max_page_bytes}")
    return Page(
        source=source,
        raw=raw,
        text=body,
        media_type=media_type,
        encoding="utf-8",
        container=container,
        url=record.get("url") or None,
        title_hint=record.get("title") or None,
        published_hint=record.get("published") or None,
    )


def read_jsonl(stream: BinaryIO, source: str, limits: Limits, container: str = "jsonl") -> Iterator[Page | Skip]:
    """Yield a Page or Skip per non-blank line of a JSONL stream; ``source#N`` names line N (1-based)."""
    limit = record_limit(limits)
    number = 0
    while True:
        line, complete = read_line(stream, limit)
        number += 1
        where = f"{source}#{number}"
        if not complete:
            yield skip(where, f"line is longer than {limit} bytes")
            continue
        if not line:
            return
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue  # blank lines separate nothing and hold nothing
        try:
            record = json.loads(line.decode("utf-8"))
        except UnicodeDecodeError as exc:
            yield skip(where, f"line is not valid UTF-8 (byte {exc.start})")
            continue
        except json.JSONDecodeError as exc:
            yield skip(where, f"broken JSON: {exc.msg} at column {exc.colno}")
            continue
        except RecursionError:
            yield skip(where, "JSON nested too deeply")
            continue
        yield record_page(record, source=where, container=container, limits=limits)


_WS = re.compile(r"[ \t\n\r]*")


class _JsonScanner:
    """Pull the top-level values of a JSON document from a text stream, one at a time."""

    def __init__(self, stream: io.TextIOBase, limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self._decoder = json.JSONDecoder()
        self._buf = ""
        self._pos = 0
        self._base = 0  # character offset of _buf[0] in the document
        self._eof = False

    @property
    def offset(self) -> int:
        """Character offset of the read position in the whole document (for error messages)."""
        return self._base + self._pos

    def _more(self) -> bool:
        """Append the next piece of the stream; reads grow with the pending text (no quadratic re-parse)."""
        if self._eof:
            return False
        chunk = self._stream.read(max(1 << 16, len(self._buf) - self._pos))
        if not chunk:
            self._eof = True
            return False
        self._base += self._pos
        self._buf = self._buf[self._pos :] + chunk
        self._pos = 0
        return True

    def peek(self) -> str:
        """The next non-blank character, or '' at the end of the document."""
        while True:
            self._pos = _WS.match(self._buf, self._pos).end()  # type: ignore[union-attr]
            if self._pos < len(self._buf) or not self._more():
                return self._buf[self._pos : self._pos + 1]

    def take(self) -> None:
        """Consume the character :meth:`peek` returned."""
        self._pos += 1

    def value(self) -> Any:
        """Decode the next JSON value, reading more of the stream while it is incomplete."""
        self.peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                if len(self._buf) - self._pos > self._limit:
                    raise InputError(f"a record at character {self.offset} is longer than {self._limit} characters") from exc
                if not self._more():
                    raise InputError(f"broken JSON at character {self._base + exc.pos}: {exc.msg}") from exc
                continue
            except RecursionError as exc:
                raise InputError(f"JSON nested too deeply at character {self.offset}") from exc
            if end == len(self._buf) and not isinstance(value, (dict, list, str)) and self._more():
                continue  # a number or literal cut at the buffer's end: read on and decode again
            self._pos = end
            return value


def _records(scanner: _JsonScanner) -> Iterator[Any]:
    """The records of a document: the elements of a top-level list, or each top-level object in turn."""
    if scanner.peek() != "[":
        # One object, or several in a row (JSON Lines saved as .json).
        while scanner.peek() != "":
            yield scanner.value()
        return
    scanner.take()
    if scanner.peek() == "]":
        scanner.take()
    else:
        while True:
            yield scanner.value()
            sep = scanner.peek()
            scanner.take()
            if sep == "]":
                break
            if sep != ",":
                raise InputError(f"broken JSON at character {scanner.offset - 1}: expected ',' or ']'")
    if scanner.peek() != "":
        raise InputError(f"unexpected data after the JSON list at character {scanner.offset}")


def read_json(stream: BinaryIO, source: str, limits: Limits, container: str = "json") -> Iterator[Page | Skip]:
    """Yield a Page or Skip per record of a JSON list, or per top-level object; ``source#I`` names record I (0-based).

    Broken JSON ends the file (a list cannot be resynchronised): the records
    before it are kept and a Skip names the character offset.
    """
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict")
    scanner = _JsonScanner(text, record_limit(limits))
    try:
        if scanner.peek() == "":
            yield skip(source, "empty file")
            return
        for index, record in enumerate(_records(scanner)):
            if index == 0 and scanner.peek() == "" and not _is_page_record(record):
                # A lone JSON object with no page field is not a dump (an annotation file beside the pages).
                yield Skip(source, "ingest", "not a page dump: no 'url', 'text' or 'html' field", ignored=True)
                return
            yield record_page(record, source=f"{source}#{index}", container=container, limits=limits)
    except UnicodeDecodeError as exc:
        yield skip(source, f"not valid UTF-8 ({exc.reason}); records after the error were not read")
    except InputError as exc:
        yield skip(source, f"{exc}; records after it were not read")
    finally:
        text.detach()
