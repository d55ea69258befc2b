"""The ingest stage: bytes -> Page.

Reads plain-text crawls, HTML, JSONL/JSON dumps and WARC archives (each
possibly gzipped) from files, folders or stdin, decodes them without
mojibake, and yields one ``Page`` per page, or a ``Skip`` with the reason
for anything that cannot be one. See ``reader`` for the order and the
dispatch, ``encoding`` for the decoding cascade.
"""

from __future__ import annotations

from .encoding import binary_reason, detect_encoding, normalize_encoding
from .pages import sniff_media_type
from .reader import format_of, read_file, read_pages, read_stream

__all__ = [
    "binary_reason",
    "detect_encoding",
    "format_of",
    "normalize_encoding",
    "read_file",
    "read_pages",
    "read_stream",
    "sniff_media_type",
]
