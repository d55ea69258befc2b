"""Chinese and Korean text for matching: one character for one, so offsets hold.

Matching runs on a copy of the page made half-width (NFKC) and, for Chinese,
simplified (OpenCC t2s); each character maps to exactly one, so an offset in
the copy is the same offset in ``doc.text`` and evidence quotes the page as written.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from opencc import OpenCC

from ...model import Span


@functools.cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")


def _one(ch: str, simplify: bool) -> str:
    """One character made half-width (and simplified): itself where that is not one character."""
    out = unicodedata.normalize("NFKC", ch)
    if len(out) != 1:
        out = ch
    if simplify and "\u3400" <= out <= "\u9fff":
        s = _t2s().convert(out)
        out = s if len(s) == 1 else out
    return out


def normalize(text: str, language: str) -> str:
    """A matching copy of ``text`` of the same length: half-width, simplified for zh, curly quotes straight."""
    simplify = language == "zh"
    # Phrase-level t2s first (it picks the right simplified form in context) when it keeps the length.
    if simplify:
        whole = _t2s().convert(text)
        if len(whole) == len(text):
            text = whole
    out = "".join(_one(c, simplify) for c in text)
    return out.translate(_QUOTES)


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "″": '"', "「": '"', "」": '"', "『": '"', "』": '"'})


def article_end(norm: str, stop: re.Pattern) -> int:
    """Where the article ends: the first related-articles line, else the end."""
    m = stop.search(norm)
    return m.start() if m else len(norm)


# zh ends a sentence at 。！？ (no space needed); ko at a full stop after a sentence
# ending (다. 요. 음.) or any of .!? before a space; both at a line break.
_ENDS = {"zh": re.compile(r"[。！？!?；;]+[\"')\]]*"), "ko": re.compile(r"(?<=[다요음함됨까])\.|[.!?](?=[\s\"')\]]|$)|[。！？]")}


def split_sentences(norm: str, language: str, end: int | None = None) -> list[Span]:
    """Cut ``norm[:end]`` into sentence Spans (offsets into the page), blank stretches skipped."""
    end = len(norm) if end is None else end
    cuts = {m.end() for m in _ENDS[language].finditer(norm, 0, end)}
    cuts |= {m.start() for m in re.finditer(r"\n", norm[:end])}
    spans: list[Span] = []
    start = 0
    for cut in sorted(cuts | {end}):
        s, e = start, cut
        while s < e and norm[s].isspace():
            s += 1
        while e > s and norm[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e, norm[s:e]))
        start = cut
    return spans
