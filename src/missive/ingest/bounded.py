"""Bounded streams: gunzip with a byte budget, reads and lines with a size cap.

A gzip bomb, a truncated archive or a 10 GB line must cost neither unbounded
memory nor an exception that ends the batch: these helpers stop at a budget
and raise :class:`StreamError` (an InputError) naming where the stream broke.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from ..errors import InputError

CHUNK = 1 << 16
#: Largest piece of output one decompression step may produce (bounds a bomb's burst).
_OUT_CHUNK = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"


class StreamError(InputError):
    """The byte stream under a file broke: corrupt or truncated gzip, or over the budget."""


#: Text compresses 3 to 10 times; a gzip bomb a thousand times. A member that
#: inflates past the budget at more than this ratio is taken for a bomb.
BOMB_RATIO = 100


class GunzipReader(io.RawIOBase):
    """Decompress a (multi-member) gzip stream lazily, stopping gzip bombs.

    A bomb is a gzip member that inflates past ``budget`` bytes at more than
    BOMB_RATIO times its compressed size; a large dump of real text (a 10 GB
    JSONL in one member, a WARC of many members) is never one. Unlike
    ``gzip.GzipFile`` it hands out every byte that decompressed before a
    truncation or corruption, then raises StreamError with the compressed offset.
    """

    def __init__(self, inner: BinaryIO, budget: int) -> None:
        super().__init__()
        self._inner = inner
        self._budget = budget
        self._d = zlib.decompressobj(31)
        self._in_member = False
        self._pending = b""
        self._pos = 0
        self._done = False
        self.member_in = 0  # compressed bytes of the current member consumed so far
        self.member_out = 0  # and the bytes they inflated to
        self.compressed_offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._pos >= len(self._pending):
            if self._done:
                return 0
            self._fill()
        n = min(len(buffer), len(self._pending) - self._pos)
        buffer[:n] = self._pending[self._pos : self._pos + n]
        self._pos += n
        return n

    def _read_inner(self) -> bytes:
        data = self._inner.read(CHUNK)
        self.compressed_offset += len(data)
        return data

    def _fill(self) -> None:
        """Decompress the next piece into ``_pending`` (possibly empty) or mark the end."""
        d = self._d
        if d.eof:
            # One gzip member ended; whatever follows starts the next one.
            data = d.unused_data
            self._d = d = zlib.decompressobj(31)
            self._in_member = False
            self.member_in = self.member_out = 0
        else:
            data = d.unconsumed_tail
        if not data:
            data = self._read_inner()
        if not self._in_member and not data.strip(b"\x00"):
            if not data:
                self._done = True
                return
            return  # NUL padding between or after members, as gzip(1) tolerates
        if not data:
            self._done = True
            raise StreamError(f"gzip data truncated at compressed byte {self.compressed_offset}")
        self._in_member = True
        try:
            out = d.decompress(data, _OUT_CHUNK)
        except zlib.error as exc:
            self._done = True
            raise StreamError(f"corrupt gzip data near compressed byte {self.compressed_offset}: {exc}") from exc
        self.member_in += len(data) - len(d.unconsumed_tail)
        self.member_out += len(out)
        if self.member_out > self._budget and self.member_out > BOMB_RATIO * self.member_in:
            self._done = True
            raise StreamError(
                f"gzip bomb: a member inflates past {self._budget} bytes from {self.member_in} compressed bytes"
            )
        self._pending, self._pos = out, 0


def open_gunzip(inner: BinaryIO, budget: int) -> io.BufferedReader:
    """A buffered, budgeted gunzip view of ``inner`` (readline works on it)."""
    return io.BufferedReader(GunzipReader(inner, budget), CHUNK)


class PrefixedReader(io.RawIOBase):
    """Give back ``head`` (bytes already read to sniff a stream), then the rest of ``inner``."""

    def __init__(self, head: bytes, inner: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._pos = 0
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._pos < len(self._head):
            n = min(len(buffer), len(self._head) - self._pos)
            buffer[:n] = self._head[self._pos : self._pos + n]
            self._pos += n
            return n
        data = self._inner.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def prefixed(head: bytes, inner: BinaryIO) -> io.BufferedReader:
    """A buffered stream of ``head`` followed by ``inner``."""
    return io.BufferedReader(PrefixedReader(head, inner), CHUNK)


class _Broken:
    """A stream whose every read raises the error that broke the stream it stands for."""

    def __init__(self, error: StreamError) -> None:
        self._error = error

    def read(self, size: int = -1) -> bytes:
        raise self._error


def peek_head(stream: BinaryIO, size: int) -> tuple[bytes, io.BufferedReader]:
    """Read up to ``size`` bytes to sniff; return them and a stream that starts over with them.

    If the stream breaks within the head, the bytes before the break are kept
    and the error comes after them, so the records they hold are still read.
    """
    read = getattr(stream, "read1", stream.read)
    parts: list[bytes] = []
    got = 0
    rest: BinaryIO = stream
    while got < size:
        try:
            chunk = read(size - got)
        except StreamError as exc:
            rest = _Broken(exc)  # type: ignore[assignment]
            break
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    head = b"".join(parts)
    return head, prefixed(head, rest)


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """Read up to ``limit + 1`` bytes, so the caller can tell "at" the limit from "over" it."""
    parts: list[bytes] = []
    left = limit + 1
    while left > 0:
        chunk = stream.read(min(CHUNK, left))
        if not chunk:
            break
        parts.append(chunk)
        left -= len(chunk)
    return b"".join(parts)


def read_line(stream: BinaryIO, limit: int) -> tuple[bytes, bool]:
    """Read one line of at most ``limit`` bytes; return (line, complete).

    A longer line is consumed to its end without being kept and comes back
    empty with ``complete`` False, so memory stays bounded.
    """
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, True
    while True:
        rest = stream.readline(CHUNK)
        if not rest or rest.endswith(b"\n"):
            return b"", False
