"""Split text into plain and marked stretches so templates can highlight without markup.

The template escapes every stretch and wraps the marked ones in ``<mark>``; no
HTML is ever built from page text here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Evidence


@dataclass(frozen=True)
class Part:
    text: str
    label: str | None = None  # the field(s) a marked stretch is evidence for


def sentence_parts(ev: Evidence) -> list[Part]:
    """The evidence sentence with its span marked (found by offset, else by text)."""
    sentence, span = ev.sentence.text, ev.span
    start = span.start - ev.sentence.start
    if not (0 <= start and sentence[start : start + len(span.text)] == span.text and span.text):
        start = sentence.find(span.text) if span.text else -1
    if start < 0:
        return [Part(sentence)]
    end = start + len(span.text)
    parts = [Part(sentence[:start]), Part(sentence[start:end], ev.field), Part(sentence[end:])]
    return [p for p in parts if p.text]


def text_parts(text: str, spans: list[tuple[int, int, str]]) -> list[Part]:
    """The whole text with each (start, end, label) span marked; overlaps are joined."""
    valid = sorted((s, e, label) for s, e, label in spans if 0 <= s < e <= len(text))
    merged: list[list] = []
    for s, e, label in valid:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            if label not in merged[-1][2]:
                merged[-1][2].append(label)
        else:
            merged.append([s, e, [label]])
    parts: list[Part] = []
    pos = 0
    for s, e, labels in merged:
        if s > pos:
            parts.append(Part(text[pos:s]))
        parts.append(Part(text[s:e], ", ".join(labels)))
        pos = e
    if pos < len(text):
        parts.append(Part(text[pos:]))
    return parts
