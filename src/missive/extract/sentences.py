"""Sentence splitting with character offsets into the document text.

Language-neutral core: a sentence ends at a terminal mark (from a per-language
table) followed by space, or at a line break that is not a mere wrap. English
abbreviations ("Sept.", "U.S.") and initials ("U. Khurelsukh") do not end one.
Chinese and Korean add their marks (。！？) to ``_ENDS`` without spaces needed.
"""

from __future__ import annotations

import re

from ..model import Span

_ENDS = {"en": r"[.!?]", "zh": r"[。！？]", "ko": r"[.!?。]"}
_NEEDS_SPACE = {"en": True, "zh": False, "ko": True}
_ABBREV = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|Rep|Gen|Col|Lt|Gov|Sen|Prof|Jr|Sr|vs|etc|U\.S|U\.N|N\.K|S\.K)\.|\b[A-Z]\.)$"
)
_NEXT_CHAR = re.compile(r"[ \t]*(.?)", re.DOTALL)  # the first character after blanks
# A line that ends like this is wrapped, not finished: join it with the next.
_WRAPPED_END = re.compile(r"(?:\b(?:the|respected|of|and|to|a|an|Comrade|by|from)|[,(\-])\s*$")


def split_sentences(text: str, language: str = "en") -> list[Span]:
    """Cut ``text`` into sentence Spans (offsets into ``text``), skipping blank stretches."""
    lang = language if language in _ENDS else "en"
    end_mark = re.compile(_ENDS[lang] + (r"[\"'”’)\]]*(?=\s)" if _NEEDS_SPACE[lang] else r"[\"'”’)\]]*"))
    cuts: set[int] = set()
    for m in end_mark.finditer(text):
        if lang == "en" and _ABBREV.search(text[max(0, m.start() - 6) : m.start() + 1]):
            continue
        cuts.add(m.end())
    for m in re.finditer(r"\n", text):
        # Look only at the 20 characters before the break and the first one after it
        # (blanks skipped): slicing the whole text at each break is quadratic on big pages.
        end = m.start()
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        before = text[max(0, end - 20) : end]
        after = _NEXT_CHAR.match(text, m.end()).group(1)  # type: ignore[union-attr]
        wrapped = bool(_WRAPPED_END.search(before)) or (after[:1].islower())
        if not wrapped or after.startswith("\n"):
            cuts.add(m.start())
    spans: list[Span] = []
    start = 0
    for cut in sorted(cuts | {len(text)}):
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e, text[s:e]))
        start = cut
    return spans
