"""Near-duplicate pages: one article reposted by aggregators or crawled twice.

MinHash signatures over shingles (word shingles; character shingles for
Chinese, Japanese and Korean text, which has no spaces between words) go
into an LSH index that proposes candidate pairs cheaply; each candidate is
then checked on the exact shingle sets: most of the shorter page must be in
the longer one (containment), and the two must overlap overall (Jaccard), so
that different navigation around one article still matches while a reworded
article, or a round-up that quotes one paragraph, does not.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from datasketch import MinHash, MinHashLSH

from .rules import config

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+")


def _is_cjk(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(1 for c in letters if _CJK.match(c)) / len(letters) > 0.3


def shingles(text: str) -> frozenset[str]:
    """The page's shingles: word n-grams, or character n-grams for CJK text."""
    cfg = config().near_duplicates
    text = unicodedata.normalize("NFKC", text).lower()
    if _is_cjk(text):
        chars = "".join(c for c in text if c.isalnum())
        n = int(cfg["char_shingle"])
        return frozenset(chars[i:i + n] for i in range(max(len(chars) - n + 1, 0)))
    words = _WORD.findall(text)
    n = int(cfg["word_shingle"])
    return frozenset(" ".join(words[i:i + n]) for i in range(max(len(words) - n + 1, 0)))


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    cfg = config().near_duplicates
    if min(len(a), len(b)) < cfg["min_shingles"]:
        return False
    common = len(a & b)
    return common / min(len(a), len(b)) >= cfg["min_containment"] and common / len(a | b) >= cfg["min_jaccard"]


def find_near_duplicates(docs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Map page_hash -> canonical page_hash for every page that near-duplicates another.

    ``docs`` are (page_hash, text) pairs. Pages are grouped transitively; the
    canonical page of a group is its smallest hash, and is not itself a key.
    Pages without a near-duplicate do not appear.
    """
    cfg = config().near_duplicates
    sets = {h: shingles(t) for h, t in sorted(dict(docs).items())}
    lsh = MinHashLSH(threshold=float(cfg["lsh_threshold"]), num_perm=int(cfg["num_perm"]))
    parent = {h: h for h in sets}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for h, sh in sets.items():
        if len(sh) < cfg["min_shingles"]:
            continue
        mh = MinHash(num_perm=int(cfg["num_perm"]), seed=1)
        mh.update_batch([s.encode("utf-8") for s in sorted(sh)])
        for other in sorted(lsh.query(mh)):
            if _similar(sh, sets[other]):
                a, b = sorted((find(h), find(other)))
                parent[b] = a
        lsh.insert(h, mh)
    return {h: find(h) for h in sets if find(h) != h}
