"""Properties of resolve_events: order-free, incremental, lossless, overrides respected."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from missive.model import ActorRef, Evidence, Occasion, PartialDate, Report, Span
from missive.resolve import MergeOverride, SplitOverride, merge_into, report_id_in, resolve_events

PEOPLE = ["Xi Jinping", "Kim Jong Un", "Vladimir Putin"]
DATES = ["2021-09-08", "2021-09-09", "2021-09-10", "2021-09-12", "2021-09", "2021", "2022-09-09", None]


@st.composite
def report(draw):
    sender, recipient = draw(st.permutations(PEOPLE))[:2]
    text = f"{sender} sent a message."
    span = Span(0, len(text), text)
    date = draw(st.sampled_from(DATES))
    page = draw(st.sampled_from("abcdefgh"))
    return Report(
        doc=f"{page}.txt",
        page_hash=f"hash-{page}",
        sender=ActorRef(sender),
        recipient=ActorRef(recipient),
        type=draw(st.sampled_from(["congratulatory", "greetings", "message", "thanks", "condolence", "letter"])),
        date=PartialDate.parse(date) if date else None,
        occasion=Occasion(draw(st.sampled_from(["anniversary", "national_day", "none", "thanks", "condolence"])),
                          draw(st.sampled_from([None, 73, 74]))),
        reply=draw(st.booleans()),
        date_basis=draw(st.sampled_from(["sent", "received", "published"])),
        evidence=(Evidence("sender", span, span, "test"),),
    )


reports = st.lists(report(), max_size=14)


def shape(events):
    """The partition and the fields of events, comparable across runs whatever ids they kept."""
    members = {e.id: tuple(r.id for r in e.reports) for e in events}
    return sorted((members[e.id], e.type, str(e.date), members.get(e.reply_to or "")) for e in events)


@settings(max_examples=60, deadline=None)
@given(reports, st.randoms(use_true_random=False))
def test_order_of_reports_does_not_matter(items, rnd):
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert shape(resolve_events(shuffled)) == shape(resolve_events(items))


@settings(max_examples=60, deadline=None)
@given(reports, st.integers(0, 14))
def test_resolving_in_two_arrivals_equals_one_go(items, cut):
    first = resolve_events(items[:cut])
    assert shape(merge_into(first, items[cut:])) == shape(resolve_events(items))


@settings(max_examples=80, deadline=None)
@given(reports, st.integers(0, 14))
def test_an_event_keeps_its_id_when_more_reports_arrive(items, cut):
    first = resolve_events(items[:cut])
    later = merge_into(first, items[cut:])
    event_of = {r.id: e for e in later for r in e.reports}
    old_ids = {e.id for e in first}
    for event in first:
        # The report an id came from still leads to an event...
        now = event_of[report_id_in(event.id)]
        # ...which kept that id unless it also absorbed an older event (then one of their ids).
        absorbed = sorted(i for i in old_ids if report_id_in(i) in {r.id for r in now.reports})
        assert now.id == absorbed[0]
    # An event with no report from before takes its smallest report id, as in one go.
    for event in later:
        if not any(report_id_in(i) in {r.id for r in event.reports} for i in old_ids):
            assert event.id == "ev-" + min(r.id for r in event.reports)


@settings(max_examples=60, deadline=None)
@given(reports)
def test_every_report_lands_in_exactly_one_event_with_its_evidence(items):
    events = resolve_events(items)
    placed = [r for e in events for r in e.reports]
    assert sorted(r.id for r in placed) == sorted({r.id for r in items})
    by_id = {r.id: r for r in items}
    assert all(r.evidence == by_id[r.id].evidence for r in placed)


@settings(max_examples=60, deadline=None)
@given(reports, st.data())
def test_overrides_are_respected_and_survive_reresolution(items, data):
    ids = sorted({r.id for r in items})
    if len(ids) < 3:
        return
    merged = data.draw(st.lists(st.sampled_from(ids), min_size=2, max_size=4, unique=True))
    split = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True))
    overrides = [MergeOverride(tuple(merged)), SplitOverride(tuple(split))]
    events = resolve_events(items, overrides)
    event_of = {r.id: e.id for e in events for r in e.reports}
    split_set = set(split)
    # The split reports stand together and alone; the merge holds for what the split left.
    assert len({event_of[i] for i in split}) == 1
    split_event = next(e for e in events if e.id == event_of[split[0]])
    assert {r.id for r in split_event.reports} == split_set
    assert len({event_of[i] for i in merged if i not in split_set}) <= 1
    # Re-resolving (in another order, after more arrivals) keeps the decisions.
    again = merge_into(resolve_events(list(reversed(items))[: len(items) // 2], overrides),
                       list(reversed(items))[len(items) // 2:], overrides)
    assert shape(again) == shape(events)
