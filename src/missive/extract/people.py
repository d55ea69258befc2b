"""People a clause names as one group: lists ("A, B and C"), the subject before a cue, the people after a word, pairs."""

from __future__ import annotations

import re

from ..model import Span
from .mentions import Mention, title_words
from .triggers import Cues


# "A and his Cambodian counterpart B": one list of two.
_COUNTERPART_GAP = re.compile(r"^\s*+,?\s*+and (?:his|her|their) (?:[A-Z][\w-]* )?counterparts?,?\s*+$")
_LIST_GAP_WORDS = {"and", "of", "the", "also", "along", "with", "as", "well", "'s", "’s"}
_AND_BY = re.compile(r"^,?[^\S\n]{0,3}and by[^\S\n]{1,3}$")  # "(sent by) A and by B": one list of givers
_APPOSITIVE_GAP = re.compile(r"^\s*,\s*([^,;.()]{3,160}?)(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)$")
_RESPECTIVELY = re.compile(r"\brespectively\b")
_GAPPED_TO = re.compile(r"^\s+to\s+(?:(?:his|her|their|the)\s+(?:[\w'’-]+\s+){0,3})?$")  # "..., and C to (his counterpart) D"
_GAPPED_JOIN = re.compile(r"[,;]\s*(?:and|while|whereas)?\s*(?:[A-Z][\w'’-]*\s+){0,4}$|\s(?:while|whereas)\s+(?:[\w'’-]+\s+){0,4}$")
_DEAD_CONTEXT = re.compile(r"\b(?:death|demise|loss|passing|funeral|bier) of (?:the )?(?:late |former )?(?:\w+ )?$", re.I)
_ITEM_TO = re.compile(r"^\s+to\s+(?:[\w'’-]+\s+){0,4}$")
_ITEM_SEP = re.compile(r"(?:^|[,;:]|\band)\s*(?:[A-Z][\w'’-]*\s+){0,3}$")
# "Leaders of Russia, Cuba and India sent": the first country's leader is a subject, whatever "of" says
_PLURAL_BEFORE = re.compile(r"\b(?i:presidents|leaders|prime ministers|premiers|heads of state|kings) of (?:the )?$")
POSSESSIVE = re.compile(r"^['’]s?\s+(?:\w+\s+){0,3}$")  # what follows a name in "X's (verbal) message": X wrote it


def distinct(ms: list[Mention]) -> list[Mention]:
    """The mentions in order, each person once (a name and its titles may be found twice)."""
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.key not in seen:
            seen.add(m.key)
            out.append(m)
    return out


def list_from(text: str, ms: list[Mention], first: int) -> list[Mention]:
    """The run of mentions from ``ms[first]`` joined as a list ("A, B and C")."""
    group = [ms[first]]
    appositive_at, closed = None, False
    for prev, nxt in zip(ms[first:], ms[first + 1 :]):
        gap = text[prev.end : nxt.start]
        words = re.findall(r"[\w'’]+", gap)
        # "A, DPRK leader B and C": a title written before the next name keeps the list going
        if any(not w[0].isupper() and w.lower() not in _LIST_GAP_WORDS and w.lower() not in title_words() for w in words) \
                and not _COUNTERPART_GAP.match(gap) and not _AND_BY.match(gap):
            if not _appositive(gap):
                break
            appositive_at = len(group) if appositive_at is None else appositive_at
        if appositive_at is not None and re.search(r"\band\s*$", gap):
            closed = True
        group.append(nxt)
    if appositive_at is not None and not closed and len(group) < 3:  # "to A, Iran's president, B said": no "and", no list
        group = group[:appositive_at]
    return distinct(group)


def _appositive(gap: str) -> bool:
    """ "A, president of X, B": the gap is a title set off by commas, so the list goes on."""
    m = _APPOSITIVE_GAP.match(gap)
    if not m:
        return False
    words = re.findall(r"[\w'’]+", m.group(1))
    return bool(words) and all(w[0].isupper() or w.lower() in title_words() for w in words)


def people_after(text: str, ms: list[Mention], pos: int, cue: re.Pattern, limit: int = 200) -> list[Mention]:
    """People named after the first ``cue`` word following ``pos``, as a list."""
    for i, m in enumerate(ms):
        if m.start < pos:
            continue
        gap = text[pos : m.start]
        if len(gap) > limit:
            return []
        if cue.search(gap) and not _DEAD_CONTEXT.search(text[max(0, m.start - 30) : m.start]):
            return list_from(text, ms, i)
    return []


def subject_of(text: str, ms: list[Mention], sent: Span, pos: int, cues: Cues) -> list[Mention]:
    """The people the clause before ``pos`` is about: the last list of names not after "by"/"with"."""
    eligible = [
        m for m in ms
        if m.end <= pos
        and (not cues.not_recipient.search(text[sent.start : m.start]) or _PLURAL_BEFORE.search(text, max(sent.start, m.start - 30), m.start))
        and text[m.end : m.end + 2] not in ("'s", "’s")
    ]
    if not eligible:
        return []
    i = len(eligible) - 1
    # Walk back over a list ("A, B and C sent") or over one person's name and titles.
    while i > 0 and (eligible[i - 1].key == eligible[i].key or len(list_from(text, eligible[i - 1 : i + 1], 0)) == 2):
        i -= 1
    return list_from(text, eligible, i)


def pair_up(text: str, sent: Span, senders: list[Mention], recipients: list[Mention], ms: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Sender-recipient pairs: every sender with every recipient, except in parallel clauses.

    "A sent a message to B, and C to D" pairs A-B and C-D (C is no recipient);
    "A and C sent messages to B and D respectively" pairs them in order.
    """
    if len(senders) > 1 and len(senders) == len(recipients) and _RESPECTIVELY.search(text, recipients[-1].end, sent.end):
        return list(zip(senders, recipients))
    for k, r in enumerate(recipients[1:], 1):
        tail = [m for m in ms if m.start >= r.end and m.key != r.key]
        if tail and _GAPPED_TO.match(text[r.end : tail[0].start]) and _GAPPED_JOIN.search(text[recipients[k - 1].end : r.start]):
            rest = pair_up(text, sent, [r], list_from(text, tail, 0), [m for m in ms if m.start >= tail[0].start])
            return [(s, x) for s in senders for x in recipients[:k]] + rest
    return [(s, r) for s in senders for r in recipients]


def item_pairs(text: str, ms: list[Mention], sep: re.Pattern = _ITEM_SEP) -> list[tuple[Mention, Mention]]:
    """ "A to B, C to his counterpart D, and E to F": the pairs written item by item, never across items."""
    pairs = []
    k = 0
    while k + 1 < len(ms):
        a, b = ms[k], ms[k + 1]
        lead = text[pairs[-1][1].end if pairs else max(0, a.start - 40) : a.start]
        if a.key != b.key and _ITEM_TO.match(text[a.end : b.start]) and sep.search(lead):
            pairs.append((a, b))
            k += 2
        else:
            k += 1
    return pairs
