"""Find the people a sentence names: registry names, titles held on a date, other officials.

Every mention keeps its offsets into the document, the text as written and the
titles written around it, so evidence can point back at the page.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..errors import DataError
from ..resources import load_data, require_keys
from .registry import Registry

# Titles that, before a capitalised personal name, mark an official the registry may not know.
_TITLE_WORDS = (
    r"(?:President|Prime Minister|Premier|Chairman|Chairwoman|Chairperson|General Secretary|"
    r"First Secretary|Secretary General|Secretary|Foreign Minister|Minister|Speaker|King|Queen|"
    r"Emperor|Sultan|Emir|Ambassador|Governor|Vice President|Head|Leader|Comrade)"
)
_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}"
# The "of ..." part is lazy: words it leaves to the name are stripped again if they name an organisation.
_UNKNOWN_AFTER_TITLE = re.compile(_TITLE_WORDS + r"(?: of (?:the )?[A-Z][\w'’-]*(?: (?:and )?[A-Z][\w'’-]*){0,6}?)? (" + _NAME + r")\b")
# "Prak Sokhonn, Cambodian Deputy Prime Minister and ...", "B, the president of ...".
_UNKNOWN_BEFORE_TITLE = re.compile(
    r"\b(" + _NAME + r"), (?:the )?(?:[A-Z][a-z]+(?:'s)? )?(?i:(?:first |vice |acting |prime |deputy )?"
    r"(?:president|prime minister|premier|chairman|chairwoman|general secretary|first secretary|"
    r"secretary|minister|foreign minister|speaker|king|ambassador))\b"
)

# "the presidents of Russia, Uzbekistan and Belarus", "the Kazakh and Uzbek presidents": one
# office holder per country, each resolved by its singular title on the page's date.
_PLURAL = {"presidents": ("president",), "leaders": ("leader", "president"), "prime ministers": ("prime minister",),
           "premiers": ("premier", "prime minister"), "heads of state": ("president", "king"), "kings": ("king",)}
_COUNTRY = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}"
# "Leaders of China, Laos and India" opening a sentence, too
_PLURAL_OF = re.compile(r"\b((?i:p)residents|(?i:l)eaders|(?i:p)rime ministers|(?i:p)remiers|(?i:h)eads of state|(?i:k)ings) of (?:the )?"
                        r"(" + _COUNTRY + r"(?:,? (?:and )?(?:the )?" + _COUNTRY + r")+)")
_ADJ_PLURAL = re.compile(r"\b((?:[A-Z][a-z]+, )*[A-Z][a-z]+,? and [A-Z][a-z]+) (presidents|leaders|prime ministers|premiers)\b")
_ITEM = re.compile(r"(?:the )?(" + _COUNTRY + r")")


def _plural_titles(text: str, start: int, end: int, registry: Registry, on: dt.date | None) -> list[Mention]:
    """One mention per country of a plural title, at the country's words, where the registry knows the holder."""
    out = []
    for m in _PLURAL_OF.finditer(text, start, end):
        for item in _ITEM.finditer(text, m.start(2), m.end(2)):
            country = re.sub(r"^and ", "", item.group(1))
            for title in (f"{single} of {the}{country}" for single in _PLURAL[m.group(1).lower()] for the in ("", "the ")):
                actor = registry.holder(title, on)
                if actor is not None:
                    out.append(Mention(item.end(1) - len(country), item.end(1), country, actor.name, actor.id, (title,), "title"))
                    break
    for m in _ADJ_PLURAL.finditer(text, start, end):
        for item in re.finditer(r"[A-Z][a-z]+", m.group(1)):
            title = next((t for t in (f"{item.group(0)} {single}" for single in _PLURAL[m.group(2)]) if registry.holder(t, on)), None)
            if title is not None:
                actor = registry.holder(title, on)
                at = m.start(1) + item.start()
                out.append(Mention(at, at + len(item.group(0)), item.group(0), actor.name, actor.id, (title,), "title"))
    return out

# "his Cambodian counterpart Hor Namhong": a counterpart is an official, named as written.
_UNKNOWN_COUNTERPART = re.compile(r"\b(?:his|her|their|its) (?:[A-Z][a-z]+ )?counterparts?,? (" + _NAME + r")\b")


@functools.cache
def _name_words() -> tuple[frozenset[str], re.Pattern]:
    """``actors/name-words.yaml``: words never in a personal name, and words for relatives."""
    data = load_data("actors/name-words.yaml")
    if not isinstance(data, dict):
        raise DataError("actors/name-words.yaml: expected a mapping")
    require_keys("actors/name-words.yaml", data, ("not_name", "kin"))
    words = frozenset(str(w) for w in data["not_name"])
    kin = re.compile(r"\b(?:his|her|His|Her) (" + "|".join(sorted(map(re.escape, map(str, data["kin"])))) + r")\b")
    return words, kin


@functools.cache
def title_words() -> frozenset[str]:
    """``actors/name-words.yaml`` ``title_words``: lowercase words of a title written after a name."""
    data = load_data("actors/name-words.yaml")
    words = data.get("title_words") if isinstance(data, dict) else None
    if not isinstance(words, list) or not all(isinstance(w, str) and w == w.lower() for w in words):
        raise DataError("actors/name-words.yaml: title_words must be a list of lowercase words")
    return frozenset(words)


PRONOUNS = re.compile(r"\b(?:he|she|him|her|his|they|them|their|I|me|my|we|us|our|you|your)\b")


@dataclass(frozen=True)
class Mention:
    """A person named in a sentence: offsets into doc.text, resolved actor if known."""

    start: int
    end: int
    text: str
    name: str
    actor_id: str | None
    titles: tuple[str, ...] = ()
    source: str = "name"  # name | short | title | unknown

    @property
    def key(self) -> str:
        """Identity for comparing mentions: the registry id, else the name."""
        return self.actor_id or self.name


@functools.cache
def _patterns(registry: Registry) -> tuple[re.Pattern, re.Pattern]:
    names = sorted({*registry.by_alias, *registry.by_short}, key=lambda s: (-len(s), s))
    name_re = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    titles = sorted(registry.by_title, key=lambda s: (-len(s), s))
    title_re = re.compile(
        r"(?<![\w-])((?:the )?(?:" + "|".join(map(re.escape, titles)) + r"))(?![\w-])", re.IGNORECASE
    )
    return name_re, title_re


def find_mentions(
    text: str, start: int, end: int, registry: Registry, on: dt.date | None, seen: dict[str, str]
) -> list[Mention]:
    """Return the person mentions in ``text[start:end]``, titles attached to the names they qualify.

    ``seen`` maps short names ("Kim") to the actor a page has already named in
    full; it is updated as full names are found, so a later "Kim" resolves.
    """
    name_re, title_re = _patterns(registry)
    found: list[Mention] = []
    for m in name_re.finditer(text, start, end):
        alias = m.group(1)
        if alias in registry.by_alias:
            actor = registry.get(registry.by_alias[alias])
            for short in actor.short:
                seen[short] = actor.id
            found.append(Mention(m.start(), m.end(), alias, actor.name, actor.id))
        else:
            ids = registry.by_short.get(alias, [])
            aid = seen.get(alias) or (ids[0] if len(ids) == 1 else None)
            if aid:
                found.append(Mention(m.start(), m.end(), alias, registry.get(aid).name, aid, source="short"))
    titles: list[Mention] = []
    for m in title_re.finditer(text, start, end):
        actor = registry.resolve(m.group(1), on)
        if actor is not None:
            titles.append(Mention(m.start(), m.end(), m.group(1), actor.name, actor.id, (m.group(1),), "title"))
    not_name, kin = _name_words()
    for rx in (_UNKNOWN_AFTER_TITLE, _UNKNOWN_BEFORE_TITLE, _UNKNOWN_COUNTERPART):
        for m in rx.finditer(text, start, end):
            n_start, name = m.start(1), m.group(1)
            # An organisation's words the title's "of ..." left before the name are not the name.
            while name.split(" ", 1)[0] in not_name and " " in name:
                head = name.split(" ", 1)[0]
                n_start, name = n_start + len(head) + 1, name[len(head) + 1 :]
            words = name.replace("-", " ").split()
            if len(words) < 2 or any(w in not_name for w in words):
                continue
            n_end = n_start + len(name)
            if any(f.start < n_end and n_start < f.end for f in found):
                continue
            found.append(Mention(n_start, n_end, name, name, None, source="unknown"))
    found.extend(_kin_mentions(text, start, end, registry, found, kin))
    found.extend(p for p in _plural_titles(text, start, end, registry, on) if not any(f.start < p.end and p.start < f.end for f in found))
    return _attach_titles(text, sorted(found, key=lambda x: (x.start, -x.end)), titles)


def _kin_mentions(text: str, start: int, end: int, registry: Registry, found: list[Mention], kin: re.Pattern) -> list[Mention]:
    """ "her brother" after a named person whose relative the registry knows: that relative."""
    out = []
    for m in kin.finditer(text, start, end):
        before = [f for f in found if f.end <= m.start() and f.actor_id]
        for f in reversed(before):
            other = registry.actors[f.actor_id].kin.get(m.group(1))
            if other:
                out.append(Mention(m.start(), m.end(), m.group(0), registry.get(other).name, other, source="kin"))
                break
    return out


def _attach_titles(text: str, names: list[Mention], titles: list[Mention]) -> list[Mention]:
    """Fold a title into the name it stands next to; keep a lone title as a mention itself."""
    names = [n for i, n in enumerate(names) if not any(o.start <= n.start and n.end <= o.end and o is not n
                                                         and (o.end - o.start) > (n.end - n.start) for o in names)]
    out: list[Mention] = []
    used: set[int] = set()
    for n in names:
        extra: list[str] = []
        for i, t in enumerate(titles):
            if i in used:
                continue
            before = 0 <= n.start - t.end <= 2 and text[t.end : n.start].strip() in ("", ",")
            after = 0 <= t.start - n.end <= 6 and text[n.end : t.start].strip() in ("", ",", ", the")
            if before or after:
                extra.append(t.text)
                used.add(i)
        out.append(Mention(n.start, n.end, n.text, n.name, n.actor_id, tuple(extra), n.source) if extra else n)
    for i, t in enumerate(titles):
        overlaps = any(n.start < t.end and t.start < n.end for n in names)
        if i not in used and not overlaps:
            out.append(t)
    out.sort(key=lambda x: (x.start, x.end))
    # Drop titles nested in a longer title ("chinese president" inside "the chinese president").
    final: list[Mention] = []
    for m in out:
        if final and m.start < final[-1].end:
            if (m.end - m.start) > (final[-1].end - final[-1].start):
                final[-1] = m
            continue
        final.append(m)
    return final
