"""Analyst overrides: merge forces reports together, split cuts them out, later wins."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from missive.errors import InputError
from missive.resolve import MergeOverride, SplitOverride, resolve_events


def partition(events):
    return sorted(tuple(sorted(r.doc[0] for r in e.reports)) for e in events)


@pytest.fixture
def reports(rep):
    # a, b, c state one act; d is the same pair a year later.
    return [rep("a"), rep("b", date="2021-09-10"), rep("c", type="greetings"), rep("d", date="2022-09-09", anniversary=74)]


def ids(reports, pages):
    return tuple(r.id for r in reports if r.doc[0] in pages)


def test_merge_override_joins_what_the_rules_keep_apart(reports):
    events = resolve_events(reports, [MergeOverride(ids(reports, "ad"))])
    # a and d are forced together; b and c fit a but not d, so they may not ride in (complete linkage).
    assert partition(events) == [("a", "d"), ("b", "c")]


def test_split_override_cuts_reports_out_into_their_own_event(reports):
    events = resolve_events(reports, [SplitOverride(ids(reports, "c"))])
    assert partition(events) == [("a", "b"), ("c",), ("d",)]


def test_split_of_several_reports_keeps_them_together(reports):
    events = resolve_events(reports, [SplitOverride(ids(reports, "bc"))])
    assert partition(events) == [("a",), ("b", "c"), ("d",)]


def test_later_merge_wins_over_earlier_split(reports):
    events = resolve_events(reports, [SplitOverride(ids(reports, "c")), MergeOverride(ids(reports, "ac"))])
    # The merge pulls a inside c's fence; b stays outside it.
    assert partition(events) == [("a", "c"), ("b",), ("d",)]


def test_later_split_wins_over_earlier_merge(reports):
    events = resolve_events(reports, [MergeOverride(ids(reports, "ad")), SplitOverride(ids(reports, "d"))])
    assert partition(events) == [("a", "b", "c"), ("d",)]


@pytest.mark.parametrize("shape", ["tuple", "store-like object"])
def test_override_shapes_accepted(reports, shape):
    raw = ("split", ids(reports, "c")) if shape == "tuple" else SimpleNamespace(kind="split", report_ids=ids(reports, "c"))
    assert partition(resolve_events(reports, [raw])) == [("a", "b"), ("c",), ("d",)]


def test_override_of_unknown_reports_is_ignored(reports):
    assert partition(resolve_events(reports, [SplitOverride(("gone-report",))])) == partition(resolve_events(reports))


@pytest.mark.parametrize("bad", [("join", ("x",)), ("merge", "abc"), object()])
def test_malformed_override_raises_input_error(reports, bad):
    with pytest.raises(InputError):
        resolve_events(reports, [bad])
