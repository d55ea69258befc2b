"""People named in Chinese or Korean text: registry names, short forms before a title, role phrases.

Offsets are into the matching copy (same as ``doc.text``). Names resolve to the
registry actor, so the report carries the canonical English name.
"""

from __future__ import annotations

import functools
import re

from ..mentions import Mention
from ..registry import Registry
from .names import load_cjk_names
from .text import normalize

PRONOUN = "@pronoun"  # a mention standing for the addressee of the speaker ("당신", "您")
BOTH = "@both"  # "the two leaders": the page's two principals


@functools.cache
def _name_table(registry: Registry, language: str) -> tuple[dict[str, str], re.Pattern]:
    """Every written form of the language -> actor id, and one regex over them (longest first)."""
    keys = ("zh", "zh-Hant") if language == "zh" else ("ko",)
    table: dict[str, str] = {}
    for actor in registry.actors.values():
        for key in keys:
            for form in actor.names.get(key, ()):
                table.setdefault(normalize(form, language), actor.id)
    for phrase, aid in load_cjk_names().roles[language].items():
        table.setdefault(normalize(phrase, language), aid)
    forms = sorted(table, key=lambda s: (-len(s), s))
    left = r"(?<![가-힣])" if language == "ko" else ""
    return table, re.compile(left + "(" + "|".join(map(re.escape, forms)) + ")")


@functools.cache
def _short_re(language: str) -> re.Pattern | None:
    cjk = load_cjk_names()
    shorts = sorted(cjk.short[language], key=lambda s: (-len(s), s))
    if not shorts:
        return None
    titles = "|".join(map(re.escape, cjk.titles[language]))
    left = r"(?<![가-힣])" if language == "ko" else r"(?<![\u4e00-\u9fff])"
    gap = r" ?" if language == "ko" else ""
    return re.compile(left + "(" + "|".join(map(re.escape, shorts)) + ")" + gap + "(?=" + titles + ")")


_KO_FULL = re.compile(r"[가-힣]{3}")  # a Korean full name: surname and a two-syllable given name
_NEVER = re.compile(r"(?!)")


@functools.cache
def _surname_re(surnames: tuple[str, ...], language: str) -> re.Pattern:
    """Surnames the page has named in full, right before a title ("이 대통령은")."""
    if not surnames or language != "ko":
        return _NEVER
    titles = "|".join(map(re.escape, load_cjk_names().titles[language]))
    return re.compile(r"(?<![가-힣])(" + "|".join(map(re.escape, surnames)) + r") ?(?=" + titles + ")")


# zh: an official the registry does not know, named right after a head-of-state title.
_ZH_UNKNOWN = re.compile(r"(?:总统|总理|主席|国王|首相|委员长|总书记|议长|外长)([\u4e00-\u9fff·]{2,5}?)(?=互致|致|向|同|在|就|表示|的|,|、|。|和|与|对|发)")
_ZH_NOT_NAME = re.compile(r"^(?:同志|阁下|先生|女士|致|向|和|与|在|就|等|也|曾|已|均|都|对|还|又|的|首先|随后|当天|今天|日前|表示|强调|指出|说)")


def find_mentions(norm: str, start: int, end: int, registry: Registry, language: str, seen: dict[str, str]) -> list[Mention]:
    """The people named in ``norm[start:end]``, in order; ``seen`` (short form -> id) grows as full names appear."""
    table, name_re = _name_table(registry, language)
    found: list[Mention] = []
    for m in name_re.finditer(norm, start, end):
        aid = table[m.group(1)]
        actor = registry.get(aid)
        found.append(Mention(m.start(), m.end(), m.group(1), actor.name, aid, (), "name"))
        for short, ids in load_cjk_names().short[language].items():
            if aid in ids:
                seen[short] = aid
        if language == "ko" and _KO_FULL.fullmatch(m.group(1)):
            seen[m.group(1)[0]] = aid  # "최선희 ... 최 외무상", "문재인 ... 문 대통령": the surname, once named
    for m in _surname_re(tuple(sorted(set(seen) - set(load_cjk_names().short[language]))), language).finditer(norm, start, end):
        if not any(f.start <= m.start() < f.end for f in found):
            found.append(Mention(m.start(), m.end(), m.group(1), registry.get(seen[m.group(1)]).name, seen[m.group(1)], (), "short"))
    short_re = _short_re(language)
    if short_re is not None:
        for m in short_re.finditer(norm, start, end):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            ids = load_cjk_names().short[language][m.group(1)]
            aid = seen.get(m.group(1)) or (ids[0] if len(ids) == 1 else None)
            if aid:
                found.append(Mention(m.start(), m.end(), m.group(1), registry.get(aid).name, aid, (), "short"))
    roles = load_lexicon_roles(language)
    for key, marker in (("pronoun", PRONOUN), ("both_leaders", BOTH)):
        rx = roles.get(key)
        if isinstance(rx, re.Pattern):
            for m in rx.finditer(norm, start, end):
                found.append(Mention(m.start(), m.end(), m.group(0), marker, None, (), key))
    if language == "zh":
        for m in _ZH_UNKNOWN.finditer(norm, start, end):
            name = m.group(1)
            if _ZH_NOT_NAME.search(name) or any(f.start < m.end(1) and m.start(1) < f.end for f in found):
                continue
            found.append(Mention(m.start(1), m.end(1), name, name, None, (), "unknown"))
    names = [f for f in found if f.source == "name" and f.text not in load_cjk_names().roles[language]]
    # A role phrase right next to the same person's name ("北韩领导人金正恩") is a title, not a second mention.
    found = [f for f in found if not (f.source == "name" and f.text in load_cjk_names().roles[language] and any(
        n.actor_id == f.actor_id and (0 <= f.start - n.end <= 2 or 0 <= n.start - f.end <= 2) for n in names))]
    found.sort(key=lambda x: (x.start, -x.end))
    out: list[Mention] = []
    for f in found:  # drop a mention inside a longer one
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def load_lexicon_roles(language: str) -> dict:
    """The ``roles`` table of the language's cue file."""
    from .lexicon import load_lexicon

    return load_lexicon(language).roles
