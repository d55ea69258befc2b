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
from .registry import Actor, Registry

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
    """``actors/name-words.yaml``: words never in a personal name (honorifics too), and words for relatives."""
    data = load_data("actors/name-words.yaml")
    if not isinstance(data, dict):
        raise DataError("actors/name-words.yaml: expected a mapping")
    require_keys("actors/name-words.yaml", data, ("not_name", "kin"))
    words = frozenset(str(w) for w in (*data["not_name"], *(data.get("honorifics") or ())))
    kin = re.compile(r"\b(?:his|her|His|Her) (" + "|".join(sorted(map(re.escape, map(str, data["kin"])))) + r")\b")
    return words, kin


@functools.cache
def _more_words() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Honorifics between a title and a name, place words after a name, a relative named after its possessor.

    ``honorifics``: "Supreme Leader Ayatollah Seyyed Ali Khamenei", "Prime Minister Samdech Techo
    Hun Sen": the title still belongs to the name. ``place_after``: "Ho Chi Minh City", "Kim Il Sung
    Square" name no person. ``kin``: "Abe's widow, Akie Abe" names the widow, an unknown person.
    """
    data = load_data("actors/name-words.yaml")
    honorifics = [str(w) for w in data.get("honorifics") or ()]
    places = [str(w) for w in data.get("place_after") or ()]
    if not honorifics or not places:
        raise DataError("actors/name-words.yaml: honorifics and place_after must be non-empty lists")
    alt = "|".join(sorted(map(re.escape, honorifics), key=lambda w: -len(w)))
    # The lookbehind starts a gap only where a run of spaces and commas starts (linear, even searched).
    gap = re.compile(r"(?<![ ,])[ ,]*(?:(?:" + alt + r")(?!\w)\.?[ ,]*)+")
    place = re.compile(r" (?:" + "|".join(map(re.escape, places)) + r")\b")
    rel = "|".join(sorted(map(re.escape, (*map(str, data["kin"]), "widow", "widower", "family")), key=lambda w: -len(w)))
    named_kin = re.compile(r"\b(?:[A-Z][\w-]+'s|[Hh]is|[Hh]er|[Tt]heir) (?:late )?(?:" + rel + r"),? (" + _NAME + r")\b")
    return gap, place, named_kin


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
    titles = sorted({*registry.by_title, *registry.by_shared}, key=lambda s: (-len(s), s))
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
    Names and titles are read as of ``on``, the page's date: "Kim" in 2005 is
    Kim Jong Il; a title two countries use ("Supreme Leader") is the holder the
    page names; a title after another country's word is not this country's.
    """
    name_re, title_re = _patterns(registry)
    _, place, named_kin = _more_words()
    found: list[Mention] = []
    for m in name_re.finditer(text, start, end):
        alias = m.group(1)
        if place.match(text, m.end()):  # "Ho Chi Minh City", "Kim Il Sung Square"
            continue
        if alias in registry.by_alias:
            found.append(_named(registry.get(registry.by_alias[alias]), m.start(), m.end(), alias, seen))
        elif not _given_name_before(text, start, m.start()):  # "Melania Trump", "Akie Abe": another of the family
            actor = registry.short_on(alias, on, seen.get(alias))
            if actor:
                found.append(Mention(m.start(), m.end(), alias, actor.name, actor.id, source="short"))
    found.extend(c for c in _capital_names(text, start, end, registry, seen) if not any(f.start < c.end and c.start < f.end for f in found))
    titles: list[Mention] = []
    for m in title_re.finditer(text, start, end):
        actor = registry.resolve(m.group(1), on) or _one_named(text, registry, m.group(1), on, found, seen)
        if actor is not None and not _other_country(text, m.start(), start, registry, actor):
            titles.append(Mention(m.start(), m.end(), m.group(1), actor.name, actor.id, (m.group(1),), "title"))
    not_name, kin = _name_words()
    for rx in (_UNKNOWN_AFTER_TITLE, _UNKNOWN_BEFORE_TITLE, _UNKNOWN_COUNTERPART, named_kin):
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
            if place.match(" " + words[-1]) or place.match(text, n_end):  # "Kim Il Sung Mausoleum": a place
                continue
            if any(f.start < n_end and n_start < f.end for f in found):
                continue
            found.append(Mention(n_start, n_end, name, name, None, source="unknown"))
    found.extend(_kin_mentions(text, start, end, registry, found, kin))
    found.extend(_late_kin(text, start, end, registry, on, seen))
    found.extend(p for p in _plural_titles(text, start, end, registry, on) if not any(f.start < p.end and p.start < f.end for f in found))
    return _attach_titles(text, sorted(found, key=lambda x: (x.start, -x.end)), titles)


_QUALIFIER = re.compile(r"([A-Z][a-z]+(?:'s)?) $")


@functools.cache
def _nationals(registry: Registry, word: str) -> frozenset[str]:
    """Everyone who ever held a title opening with ``word`` ("chinese" -> Chinese office holders)."""
    return frozenset(aid for title, terms in registry.by_title.items() if title.startswith(word + " ") for _, aid in terms)


def _other_country(text: str, at: int, start: int, registry: Registry, actor: Actor) -> bool:
    """A title after another country's word ("Chinese Party General Secretary" on a page where the
    bare title is Vietnam's): the title names that country's holder, not this one."""
    q = _QUALIFIER.search(text, max(start, at - 30), at)
    if q is None:
        return False
    members = _nationals(registry, q.group(1).lower())
    return bool(members) and actor.id not in members


def _named(actor: Actor, start: int, end: int, written: str, seen: dict[str, str]) -> Mention:
    """A registry person named in full: later short names and titles on the page may mean them."""
    for short in actor.short:
        seen[short] = actor.id
    seen[actor.id] = actor.id  # ids never look like a written short name
    return Mention(start, end, written, actor.name, actor.id)


def _one_named(text: str, registry: Registry, title: str, on: dt.date | None, found: list[Mention], seen: dict[str, str]) -> Actor | None:
    """A title several people held that day ("Supreme Leader": Iran's, the DPRK's): the one the sentence
    or else the page names, else the one whose country alone the page names."""
    bare = re.sub(r"^(?:the|comrade|respected) ", "", " ".join(title.lower().split()))
    holders = registry.holders(bare, on)
    if len(holders) < 2:
        return None
    here = {f.actor_id for f in found}
    for pool in (here, set(seen.values())):
        named = [a for a in holders if a.id in pool]
        if len(named) == 1:
            return named[0]
    if on is None:
        return None
    orgs = {a.id: {o.org for o in a.offices if o.covers(on)} for a in holders}
    named = [a for a in holders if any(re.search(r"\b" + re.escape(org), text) for org in orgs[a.id])]
    return named[0] if len(named) == 1 else None


# A run of capitalised words with a surname in capitals: "YOON Suk Yeol", "HUN SEN", "LI Qiang".
_CAPS_RUN = re.compile(r"(?<![\w-])[A-Z][\w'-]*(?: [A-Z][\w'-]*)+")
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")


@functools.cache
def _folded_aliases(registry: Registry) -> dict[str, str]:
    """Registry spellings by lowercase, for names the page writes with a surname in capitals."""
    return {alias.lower(): aid for alias, aid in registry.by_alias.items() if " " in alias}


def _capital_names(text: str, start: int, end: int, registry: Registry, seen: dict[str, str]) -> list[Mention]:
    """Registry people written with a surname in capitals, the longest spelling a run of words holds."""
    folded = _folded_aliases(registry)
    out: list[Mention] = []
    for run in _CAPS_RUN.finditer(text, start, end):
        if not _CAPS_WORD.search(run.group(0)):
            continue
        words = [(w.start(), w.end()) for w in re.finditer(r"\S+", run.group(0))]
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + 4), i + 1, -1):
                a, b = run.start() + words[i][0], run.start() + words[j - 1][1]
                aid = folded.get(text[a:b].lower())
                if aid is None and j - i == 2 and _CAPS_WORD.fullmatch(text, a, run.start() + words[i][1]):
                    aid = folded.get(" ".join(reversed(text[a:b].lower().split())))  # "KISHIDA Fumio": surname first
                if aid and _CAPS_WORD.search(text, a, b):
                    out.append(_named(registry.get(aid), a, b, text[a:b], seen))
                    i = j - 1
                    break
            i += 1
    return out


_WORD_BEFORE = re.compile(r"([A-Z][a-z]+) $")
# Words of nationality ("Japanese Abe"), not given names.
_NATIONALITY = re.compile(r"(?:ese|ian|an|ish|i|ch)$")


def _given_name_before(text: str, start: int, at: int) -> bool:
    """A capitalised word before a surname inside a sentence that is no title, honorific or
    nationality: a given name, so the words name someone else of that family."""
    w = _WORD_BEFORE.search(text, max(start, at - 30), at)
    if w is None or w.group(1) in _name_words()[0] or w.group(1).lower() in title_words() or _NATIONALITY.search(w.group(1)):
        return False
    before = text[start : w.start()].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"'(\n-–—"


_LATE_KIN = re.compile(r"\b([A-Z][\w-]+(?: [A-Z][\w-]+){0,3})'s (?:late )?(?:widow|widower|family|families|wife|husband|"
                       r"mother|father|son|sons|daughter|daughters|children|relatives|loved ones|next of kin)\b")


def _late_kin(text: str, start: int, end: int, registry: Registry, on: dt.date | None, seen: dict[str, str]) -> list[Mention]:
    """ "Abe's widow", "Raisi's family" after the death: the message goes to the family of the late
    leader, never to whoever holds his office now. The mention stands for the late person, whom no
    message reaches after his death (merge.alive), so no office holder is read in his family's place."""
    out = []
    for m in _LATE_KIN.finditer(text, start, end):
        name = m.group(1)
        actor = registry.resolve(name, on) if name not in registry.by_short else registry.short_on(name, on, seen.get(name))
        if actor is not None and actor.died and on is not None and on >= actor.died:
            out.append(Mention(m.start(), m.end(), m.group(0), actor.name, actor.id, source="kin"))
    return out


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
            before = 0 <= n.start - t.end <= 2 and text[t.end : n.start].strip() in ("", ",") or (
                0 <= n.start - t.end <= 80 and _more_words()[0].fullmatch(text, t.end, n.start) is not None)
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
