"""Which sentences of two versions say the same thing: weighted word overlap, one to one.

Each sentence is a bag of content words (see ``readout_text``). Words that
every sentence of the event uses (the parties' names, "countries") weigh
little; words found in few sentences ("strategic", "neighbor") weigh much:
the weight is an inverse document frequency over all the sentences being
compared. Two sentences score the weighted Jaccard of their words; pairs are
taken greedily, best score first, each sentence at most once, down to a
threshold (readouts.yaml ``align_score``).
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Sequence

Bag = frozenset[str]


def idf_weights(bags: Sequence[Bag]) -> dict[str, float]:
    """Word -> inverse document frequency over the given sentences (smoothed, always > 0)."""
    df = Counter(w for bag in bags for w in bag)
    n = len(bags)
    return {w: math.log(1 + n / c) for w, c in sorted(df.items())}


def similarity(a: Bag, b: Bag, weights: dict[str, float]) -> float:
    """Weighted Jaccard of two bags of words: shared weight over total weight (0-1)."""
    union = a | b
    if not union:
        return 0.0
    total = sum(weights.get(w, 1.0) for w in union)
    return sum(weights.get(w, 1.0) for w in a & b) / total


def assign(a: Sequence[Bag], b: Sequence[Bag], weights: dict[str, float], threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one pairs (i, j, score) of a's and b's sentences scoring >= threshold, best first, in a's order."""
    scored = sorted(
        ((similarity(x, y, weights), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, j, score))
    return sorted(pairs)
