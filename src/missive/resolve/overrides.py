"""Analyst overrides: force reports into one event, or cut them out into their own.

The store's ``Override`` cannot be imported here (stages do not import each
other), so this module has its own two types and accepts anything shaped like
them: a ``MergeOverride``/``SplitOverride``, an object with ``kind`` and
``report_ids`` attributes (the store's ``Override``), or a ``(kind, ids)`` tuple.

Overrides apply in the order given (the store lists them oldest first), so a
later decision wins over an earlier one where they touch the same reports:

- ``merge(ids)``: the listed reports end in one event, whatever the rules say.
- ``split(ids)``: the listed reports leave their event and form one event of
  their own; no rule may join them with any report outside the list again.

Ids of reports that are not in the input are ignored (the page may be gone);
an override with an unknown kind raises ``InputError``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Literal

from ..errors import InputError


@dataclass(frozen=True)
class MergeOverride:
    """Force these reports into one event."""

    report_ids: tuple[str, ...]
    kind: Literal["merge"] = "merge"


@dataclass(frozen=True)
class SplitOverride:
    """Cut these reports out of their events into one event of their own."""

    report_ids: tuple[str, ...]
    kind: Literal["split"] = "split"


def normalise(override: Any) -> MergeOverride | SplitOverride:
    """Turn any accepted override shape into a MergeOverride or SplitOverride."""
    if isinstance(override, tuple) and len(override) == 2 and isinstance(override[0], str):
        kind, ids = override
    else:
        kind, ids = getattr(override, "kind", None), getattr(override, "report_ids", None)
    if kind not in ("merge", "split") or ids is None or isinstance(ids, str):
        raise InputError(f"not an override (kind 'merge' or 'split' with report ids): {override!r}")
    ids = tuple(sorted(set(ids)))
    return MergeOverride(ids) if kind == "merge" else SplitOverride(ids)


@dataclass
class Constraints:
    """What the overrides leave for clustering: forced groups and fences.

    ``group_of`` maps a report id to the id of its forced group (reports
    without an override are their own group). ``fence_of`` maps a report id to
    the set of split fences it stands inside; two reports may only share an
    event when they stand inside the same fences.
    """

    group_of: dict[str, str]
    fence_of: dict[str, frozenset[int]]


def build_constraints(report_ids: Iterable[str], overrides: Iterable[Any]) -> Constraints:
    """Replay the overrides in order over the known report ids."""
    known = set(report_ids)
    groups: list[set[str]] = []  # merge groups, disjoint
    fences: list[set[str]] = []
    for raw in overrides:
        ov = normalise(raw)
        ids = {i for i in ov.report_ids if i in known}
        if not ids:
            continue
        if isinstance(ov, MergeOverride):
            # Reports from several groups pull their whole groups together.
            touched = [g for g in groups if g & ids]
            groups = [g for g in groups if not g & ids] + [ids.union(*touched)]
            merged = groups[-1]
            # A merge that crosses an older fence widens the fence: the merge wins.
            for fence in fences:
                if fence & merged:
                    fence |= merged
        else:
            groups = [g - ids for g in groups]
            groups = [g for g in groups if len(g) > 1] + [ids]
            for fence in fences:
                fence -= ids
            fences.append(set(ids))
    group_of = {i: i for i in known}
    for g in groups:
        head = min(g)
        for i in g:
            group_of[i] = head
    fence_of = {i: frozenset(n for n, f in enumerate(fences) if i in f) for i in known}
    return Constraints(group_of, fence_of)
