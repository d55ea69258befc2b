"""The actor registry as the analyst's desk sees it: names and offices over time.

The registry lives in ``data/actors/*.yaml`` (written for the extractor); this
module reads it through ``missive.resources`` only, never through ``extract``,
and accepts the few spellings of its keys that a hand-written file may use.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from typing import Any

from ..errors import DataError
from ..resources import list_data, load_data

ACTORS_DIR = "actors"


@dataclass(frozen=True)
class Office:
    """One office an actor held: title, where, and from/to as ISO (partial) dates."""

    title: str
    country: str | None = None
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class RegistryActor:
    """One registry entry: id, canonical name, kind, other names, offices held."""

    id: str
    name: str
    kind: str = "person"
    country: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    born: str | None = None  # ISO date of birth, where the registry gives it


def _first(entry: dict, *keys: str) -> Any:
    for key in keys:
        if entry.get(key) not in (None, ""):
            return entry[key]
    return None


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _aliases(entry: dict) -> tuple[str, ...]:
    """Collect other names whether written as a list or as a language -> names mapping."""
    out: list[str] = []
    for key in ("aliases", "names", "mentions"):
        value = entry.get(key)
        if isinstance(value, dict):
            for names in value.values():
                out.extend(names if isinstance(names, list) else [names])
        elif isinstance(value, list):
            out.extend(value)
    return tuple(dict.fromkeys(str(n) for n in out if n))


def _office(source: str, raw: Any) -> Office:
    if isinstance(raw, str):
        return Office(title=raw)
    if not isinstance(raw, dict):
        raise DataError(f"{source}: an office must be a mapping, got {raw!r}")
    title = _first(raw, "title", "office", "role", "name")
    if title is None:
        raise DataError(f"{source}: office {raw!r} has no title")
    return Office(
        title=str(title),
        country=_text(_first(raw, "country", "state", "org", "of")),
        start=_text(_first(raw, "from", "start", "since", "begin")),
        end=_text(_first(raw, "to", "end", "until")),
    )


def _actor(source: str, entry: Any) -> RegistryActor:
    if not isinstance(entry, dict) or not entry.get("id"):
        raise DataError(f"{source}: every actor needs an id, got {entry!r}")
    name = _first(entry, "name", "canonical", "en")
    if name is None:
        raise DataError(f"{source}: actor {entry['id']!r} has no name")
    offices = tuple(_office(source, o) for o in (_first(entry, "offices", "terms", "titles") or ()))
    return RegistryActor(
        id=str(entry["id"]),
        name=str(name),
        kind=str(entry.get("kind", "person")),
        country=_text(_first(entry, "country", "state")),
        aliases=_aliases(entry),
        offices=tuple(sorted(offices, key=lambda o: (o.start or "", o.title))),
        born=_text(entry.get("born")),
    )


def _entries(source: str, doc: Any) -> list[Any]:
    if doc is None:
        return []
    if isinstance(doc, dict):
        for key in ("actors", "people", "organizations", "entries"):
            if isinstance(doc.get(key), list):
                return doc[key]
        if "id" in doc:
            return [doc]
        # A mapping of id -> entry.
        return [{"id": k, **v} for k, v in doc.items() if isinstance(v, dict)]
    if isinstance(doc, list):
        return doc
    raise DataError(f"{source}: expected a list of actors, got {type(doc).__name__}")


def _extra_names(doc: Any) -> dict[str, list[str]]:
    """Names kept apart from the entries (``actors: {id: {zh: [...], ko: [...]}}``)."""
    out: dict[str, list[str]] = {}
    block = doc.get("actors") if isinstance(doc, dict) else None
    if not isinstance(block, dict):
        return out
    for actor_id, langs in block.items():
        if isinstance(langs, dict):
            for lang, names in langs.items():
                if lang not in ("short", "roles") and isinstance(names, list):
                    out.setdefault(str(actor_id), []).extend(str(n) for n in names)
    return out


@functools.cache
def registry() -> dict[str, RegistryActor]:
    """Load the registry once: actor id -> entry (DataError on a bad file).

    ``actors/index.yaml`` names the files of entries, in order; any other file of
    the folder shaped ``actors: {id: {lang: [names]}}`` adds names to those entries.
    """
    present = list_data(ACTORS_DIR)
    index_name = f"{ACTORS_DIR}/index.yaml"
    index = load_data(index_name) if index_name in present else None
    listed = [str(f) for f in (index or {}).get("files", [])] if isinstance(index, dict) else []
    entry_files = listed or [n for n in present if n != index_name]
    out: dict[str, RegistryActor] = {}
    for name in entry_files:
        for entry in _entries(name, load_data(name)):
            actor = _actor(name, entry)
            out.setdefault(actor.id, actor)
    for name in present:
        if name == index_name or name in entry_files:
            continue
        for actor_id, names in _extra_names(load_data(name)).items():
            if actor_id in out:
                actor = out[actor_id]
                out[actor_id] = replace(actor, aliases=tuple(dict.fromkeys((*actor.aliases, *names))))
    return dict(sorted(out.items()))


def registry_actor(actor_id: str) -> RegistryActor | None:
    """Return the registry entry for ``actor_id``, or None when the registry lacks it."""
    return registry().get(actor_id)
