"""An event's id survives re-resolution, so links and notes to it keep working."""

from __future__ import annotations

from missive.resolve import MergeOverride, merge_into, report_id_in, resolve_events


def test_an_event_keeps_its_id_when_a_report_with_a_smaller_id_joins(rep):
    one, two = sorted([rep("xinhua"), rep("kcna")], key=lambda r: r.id)
    (first,) = resolve_events([two])
    (after,) = merge_into([first], [one])
    assert {r.id for r in after.reports} == {one.id, two.id}
    assert after.id == first.id == "ev-" + two.id
    # Resolving from nothing, with no ids to keep, still names it by its smallest report.
    (fresh,) = resolve_events([one, two])
    assert fresh.id == "ev-" + one.id


def test_when_two_events_merge_the_lost_id_still_leads_to_the_event(rep):
    a, b = rep("a", date="2021-09-09"), rep("b", date="2021-09-20")
    before = resolve_events([a, b])
    assert len(before) == 2
    # An analyst merges them: one id survives, the other's report is in that event.
    (merged,) = resolve_events([a, b], [MergeOverride((a.id, b.id))], keep_ids=frozenset(e.id for e in before))
    (lost,) = {e.id for e in before} - {merged.id}
    assert merged.id in {e.id for e in before}
    assert report_id_in(lost) in {r.id for r in merged.reports}


def test_a_kept_id_is_used_only_while_its_report_is_in_the_event(rep):
    a, b = rep("a", date="2021-09-09"), rep("b", date="2022-09-09")
    stale = "ev-" + b.id
    events = resolve_events([a, b], keep_ids=frozenset({stale}))
    by_id = {e.id: {r.id for r in e.reports} for e in events}
    assert by_id[stale] == {b.id}
    assert by_id["ev-" + a.id] == {a.id}
