"""Read the pages inside a WARC archive (plain or gzipped), one record at a time.

``response`` records give their HTTP body (de-chunked and content-decoded by
warcio), ``resource`` records their block. The HTTP ``Content-Type`` decides the
media type and declares the charset; other record types (warcinfo, request,
metadata, revisit) hold no page and are passed over. ``WARC-Date`` is when the
page was fetched, so it goes to ``fetched_at``, never to ``published_hint``.

The caller gunzips (with a byte budget) before handing the stream here, so a
truncated or corrupt archive yields the records read so far and then one Skip
naming the record and offset where it broke.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from ..model import Page, Skip
from ..settings import Limits
from .bounded import StreamError, read_at_most
from .pages import MediaType, build_page, skip

_PAGE_RECORDS = frozenset({"response", "resource"})
_MEDIA_TYPES: dict[str, MediaType] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Split ``text/html; charset=EUC-KR`` into ('text/html', 'EUC-KR'); (None, None) if absent."""
    if not value or not value.strip():
        return None, None
    mime, *params = value.split(";")
    charset = None
    for param in params:
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return mime.strip().lower() or None, charset


def _record_page(record: ArcWarcRecord, source: str, limits: Limits) -> Page | Skip:
    """One response/resource record as a Page, or a Skip saying why it is no page."""
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return skip(source, f"response record for {url} has no HTTP headers")
        status = http.get_statuscode() or "?"
        if not status.startswith("2"):
            return skip(source, f"HTTP status {status} for {url}")
        content_type = http.get_header("Content-Type")
    else:
        content_type = headers.get_header("Content-Type")
    mime, charset = parse_content_type(content_type)
    media_type = _MEDIA_TYPES.get(mime) if mime else None
    if mime and media_type is None:
        return skip(source, f"content type {mime} is not a page")
    raw = read_at_most(record.content_stream(), limits.max_page_bytes)
    return build_page(
        raw,
        source=source,
        container="warc",
        limits=limits,
        media_type=media_type,
        declared=charset,
        url=url,
        fetched_at=headers.get_header("WARC-Date"),
    )


def _truncated(record: ArcWarcRecord) -> bool:
    """True when a record's block ended before its Content-Length (warcio reads such a cut silently)."""
    return bool(getattr(record.raw_stream, "limit", 0))


def _cut(source: str, offset: int) -> Skip:
    return skip(source, f"WARC record at byte {offset} is truncated: its block ends before its Content-Length")


class _ShortReads:
    """Hand warcio at most one underlying read per call (``read1``).

    A buffered ``read(n)`` keeps reading to fill ``n`` bytes; if the stream
    breaks meanwhile, the whole records it had already read would be lost.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._read = getattr(stream, "read1", stream.read)

    def read(self, size: int = -1) -> bytes:
        return self._read(size)


def _settle(held: tuple[ArcWarcRecord, str, int, Skip | None] | None) -> Iterator[Skip]:
    """What a record comes to once the reader has moved past it (only then is a cut visible):
    one Skip saying it was cut, else the Skip it was held back with, if any."""
    if held is None:
        return
    record, where, offset, reason = held
    if _truncated(record):
        yield _cut(where, offset)
    elif reason is not None:
        yield reason


def read_warc(stream: BinaryIO, source: str, limits: Limits) -> Iterator[Page | Skip]:
    """Yield a Page or Skip per page record of an uncompressed WARC stream; ``source#I`` names record I (0-based).

    Each record gives at most one Skip: a record's own Skip (an empty body, a content type that is
    no page) is held back until the next record is read, because a cut block shows only then, and
    a cut record is reported as cut, once."""
    archive = ArchiveIterator(_ShortReads(stream))
    records = iter(archive)
    index = -1
    offset = 0
    held: tuple[ArcWarcRecord, str, int, Skip | None] | None = None  # the last record, not yet checked for a cut
    try:
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except ArchiveLoadFailed as exc:
                if held is not None and held[3] is not None:
                    yield held[3]
                yield skip(source, f"corrupt WARC at byte {archive.offset} after record {index}: {str(exc).strip()}")
                return
            yield from _settle(held)
            index += 1
            offset = archive.offset  # where this record starts (get_record_offset() would consume it)
            where = f"{source}#{index}"
            held = (record, where, offset, None)
            if record.rec_type not in _PAGE_RECORDS:
                continue
            try:
                page = _record_page(record, where, limits)
            except StreamError:
                raise
            except Exception as exc:  # noqa: BLE001 - a bad record (odd chunking, bad encoding) must not end the archive
                page = skip(where, f"unreadable record: {type(exc).__name__}: {exc}")
            if isinstance(page, Skip):
                held = (record, where, offset, page)
            elif _truncated(record):
                page, held = _cut(where, offset), None  # a cut page is no page
                yield page
            else:
                yield page
    except StreamError as exc:
        if held is not None and held[3] is not None:
            yield held[3]
        yield skip(source, f"{exc}; stopped in or after record {index} (byte {offset} of the WARC)")
        return
    yield from _settle(held)
