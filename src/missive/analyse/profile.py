"""An actor's page: offices over time (registry), correspondents and yearly counts (store)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..errors import NotFoundError
from ..model import ActorRef, Event
from ..store.base import Query, Store
from .counts import actor_key
from .registry import Office, registry_actor


@dataclass(frozen=True)
class Correspondent:
    """Someone the actor exchanged messages with, and how many each way."""

    key: str
    name: str
    sent: int  # events the profiled actor sent to this correspondent
    received: int  # events this correspondent sent to the profiled actor

    @property
    def total(self) -> int:
        return self.sent + self.received


@dataclass(frozen=True)
class YearCount:
    year: int | None
    sent: int
    received: int


@dataclass(frozen=True)
class ActorProfile:
    """Everything the desk shows about one actor."""

    id: str
    name: str
    kind: str
    in_registry: bool
    country: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    correspondents: tuple[Correspondent, ...] = ()
    per_year: tuple[YearCount, ...] = ()
    by_type: dict[str, int] = field(default_factory=dict)
    event_ids: tuple[str, ...] = ()


def _is(ref: ActorRef, actor_id: str) -> bool:
    wanted = actor_id.casefold()
    return actor_key(ref).casefold() == wanted or ref.name.casefold() == wanted


def actor_profile(store: Store, actor_id: str) -> ActorProfile:
    """Build an actor's profile; NotFoundError if neither registry nor store knows them."""
    entry = registry_actor(actor_id)
    events: list[Event] = [
        ev for ev in store.events(Query(party=actor_id)) if _is(ev.sender, actor_id) or _is(ev.recipient, actor_id)
    ]
    if entry is None and not events:
        raise NotFoundError(f"no actor {actor_id!r} in the registry or the store")
    people: dict[str, str] = {}
    sent: dict[str, int] = defaultdict(int)
    received: dict[str, int] = defaultdict(int)
    years: dict[int | None, list[int]] = defaultdict(lambda: [0, 0])
    by_type: dict[str, int] = defaultdict(int)
    self_ref: ActorRef | None = None
    for ev in events:
        outgoing = _is(ev.sender, actor_id)
        me, other = (ev.sender, ev.recipient) if outgoing else (ev.recipient, ev.sender)
        self_ref = self_ref or me
        people.setdefault(actor_key(other), other.name)
        (sent if outgoing else received)[actor_key(other)] += 1
        years[ev.date.year if ev.date else None][0 if outgoing else 1] += 1
        by_type[ev.type] += 1
    correspondents = sorted(
        (Correspondent(k, people[k], sent.get(k, 0), received.get(k, 0)) for k in people),
        key=lambda c: (-c.total, c.name, c.key),
    )
    per_year = tuple(
        YearCount(y, s, r) for y, (s, r) in sorted(years.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))
    )
    return ActorProfile(
        id=entry.id if entry else actor_id,
        name=entry.name if entry else (self_ref.name if self_ref else actor_id),
        kind=entry.kind if entry else (self_ref.kind if self_ref else "person"),
        in_registry=entry is not None,
        country=entry.country if entry else None,
        aliases=entry.aliases if entry else (),
        offices=entry.offices if entry else (),
        correspondents=tuple(correspondents),
        per_year=per_year,
        by_type=dict(sorted(by_type.items())),
        event_ids=tuple(ev.id for ev in sorted(events, key=lambda e: (e.date is None, e.date or 0, e.id))),  # type: ignore[arg-type]
    )


@dataclass(frozen=True)
class ActorSummary:
    """One actor of the desk's index: registry entries and everyone the store names."""

    id: str
    name: str
    kind: str
    in_registry: bool
    sent: int = 0
    received: int = 0


def list_actors(store: Store, q: str | None = None) -> list[ActorSummary]:
    """Every registry actor and every actor named in stored events, busiest first.

    ``q`` keeps actors whose id, name or other names contain it (case-insensitive).
    """
    sent: dict[str, int] = defaultdict(int)
    received: dict[str, int] = defaultdict(int)
    seen: dict[str, ActorRef] = {}
    for ev in store.events(Query()):
        for ref, tally in ((ev.sender, sent), (ev.recipient, received)):
            seen.setdefault(actor_key(ref), ref)
            tally[actor_key(ref)] += 1
    from .registry import registry

    reg = registry()
    out = []
    for key in sorted(set(seen) | set(reg)):
        entry, ref = reg.get(key), seen.get(key)
        names = (entry.name, *entry.aliases) if entry else (ref.name,)  # type: ignore[union-attr]
        if q and not any(q.casefold() in n.casefold() for n in (key, *names)):
            continue
        out.append(
            ActorSummary(
                id=key,
                name=entry.name if entry else ref.name,  # type: ignore[union-attr]
                kind=entry.kind if entry else ref.kind,  # type: ignore[union-attr]
                in_registry=entry is not None,
                sent=sent.get(key, 0),
                received=received.get(key, 0),
            )
        )
    return sorted(out, key=lambda a: (-(a.sent + a.received), a.name, a.id))
