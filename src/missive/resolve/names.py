"""One key per person: registry ids first, else names folded over spelling variants.

Registered actors carry an ``actor_id`` and need nothing more. Unregistered
names are grouped when they are the same words spelled a little differently
("Lukashenka"/"Lukashenko", "Kim Jong-un"/"Kim Jong Un"), or when a lone
distinctive surname ("Putin") belongs to exactly one longer name among the
input. The groups depend only on the set of names, never on their order.
"""

from __future__ import annotations

from typing import Iterable

from rapidfuzz import fuzz

from ..model import ActorRef
from .rules import name_tokens

#: Each word of two spellings must be at least this similar (0-100); per word,
#: so that "Kim Jong Un" and "Kim Jong Il" stay two people.
_WORD_SCORE = 80
#: A lone name this long may stand for a longer name that contains it.
_MIN_SURNAME = 4


def _same_spelling(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if "".join(a) == "".join(b):
        return True
    if len(a) != len(b):
        return False
    return all(x == y or (min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= _WORD_SCORE) for x, y in zip(a, b))


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def name_keys(actors: Iterable[ActorRef]) -> dict[str, str]:
    """Map each unregistered actor's name to a group key shared by its spelling variants."""
    tokens = {a.name: name_tokens(a.name) for a in actors if not a.actor_id}
    folded = sorted({" ".join(t) for t in tokens.values() if t})
    parent = {n: n for n in folded}
    # Spelling variants keep their number of words and the first letter of the last word
    # (or, written as one word, the whole letter string): compare only within such blocks.
    blocks: dict[tuple[int, str], list[str]] = {}
    for n in folded:
        words = n.split()
        blocks.setdefault((len(words), words[-1][0]), []).append(n)
        blocks.setdefault((0, "".join(words)), []).append(n)
    for block in blocks.values():
        for i, x in enumerate(block):
            for y in block[i + 1:]:
                if _same_spelling(tuple(x.split()), tuple(y.split())):
                    a, b = sorted((_find(parent, x), _find(parent, y)))
                    parent[b] = a
    # A lone surname joins the one longer name that contains it; if several do, it stays alone.
    for x in folded:
        words = x.split()
        if len(words) != 1 or len(words[0]) < _MIN_SURNAME:
            continue
        hosts = sorted({_find(parent, y) for y in folded if y != x and words[0] in y.split()})
        if len(hosts) == 1:
            parent[_find(parent, x)] = hosts[0]
    # Group key: the smallest folded name of the group, so it never depends on input order.
    members: dict[str, list[str]] = {}
    for n in folded:
        members.setdefault(_find(parent, n), []).append(n)
    key_of = {n: min(group) for group in members.values() for n in group}
    return {name: key_of.get(" ".join(t), name.strip().lower()) for name, t in tokens.items()}


def actor_key(actor: ActorRef, keys: dict[str, str]) -> str:
    """The key that identifies an actor across reports: its registry id, else its name group."""
    if actor.actor_id:
        return "id:" + actor.actor_id
    return "name:" + keys.get(actor.name, actor.name.strip().lower())
