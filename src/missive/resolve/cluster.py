"""Reports -> events: cluster the reports that state one act, in an order-free way.

The clustering rule, so that A~B and B~C never drag A and C together:

1. Reports are blocked by (sender key, recipient key); acts never cross blocks.
2. Overrides make *atoms*: a forced group is one atom, every other report its own.
3. Atoms are visited in a canonical order: the finest date first (day, then
   month, then year, then none), then by date, then by smallest report id. So
   day-dated reports build the events and vaguer reports attach to them after.
4. An atom joins an event only if every one of its reports is compatible
   (``rules.pair_verdict``) with every report already in the event
   (complete linkage) and it stands inside the same split fences. Among the
   events it could join it takes the one with the highest mean affinity; when
   two events tie for best, the atom is ambiguous and starts its own event.

The input order never matters: the visit order is a function of the set.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import AbstractSet, Any, Iterable, Mapping, Sequence

from ..model import MESSAGE_TYPES, ActorRef, Event, Occasion, PartialDate, Report
from .names import actor_key, name_keys
from .overrides import Constraints, build_constraints
from .replies import link_replies
from .rules import affinity, config, date_span, pair_verdict

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_BASIS_RANK = {"sent": 0, "received": 1, "conveyed": 2, "published": 3}


@dataclass
class _Cluster:
    reports: list[Report] = field(default_factory=list)
    fences: frozenset[int] = frozenset()


def _date_order(r: Report) -> tuple:
    if r.date is None:
        return (3, "")
    return (_PRECISION_RANK[r.date.precision], r.date.iso())


def _atoms(reports: list[Report], cons: Constraints) -> list[list[Report]]:
    by_group: dict[str, list[Report]] = {}
    for r in reports:
        by_group.setdefault(cons.group_of[r.id], []).append(r)
    atoms = [sorted(g, key=lambda r: (_date_order(r), r.id)) for g in by_group.values()]
    return sorted(atoms, key=lambda a: (min(_date_order(r) for r in a), min(r.id for r in a)))


def _months(atom: list[Report], slack: dt.timedelta) -> set[int] | None:
    """The months (year * 12 + month) an atom's dates reach, with the lag as slack; None if undated."""
    months: set[int] = set()
    for r in atom:
        if r.date is None:
            return None
        start, end = date_span(r.date)
        start, end = start - slack, end + slack
        months.update(range(start.year * 12 + start.month, end.year * 12 + end.month + 1))
    return months


def _cluster_block(atoms: list[list[Report]], cons: Constraints, twins: Mapping[str, str]) -> list[list[Report]]:
    clusters: list[_Cluster] = []
    # Month buckets of the clusters, so an atom is only checked against events near its dates.
    by_month: dict[int, set[int]] = {}
    undated: set[int] = set()  # clusters holding an undated report: they may fit any date
    slack = dt.timedelta(days=max(config().same_basis_lag, config().cross_basis_lag))
    for atom in atoms:
        fences = cons.fence_of[atom[0].id]
        months = _months(atom, slack)
        if months is None:
            near: set[int] = set(range(len(clusters)))
        else:
            near = set(undated).union(*(by_month.get(m, ()) for m in months))
        best: list[tuple[float, int]] = []
        for n in sorted(near):
            cl = clusters[n]
            if cl.fences != fences:
                continue
            if not all(pair_verdict(a, b).compatible for a in atom for b in cl.reports):
                continue
            score = sum(affinity(a, b) + 2 * _are_twins(a, b, twins) for a in atom for b in cl.reports)
            best.append((score / (len(atom) * len(cl.reports)), n))
        best.sort(key=lambda s: (-s[0], s[1]))
        if best and (len(best) == 1 or best[0][0] > best[1][0]):
            n = best[0][1]
        else:
            n = len(clusters)
            clusters.append(_Cluster(fences=fences))
        clusters[n].reports.extend(atom)
        if months is None:
            undated.add(n)
        for m in months or ():
            by_month.setdefault(m, set()).add(n)
    return [c.reports for c in clusters]


def _are_twins(a: Report, b: Report, twins: Mapping[str, str]) -> bool:
    """True when the two reports come from near-duplicate pages."""
    return twins.get(a.page_hash, a.page_hash) == twins.get(b.page_hash, b.page_hash)


def resolve_events(
    reports: Iterable[Report],
    overrides: Sequence[Any] = (),
    duplicates: Mapping[str, str] | None = None,
    keep_ids: AbstractSet[str] = frozenset(),
) -> list[Event]:
    """Merge reports of one act into events; the result is independent of input order.

    ``overrides``: see ``missive.resolve.overrides`` (merge/split, applied in
    order). ``duplicates``: page_hash -> canonical page_hash of near-duplicate
    pages (``find_near_duplicates``); their reports are kept but flagged in
    ``Event.duplicate_reports``. ``keep_ids``: the ids events had before this
    run, so that an analyst's link to an event survives a re-resolve (see
    ``build_event``). Replies are linked to the message they answer.
    Events come sorted by (date, id).
    """
    # The same report read twice is one report; where two differ beyond their id
    # (occasion, reply flag), the choice must not depend on which came first.
    unique: dict[str, Report] = {}
    for r in sorted(reports, key=lambda r: (r.id, repr(r))):
        unique.setdefault(r.id, r)
    items = [unique[k] for k in sorted(unique)]
    twins = dict(duplicates or {})
    cons = build_constraints(unique, overrides)
    keys = name_keys([a for r in items for a in (r.sender, r.recipient)])
    blocks: dict[tuple[str, str], list[Report]] = {}
    for r in items:
        blocks.setdefault((actor_key(r.sender, keys), actor_key(r.recipient, keys)), []).append(r)
    # Forced groups can span blocks (an analyst merged two spellings): give them the block of their head.
    head_block: dict[str, tuple[str, str]] = {}
    for block in sorted(blocks):
        for r in blocks[block]:
            head_block.setdefault(cons.group_of[r.id], block)
    regrouped: dict[tuple[str, str], list[Report]] = {}
    for r in items:
        regrouped.setdefault(head_block[cons.group_of[r.id]], []).append(r)
    events = []
    for block in sorted(regrouped):
        for members in _cluster_block(_atoms(regrouped[block], cons), cons, twins):
            events.append(build_event(members, twins, keep_ids))
    events.sort(key=lambda e: (e.date.to_date().isoformat() if e.date else "9999", e.id))
    return link_replies(events)


def merge_into(
    events: Iterable[Event],
    new_reports: Iterable[Report],
    overrides: Sequence[Any] = (),
    duplicates: Mapping[str, str] | None = None,
) -> list[Event]:
    """Add reports to already resolved events; equal to resolving all reports at once.

    A new report can change which events the old ones belong in (it may be
    the day-dated report a month-dated one was waiting for), so this re-resolves
    everything; it is cheap because clustering works per sender/recipient pair.
    """
    events = list(events)
    old = [r for e in events for r in e.reports]
    return resolve_events([*old, *new_reports], overrides, duplicates, keep_ids={e.id for e in events})


# -- the fields of an event ------------------------------------------------

def _choose_actor(actors: list[ActorRef]) -> ActorRef:
    """The most common (registry id, name); ties to the registered, then the smaller name."""
    counts = Counter((a.actor_id or "", a.name) for a in actors)
    (aid, name), _ = min(counts.items(), key=lambda kv: (-kv[1], kv[0][0] == "", kv[0]))
    same = [a for a in actors if (a.actor_id or "", a.name) == (aid, name)]
    return max(same, key=lambda a: (len(a.titles), a.titles, a.kind))


def _choose_date(reports: list[Report]) -> PartialDate | None:
    """The finest date; among those the basis "sent" first, then the most common, then the earliest."""
    dated = [r for r in reports if r.date is not None]
    if not dated:
        return None
    rank = min(_PRECISION_RANK[r.date.precision] for r in dated)
    fine = [r for r in dated if _PRECISION_RANK[r.date.precision] == rank]
    basis = min(_BASIS_RANK.get(r.date_basis, 9) for r in fine)
    fine = [r for r in fine if _BASIS_RANK.get(r.date_basis, 9) == basis]
    counts = Counter(r.date for r in fine)
    return min(counts, key=lambda d: (-counts[d], d.to_date()))


def _choose_type(reports: list[Report]) -> str:
    """The most common named type ("message" only if no page names one); ties by guideline order."""
    named = [r.type for r in reports if r.type != "message"] or [r.type for r in reports]
    counts = Counter(named)
    order = {t: n for n, t in enumerate(MESSAGE_TYPES)}
    return min(counts, key=lambda t: (-counts[t], order.get(t, len(order)), t))


def _choose_occasion(reports: list[Report]) -> Occasion:
    """The most common specific kind, the most common known number, the longest description."""
    kinds = Counter(r.occasion.kind for r in reports if r.occasion.kind not in ("none", "other"))
    if not kinds:
        kinds = Counter(r.occasion.kind for r in reports)
    kind = min(kinds, key=lambda k: (-kinds[k], k))
    numbers = Counter(r.occasion.anniversary for r in reports if r.occasion.anniversary is not None)
    number = min(numbers, key=lambda n: (-numbers[n], n)) if numbers else None
    ofs = sorted({r.occasion.of for r in reports if r.occasion.of}, key=lambda s: (-len(s), s))
    checks = sorted({r.occasion.check for r in reports if r.occasion.check})
    return Occasion(kind, number, ofs[0] if ofs else None, "; ".join(checks) or None)


def duplicate_reports(reports: Iterable[Report], twins: Mapping[str, str]) -> tuple[str, ...]:
    """Ids of reports whose page near-duplicates an earlier-listed page of the same event."""
    first_page: dict[str, str] = {}  # canonical page -> the page of this event that stands for it
    flagged = []
    # Canonical pages first, so the copy (not the original) is the one flagged.
    for r in sorted(reports, key=lambda r: (twins.get(r.page_hash, r.page_hash) != r.page_hash, r.page_hash, r.id)):
        canon = twins.get(r.page_hash, r.page_hash)
        if first_page.setdefault(canon, r.page_hash) != r.page_hash:
            flagged.append(r.id)
    return tuple(sorted(flagged))


def build_event(
    members: list[Report], twins: Mapping[str, str] | None = None, keep_ids: AbstractSet[str] = frozenset()
) -> Event:
    """Make one event from its reports by the documented choice rules.

    Its id is "ev-" + one of its report ids: the one it already had (in ``keep_ids``)
    if that report is still in it, else its smallest report id. So an event keeps its
    id when an earlier report joins it, and an id that vanished (its report moved,
    or two events merged) still leads to the event through that report.
    """
    reports = sorted(members, key=lambda r: r.id)
    kept = sorted(i for i in (event_id_of(r.id) for r in reports) if i in keep_ids)
    return Event(
        id=kept[0] if kept else event_id_of(reports[0].id),
        sender=_choose_actor([r.sender for r in reports]),
        recipient=_choose_actor([r.recipient for r in reports]),
        type=_choose_type(reports),
        date=_choose_date(reports),
        occasion=_choose_occasion(reports),
        # A page that says "in reply to" is evidence; a page that does not say it is silence.
        reply=any(r.reply for r in reports),
        reports=tuple(reports),
        duplicate_reports=duplicate_reports(reports, twins or {}),
    )


def event_id_of(report_id: str) -> str:
    """The id an event takes from one of its reports."""
    return "ev-" + report_id


def report_id_in(event_id: str) -> str | None:
    """The report an event id was taken from (to find an event whose id has changed)."""
    return event_id[3:] if event_id.startswith("ev-") else None


def independent_pages(event: Event) -> int:
    """How many pages confirm the event independently (near-duplicate pages count once)."""
    flagged = set(event.duplicate_reports)
    return len({r.page_hash for r in event.reports if r.id not in flagged})


