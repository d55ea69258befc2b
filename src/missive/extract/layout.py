"""The layout of a page's lines: headlines, link lines, teasers of other stories, lists one name a line.

These say which sentences may state an act at all and who a list that
follows a sentence names; the pipeline reads acts only where they allow.
"""

from __future__ import annotations

import re

from ..model import Span
from .mentions import Mention

# Finite verbs of a headline that states an act ("Xi sends message to ..."); a link line has none.
_VERB = re.compile(r"\b(?:sends?|sent|congratulat(?:es|ed)|receives?|received|writes?|wrote|phones?|phoned|holds?|held|has|had|"
                   r"exchanges?|exchanged|conveys?|conveyed|thanks|thanked|expresses?|expressed|extends?|extended|speaks?|spoke|"
                   r"talked|offers?|offered|says?|said|is|was|were|are|calls|called|greets|greeted|replies|replied|mourns|mourned)\b", re.I)
_LIST_HEAD = re.compile(r"(?::|\bthe following(?: [\w-]+){0,4})\s*$")
_BULLET = re.compile(r"[-–•*·]\s*|\d{1,2}[.)]\s*")


def list_items(text: str, sents: list[Span], i: int, mentions_of: dict[int, list[Mention]]) -> list[Mention]:
    """The people of a list that follows sentence ``i`` one per line, each line opening with a name."""
    if not _LIST_HEAD.search(sents[i].text):
        return []
    items: list[Mention] = []
    for j in range(i + 1, len(sents)):
        sent, ms = sents[j], mentions_of.get(j, [])
        at_line_start = text[sent.start - 1] == "\n"
        bullet = _BULLET.match(text, sent.start)
        first = sent.start + (bullet.end() - bullet.start() if bullet else 0)
        lead = text[first : ms[0].start] if ms else "x"
        if not (at_line_start and ms and all(w[0].isupper() or w in ("of", "the", "and") for w in lead.split())):
            if at_line_start or not items:
                break
            continue  # a second sentence of the same item line
        items.append(ms[0])
    return items


_READ_ALSO = re.compile(r"(?:Read|See) (?:also|more)\b|Also (?:read|see)\b|Related\b|More (?:on|from)\b|Recommended\b", re.I)


def teasers(text: str, sents: list[Span], mentions_of: dict[int, list[Mention]]) -> frozenset[int]:
    """Lines that tease another story: "Read also: ...", or a headline about people the article never names."""
    heads = {i for i, s in enumerate(sents) if headline(text, s)}
    named = {m.key for i, ms in mentions_of.items() if i not in heads for m in ms}
    out = set()
    for i, s in enumerate(sents):
        if _READ_ALSO.match(s.text):
            out.add(i)
        elif i in heads and named and any(m.key not in named for m in mentions_of.get(i, [])):
            out.add(i)
    return frozenset(out)


def headline(text: str, sent: Span) -> bool:
    """A whole line with no sentence end: a title ("Kim Sends Greetings to Russian President")."""
    whole = (sent.start == 0 or text[sent.start - 1] == "\n") and (sent.end == len(text) or text[sent.end] == "\n")
    return whole and len(sent.text) < 160 and not re.search(r"[.!?:\"”]$", sent.text)


def link_line(text: str, sent: Span) -> bool:
    """A line past the title with no verb and no sentence end: a menu or related-headline link, no act."""
    whole = (sent.start == 0 or text[sent.start - 1] == "\n") and (sent.end == len(text) or text[sent.end] == "\n")
    return whole and len(sent.text) < 140 and not re.search(r"[.!?:\"”]$", sent.text) and not _VERB.search(sent.text)
