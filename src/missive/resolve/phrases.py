"""Phrases one version of a readout has and the other versions of its language lack.

A candidate phrase is a run of 2-4 content words standing next to each other
in a sentence (no stopword, punctuation or party name between them), with at
least two words that are not numbers. It is missing elsewhere when its words,
in that order, occur in no other version (stopwords ignored there), and none
of its words occurs anywhere in the others: a reordering or a re-qualified
phrase ("traditional friendship" beside a plain "friendship") is not a new
idea, and the set phrases that matter in such cases are the data file's
cues. Phrases with the rarest words come first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .readout_text import Word, is_number, is_party

_JOINER = re.compile(r"[\s-]*")


@dataclass(frozen=True)
class SentenceWords:
    """A sentence's text with its content words (offsets into the text)."""

    text: str
    words: tuple[Word, ...]


def _chunks(s: SentenceWords) -> list[list[Word]]:
    """Runs of content words with only spaces or hyphens between them."""
    runs: list[list[Word]] = []
    for w in s.words:
        if is_party(w):
            runs.append([])
            continue
        if runs and runs[-1] and _JOINER.fullmatch(s.text[runs[-1][-1].end : w.start]):
            runs[-1].append(w)
        else:
            runs.append([w])
    return [r for r in runs if len(r) >= 2]


def ngrams(versions: Sequence[Sequence[SentenceWords]], longest: int) -> set[tuple[str, ...]]:
    """Every run of 1..longest consecutive content-word keys in the sentences (stopwords already gone)."""
    out: set[tuple[str, ...]] = set()
    for sentences in versions:
        for s in sentences:
            keys = [w.key for w in s.words]
            for n in range(1, longest + 1):
                out.update(tuple(keys[i : i + n]) for i in range(len(keys) - n + 1))
    return out


def missing_phrases(
    mine: Sequence[SentenceWords],
    others: Sequence[Sequence[SentenceWords]],
    weights: dict[str, float],
    sizes: tuple[int, int],
    limit: int,
) -> list[str]:
    """Up to ``limit`` phrases of ``mine`` found in none of ``others``, most novel first, not overlapping."""
    shortest, longest = sizes
    seen = ngrams(others, longest)
    candidates = []
    for n_sentence, s in enumerate(mine):
        for chunk in _chunks(s):
            for size in range(max(shortest, 2), longest + 1):
                for i in range(len(chunk) - size + 1):
                    gram = chunk[i : i + size]
                    keys = tuple(w.key for w in gram)
                    if tuple(keys) in seen or sum(not is_number(w) for w in gram) < 2:
                        continue
                    novel = [w for w in gram if (w.key,) not in seen and not is_number(w)]
                    if len(novel) < sum(not is_number(w) for w in gram):
                        # a shared word inside: a reworded or re-qualified phrase, left to the cues
                        continue
                    score = (len(novel) / size, sum(weights.get(w.key, 1.0) for w in novel), size)
                    candidates.append((score, n_sentence, gram[0].start, gram[-1].end, keys))
    candidates.sort(key=lambda c: (-c[0][0], -c[0][1], -c[0][2], c[1], c[2]))
    taken: list[tuple[int, int, int]] = []
    out: list[str] = []
    keys_out: set[tuple[str, ...]] = set()
    for _score, n_sentence, start, end, keys in candidates:
        if len(out) >= limit:
            break
        if keys in keys_out or any(n == n_sentence and start < e and s < end for n, s, e in taken):
            continue
        taken.append((n_sentence, start, end))
        keys_out.add(keys)
        out.append(mine[n_sentence].text[start:end])
    return out
