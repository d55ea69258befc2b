"""Build one Page from one page's bytes, or say (as a Skip) why it cannot be one."""

from __future__ import annotations

import re
from typing import Literal

from ..errors import InputError
from ..model import Page, Skip
from ..settings import Limits
from .encoding import binary_reason, detect_encoding

MediaType = Literal["text", "html"]

STAGE = "ingest"

#: A page is HTML when it opens with a document tag (after a BOM, blanks and
#: comments) or names one of the structural tags near its top.
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?"
    rb"<(?:!doctype\s+html|html|head|body|meta|title|link|script|div)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(rb"<(?:html|head|body)\b[^>]*>", re.IGNORECASE)
_SNIFF_WINDOW = 4096


def skip(source: str, reason: str) -> Skip:
    """An ingest Skip: the item and the reason, so nothing is lost silently."""
    return Skip(source=source, stage=STAGE, reason=reason)


def sniff_media_type(raw: bytes) -> MediaType:
    """Tell an HTML page from plain text by its first few kilobytes."""
    head = raw[:_SNIFF_WINDOW]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # UTF-16 with a BOM: look at it as (rough) ASCII by dropping the NULs.
        head = head.replace(b"\x00", b"")[2:]
    if _HTML_START.match(head) or _HTML_TAGS.search(head):
        return "html"
    return "text"


def build_page(
    raw: bytes,
    *,
    source: str,
    container: str,
    limits: Limits,
    media_type: MediaType | None = None,
    declared: str | None = None,
    url: str | None = None,
    title_hint: str | None = None,
    published_hint: str | None = None,
    fetched_at: str | None = None,
) -> Page | Skip:
    """Decode ``raw`` into a Page (sniffing the media type if not given), or a Skip with the reason."""
    if not raw:
        return skip(source, "empty page")
    reason = binary_reason(raw)
    if reason:
        return skip(source, reason)
    if len(raw) > limits.max_page_bytes:
        return skip(source, f"page is {len(raw)} bytes, over the limit of {limits.max_page_bytes}")
    try:
        text, encoding = detect_encoding(raw, declared)
    except InputError as exc:
        return skip(source, str(exc))
    if not text.strip():
        return skip(source, "page holds only whitespace")
    return Page(
        source=source,
        raw=raw,
        text=text,
        media_type=media_type or sniff_media_type(raw),
        encoding=encoding,
        container=container,
        url=url,
        title_hint=title_hint,
        published_hint=published_hint,
        fetched_at=fetched_at,
    )
