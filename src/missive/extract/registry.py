"""The actor registry: who is who, under which names and which titles, when.

Read from ``data/actors/*.yaml`` (listed in ``actors/index.yaml``). Names are
matched as written (case-sensitive); titles are matched lowercase and resolve
to whoever held the office on the date asked about.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from ..errors import DataError
from ..resources import load_data, require_keys


@dataclass(frozen=True)
class Office:
    """One term in one office, with the title phrases that name its holder."""

    org: str
    office: str
    start: dt.date
    end: dt.date | None = None
    titles: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()  # titles other offices use at the same time ("supreme leader"): read from the page's names

    def covers(self, on: dt.date) -> bool:
        """True when ``on`` falls inside this term."""
        return self.start <= on and (self.end is None or on < self.end)


@dataclass(frozen=True)
class Actor:
    """A person in the registry: canonical English name, spellings, offices."""

    id: str
    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    names: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False)
    offices: tuple[Office, ...] = ()
    born: dt.date | None = None
    died: dt.date | None = None
    kin: dict[str, str] = field(default_factory=dict, compare=False, hash=False)  # "brother" -> actor id

    def alive_on(self, on: dt.date | None) -> bool:
        """False only when the registry knows the person had died before ``on``."""
        return on is None or self.died is None or on <= self.died


def _date(value: object, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataError(f"{where}: bad date {value!r}") from exc


def _actor(entry: dict, where: str) -> Actor:
    require_keys(where, entry, ("id", "name", "aliases"))
    offices = []
    for off in entry.get("offices") or []:
        require_keys(where, off, ("org", "office", "start"))
        offices.append(
            Office(
                org=str(off["org"]),
                office=str(off["office"]),
                start=_date(off["start"], where),
                end=_date(off.get("end"), where),
                titles=tuple(t.lower() for t in off.get("titles") or ()),
                shared=tuple(t.lower() for t in off.get("shared") or ()),
            )
        )
    kind = entry.get("kind", "person")
    if kind not in ("person", "organization"):
        raise DataError(f"{where}: {entry['id']}: unknown kind {kind!r}")
    return Actor(
        id=str(entry["id"]),
        name=str(entry["name"]),
        kind=kind,
        aliases=tuple(str(a) for a in entry["aliases"]),
        short=tuple(str(a) for a in entry.get("short") or ()),
        names={k: tuple(v) for k, v in (entry.get("names") or {}).items()},
        offices=tuple(offices),
        born=_date(entry.get("born"), where),
        died=_date(entry.get("died"), where),
        kin={str(k): str(v) for k, v in (entry.get("kin") or {}).items()},
    )


class Registry:
    """Look actors up by id, by a name as written, or by a title on a date."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors: dict[str, Actor] = {}
        self.by_alias: dict[str, str] = {}
        self.by_short: dict[str, list[str]] = {}
        self.by_title: dict[str, list[tuple[Office, str]]] = {}
        self.by_shared: dict[str, list[tuple[Office, str]]] = {}  # titles two holders use at once
        for actor in actors:
            if actor.id in self.actors:
                raise DataError(f"actors: duplicate id {actor.id!r}")
            self.actors[actor.id] = actor
            for alias in (actor.name, *actor.aliases, *(n for v in actor.names.values() for n in v)):
                other = self.by_alias.setdefault(alias, actor.id)
                if other != actor.id:
                    raise DataError(f"actors: alias {alias!r} names both {other} and {actor.id}")
            for short in actor.short:
                self.by_short.setdefault(short, []).append(actor.id)
            for office in actor.offices:
                for title in office.titles:
                    self.by_title.setdefault(title, []).append((office, actor.id))
                for title in office.shared:
                    self.by_shared.setdefault(title, []).append((office, actor.id))
        self.check_kin()

    def check_kin(self) -> None:
        """Every ``kin`` entry must name an actor of the registry."""
        for actor in self.actors.values():
            for rel, other in sorted(actor.kin.items()):
                if other not in self.actors:
                    raise DataError(f"actors: {actor.id}: kin {rel!r} names unknown actor {other!r}")

    def get(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError if unknown)."""
        return self.actors[actor_id]

    def holders(self, title: str, on: dt.date | None) -> list[Actor]:
        """Everyone who held an office named by ``title`` on ``on`` (with no date: ever)."""
        bare = title.lower().strip()
        bare = bare[4:] if bare.startswith("the ") else bare
        terms = [t for key in (bare, "the " + bare) for t in (*self.by_title.get(key, ()), *self.by_shared.get(key, ()))]
        if on is not None:
            ids = sorted({aid for office, aid in terms if office.covers(on)})
        else:
            ids = sorted({aid for _, aid in terms})
        return [self.actors[i] for i in ids]

    def holder(self, title: str, on: dt.date | None) -> Actor | None:
        """Who held the office named by ``title`` on ``on``; with no date, only an unambiguous holder."""
        found = self.holders(title, on)
        return found[0] if len(found) == 1 else None

    def short_on(self, short: str, on: dt.date | None, named: str | None = None) -> Actor | None:
        """The one person a short name ("Kim") can mean on ``on``.

        ``named`` is the actor the page already named in full under this short name; it
        wins unless the page's date is after that person's death and someone else alive
        shares the name. Otherwise the one living bearer, or the one in office that day;
        with no date, a person with no known death is taken before the dead.
        """
        ids = self.by_short.get(short, [])
        if len(ids) == 1 or named and self.actors[named].alive_on(on):
            return self.actors[named or ids[0]] if ids else None
        people = [self.actors[i] for i in ids]
        live = [a for a in people if a.alive_on(on)] if on else [a for a in people if a.died is None] or people
        if len(live) > 1 and on is not None:
            live = [a for a in live if any(o.covers(on) for o in a.offices)] or live
        if len(live) == 1:
            return live[0]
        return self.actors[named] if named else None

    def contemporaries(self, a_id: str | None, b_id: str | None) -> bool:
        """False only when the registry shows that one of two people had died years before the other
        took a first office the registry knows (or, with no office, came of age): no message passed
        between them ("the friendship nurtured by Ho Chi Minh" on a page with no date, beside Nguyen
        Phu Trong). Five years' grace covers offices held before those listed. Unknown people always are."""
        a, b = self.actors.get(a_id or ""), self.actors.get(b_id or "")
        if a is None or b is None:
            return True
        for dead, other in ((a, b), (b, a)):
            starts = [o.start.year for o in other.offices]
            began = min(starts) if starts else (other.born.year + 25 if other.born else None)
            if dead.died and began and dead.died.year < began - 5:
                return False
        return True

    def resolve(self, name_or_title: str, on: dt.date | None = None) -> Actor | None:
        """Resolve a full name, a spelling, a unique short name, or a title held on ``on``."""
        text = " ".join(name_or_title.split())
        if text in self.by_alias:
            return self.actors[self.by_alias[text]]
        actor = self.short_on(text, on) if text in self.by_short else None
        if actor is not None:
            return actor
        bare = text.lower()
        for prefix in ("the ", "comrade ", "respected "):
            if bare.startswith(prefix):
                bare = bare[len(prefix):]
        return self.holder(bare, on)


@functools.cache
def load_registry() -> Registry:
    """Load and check every actors file named in ``actors/index.yaml`` (cached)."""
    index = load_data("actors/index.yaml")
    if not isinstance(index, dict) or not isinstance(index.get("files"), list):
        raise DataError("actors/index.yaml: expected a 'files' list")
    actors: list[Actor] = []
    for name in index["files"]:
        entries = load_data(name)
        if not isinstance(entries, list):
            raise DataError(f"{name}: expected a list of actors")
        actors.extend(_actor(e, name) for e in entries)
    from .cjk.names import merge_cjk_names  # Chinese and Korean names: data/actors/names-cjk.yaml

    return Registry(merge_cjk_names(actors))
