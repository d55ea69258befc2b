"""Chinese and Korean names of registry actors, from ``data/actors/names-cjk.yaml``.

The registry merges the names in (so every stage that looks a name up knows
them); the CJK extractor also reads the short forms, role phrases and titles.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...errors import DataError
from ...resources import load_data

if TYPE_CHECKING:
    from ..registry import Actor

FILE = "actors/names-cjk.yaml"
NAME_KEYS = ("zh", "zh-Hant", "ko")
LANGS = ("zh", "ko")


@dataclass(frozen=True)
class CjkNames:
    """What the CJK extractor knows about names beyond the registry's own."""

    names: dict[str, dict[str, tuple[str, ...]]]  # actor id -> zh/zh-Hant/ko -> names
    short: dict[str, dict[str, tuple[str, ...]]]  # lang -> short form -> actor ids
    roles: dict[str, dict[str, str]]  # lang -> role phrase -> actor id
    titles: dict[str, tuple[str, ...]]  # lang -> title words, longest first


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{FILE}: {where}: expected a list of names")
    return tuple(value)


@functools.cache
def load_cjk_names() -> CjkNames:
    """Load and check ``names-cjk.yaml`` (cached)."""
    data = load_data(FILE)
    if not isinstance(data, dict) or not isinstance(data.get("actors"), dict) or not isinstance(data.get("titles"), dict):
        raise DataError(f"{FILE}: expected 'actors' and 'titles' mappings")
    names: dict[str, dict[str, tuple[str, ...]]] = {}
    short: dict[str, dict[str, list[str]]] = {lang: {} for lang in LANGS}
    roles: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
    for aid, entry in sorted(data["actors"].items()):
        if not isinstance(entry, dict):
            raise DataError(f"{FILE}: {aid}: expected a mapping")
        unknown = set(entry) - {*NAME_KEYS, "short", "roles"}
        if unknown:
            raise DataError(f"{FILE}: {aid}: unknown keys {sorted(unknown)}")
        names[aid] = {k: _strings(entry[k], f"{aid}.{k}") for k in NAME_KEYS if k in entry}
        for section, table in (("short", short), ("roles", roles)):
            for lang, forms in (entry.get(section) or {}).items():
                if lang not in LANGS:
                    raise DataError(f"{FILE}: {aid}.{section}: unknown language {lang!r}")
                for form in forms or []:
                    if section == "short":
                        table[lang].setdefault(form, []).append(aid)
                    elif table[lang].setdefault(form, aid) != aid:
                        raise DataError(f"{FILE}: role {form!r} names two actors")
    titles = {}
    for lang in LANGS:
        titles[lang] = tuple(sorted(_strings(data["titles"].get(lang), f"titles.{lang}"), key=lambda t: (-len(t), t)))
    return CjkNames(
        names=names,
        short={lang: {k: tuple(v) for k, v in table.items()} for lang, table in short.items()},
        roles=roles,
        titles=titles,
    )


def merge_cjk_names(actors: list[Actor]) -> list[Actor]:
    """Return the actors with the names of ``names-cjk.yaml`` added (DataError on an unknown id)."""
    extra = load_cjk_names().names
    known = {a.id for a in actors}
    missing = sorted(set(extra) - known)
    if missing:
        raise DataError(f"{FILE}: no registry actor {', '.join(missing)}")
    out = []
    for actor in actors:
        add = extra.get(actor.id)
        if not add:
            out.append(actor)
            continue
        merged = {k: tuple(v) for k, v in actor.names.items()}
        for key, forms in add.items():
            merged[key] = tuple(dict.fromkeys((*merged.get(key, ()), *forms)))
        out.append(replace(actor, names=merged))
    return out
