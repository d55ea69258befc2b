"""The ingest stage: bytes -> Page.

Reads plain-text crawls, HTML, JSONL/JSON dumps and WARC archives (each
possibly gzipped) from files, folders or stdin, decodes them without
mojibake, and yields one ``Page`` per page, or a ``Skip`` with the reason
for anything that cannot be one. See ``reader`` for the order and the
dispatch, ``encoding`` for the decoding cascade.
"""

from __future__ import annotations

from .dumps import read_json, read_jsonl
from .encoding import binary_reason, detect_encoding, normalize_encoding
from .pages import sniff_media_type
from .reader import format_of, read_file, read_pages, read_stream
from .walk import STDIN, iter_paths
from .warc import read_warc

__all__ = [
    "STDIN",
    "binary_reason",
    "detect_encoding",
    "format_of",
    "iter_paths",
    "normalize_encoding",
    "read_file",
    "read_json",
    "read_jsonl",
    "read_pages",
    "read_stream",
    "read_warc",
    "sniff_media_type",
]
