"""Turn a page's bytes into text without mojibake, and tell text from binary.

The cascade of :func:`detect_encoding`, first match wins:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. a declared charset (the caller's, e.g. an HTTP header, then the page's own
   ``<meta charset>`` / ``http-equiv``) if the bytes decode cleanly with it;
3. strict UTF-8;
4. charset-normalizer's best guess.

Declared and guessed names are mapped to the superset browsers really use
(EUC-KR -> cp949, GB2312/GBK -> gb18030, ISO-8859-1 -> cp1252, Big5 -> cp950),
because pages labelled with the narrow name routinely contain the wider
repertoire.
"""

from __future__ import annotations

import codecs
import functools
import re

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

from ..errors import InputError

#: BOMs, longest first so UTF-32-LE is not taken for UTF-16-LE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Python codec name -> codecs to try, widest superset first (what browsers decode with).
_SUPERSETS: dict[str, tuple[str, ...]] = {
    "euc_kr": ("cp949",),
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "big5": ("cp950", "big5hkscs"),
    "iso8859-1": ("cp1252",),
    "latin-1": ("cp1252",),
    "ascii": ("cp1252",),
    "shift_jis": ("cp932",),
    "euc_jp": ("euc_jis_2004",),
    "tis-620": ("cp874",),
    "iso8859-9": ("cp1254",),
}

#: Labels that the WHATWG Encoding Standard knows but Python's codec registry does not.
_ALIASES: dict[str, str] = {
    "x-gbk": "gbk",
    "x-sjis": "shift_jis",
    "windows-874": "cp874",
    "ks_c_5601": "euc_kr",
    "x-euc-kr": "euc_kr",
    "x-mac-roman": "mac_roman",
    "unicode-1-1-utf-8": "utf-8",
}

_META_RE = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
#: Where browsers look for a ``<meta>`` charset: the first 1024 bytes (we allow more,
#: since crawled pages often carry long comments or scripts before it).
_META_WINDOW = 4096

#: Control bytes that never occur in text (everything below 0x20 except TAB, LF,
#: VT, FF, CR and ESC, which ISO-2022 encodings use).
_CONTROL = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B))
_BINARY_SAMPLE = 8192
_MESS_SAMPLE = 100_000
_MAX_CONTROL_RATIO = 0.10


def normalize_encoding(label: str | None) -> tuple[str, ...]:
    """Return the codecs to try for a charset label, widest first; () if unknown."""
    if not label:
        return ()
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return ()
    return _SUPERSETS.get(canonical, (canonical,))


def meta_charset(raw: bytes) -> str | None:
    """Return the charset an HTML page declares in ``<meta>`` near its top, if any."""
    match = _META_RE.search(raw[:_META_WINDOW])
    return match.group(1).decode("ascii", "replace") if match else None


def bom_encoding(raw: bytes) -> tuple[str, int] | None:
    """Return (codec, BOM length) when ``raw`` starts with a byte-order mark."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name, len(bom)
    return None


def binary_reason(raw: bytes) -> str | None:
    """Say why ``raw`` looks like binary data rather than text, or None if it looks like text.

    UTF-16/32 text with a BOM is text even though it is full of NUL bytes.
    """
    if bom_encoding(raw):
        return None
    sample = raw[:_BINARY_SAMPLE]
    if b"\x00" in sample:
        return "binary content (NUL bytes)"
    if not sample:
        return None
    controls = sum(sample.count(bytes((c,))) for c in _CONTROL)
    ratio = controls / len(sample)
    if ratio > _MAX_CONTROL_RATIO:
        return f"binary content ({ratio:.0%} control bytes)"
    return None


def _decode(raw: bytes, codecs_to_try: tuple[str, ...]) -> tuple[str, str] | None:
    """Decode strictly with the first codec that accepts every byte."""
    for name in codecs_to_try:
        try:
            return raw.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    return None


def _is_multibyte_utf8(raw: bytes) -> bool:
    """True when ``raw`` has non-ASCII bytes and all of it is valid UTF-8."""
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@functools.cache
def _single_byte(name: str) -> bool:
    """True for a one-byte-per-character codec (cp1252, koi8-r, ...): nearly any bytes decode with one."""
    if name.startswith("utf"):
        return False
    try:
        return len(bytes(range(256)).decode(name, "replace")) == 256
    except LookupError:
        return False


def _guess(raw: bytes) -> tuple[str, str] | None:
    """Ask charset-normalizer; decode with the superset of what it names.

    charset-normalizer has no prior for the web's common legacy code page: on
    English text with a few curly quotes it picks cp1250, cp775 or cp852, whose
    decodings differ from cp1252 in exactly those quotes. So when it picks a
    one-byte code page and cp1252 reads the bytes with no more mess (its own
    mess measure), cp1252 wins, as in browsers. Cyrillic or Greek read as
    cp1252 is a mess and keeps its own code page.
    """
    best = from_bytes(raw).best()
    if best is None:
        return None
    found = _decode(raw, normalize_encoding(best.encoding))
    text, name = found if found else (str(best), best.encoding)
    if name != "cp1252" and _single_byte(name):
        try:
            latin = raw.decode("cp1252")
        except UnicodeDecodeError:
            return text, name
        if latin == text or mess_ratio(latin[:_MESS_SAMPLE], 1.0) <= best.chaos:
            return latin, "cp1252"
    return text, name


def detect_encoding(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a page's bytes; return (text, codec name). Raise InputError if nothing fits.

    ``declared`` is a charset stated outside the bytes (an HTTP header); the
    page's own ``<meta>`` declaration is looked for as well.
    """
    bom = bom_encoding(raw)
    if bom:
        name, size = bom
        try:
            return raw[size:].decode(name), name
        except UnicodeDecodeError as exc:
            if name != "utf-8":
                raise InputError(f"starts with a {name} byte-order mark but does not decode as {name}") from exc
            # Editors add a UTF-8 BOM to legacy-encoded files too: read on without it.
            raw = raw[size:]

    for label in (declared, meta_charset(raw)):
        candidates = tuple(c for c in normalize_encoding(label) if not c.startswith("utf-16") and not c.startswith("utf-32"))
        if candidates and _single_byte(candidates[0]) and _is_multibyte_utf8(raw):
            # A Latin label on a UTF-8 page is a common server misconfiguration;
            # multi-byte UTF-8 sequences do not arise by chance in Latin text.
            return raw.decode("utf-8"), "utf-8"
        found = _decode(raw, candidates)
        if found:
            return found

    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    guessed = _guess(raw)
    if guessed is None:
        raise InputError("undecodable bytes: no known text encoding fits")
    return guessed
