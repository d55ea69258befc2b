"""Which reports state one act (merge) and which stay apart: one case per rule."""

from __future__ import annotations

import dataclasses

import pytest

from missive.resolve import resolve_events
from missive.resolve import rules


def docs_of(events):
    return sorted(tuple(sorted(r.doc for r in e.reports)) for e in events)


# (case, [report kwargs of page a], [report kwargs of page b], merged?)
CASES = [
    ("same_event_two_outlets_merge", {}, {}, True),
    ("greetings_and_congratulatory_same_occasion_merge", {"type": "congratulatory"}, {"type": "greetings"}, True),
    ("one_day_reporting_lag_merges", {"date": "2021-09-09"}, {"date": "2021-09-10"}, True),
    ("received_date_two_days_later_merges", {"date": "2021-09-09"}, {"date": "2021-09-11", "basis": "received"}, True),
    ("two_day_gap_same_basis_stays_apart", {"date": "2021-09-09"}, {"date": "2021-09-11"}, False),
    ("unnamed_message_matches_named_type", {"type": "congratulatory"}, {"type": "message"}, True),
    ("condolence_and_congratulatory_stay_apart", {"type": "condolence", "occasion": "condolence", "anniversary": None},
     {"type": "congratulatory"}, False),
    ("congratulation_and_later_thanks_stay_apart", {},
     {"type": "thanks", "occasion": "thanks", "anniversary": None, "date": "2021-09-10"}, False),
    ("same_occasion_consecutive_years_stay_apart", {"date": "2021-09-09", "anniversary": 73},
     {"date": "2022-09-09", "anniversary": 74}, False),
    ("different_anniversary_numbers_stay_apart", {"anniversary": 73}, {"anniversary": 75}, False),
    ("anniversary_and_national_day_merge", {"occasion": "anniversary"}, {"occasion": "national_day", "anniversary": None}, True),
    ("unstated_occasion_matches_any", {}, {"occasion": "none", "anniversary": None}, True),
    ("different_recipients_same_day_stay_apart", {"recipient": "Nguyen Phu Trong"}, {"recipient": "Thongloun Sisoulith"}, False),
    ("message_and_reply_reversed_pair_stay_apart", {},
     {"sender": "Kim Jong Un", "recipient": "Xi Jinping", "type": "message", "reply": True}, False),
    ("spelling_variant_of_name_merges", {"recipient": "Kim Jong Un"}, {"recipient": "Kim Jong-un"}, True),
    ("transliteration_variant_merges", {"sender": "Alexander Lukashenko"}, {"sender": "Alexander Lukashenka"}, True),
    ("different_person_same_family_stays_apart", {"sender": "Kim Jong Un"}, {"sender": "Kim Jong Il"}, False),
    ("surname_alone_merges_with_full_name", {"sender": "Vladimir Putin"}, {"sender": "Putin"}, True),
    ("same_month_dates_merge", {"date": "2021-09"}, {"date": "2021-09"}, True),
    ("call_and_written_message_stay_apart", {"type": "call"}, {"type": "message"}, False),
]


@pytest.mark.parametrize("case,a,b,merged", CASES, ids=[c[0] for c in CASES])
def test_merge_rule(rep, case, a, b, merged):
    events = resolve_events([rep("a", **a), rep("b", **b)])
    assert len(events) == (1 if merged else 2), case


def test_two_acts_on_one_page_stay_apart(rep):
    # A page stating a phone call and a written message the same day states two acts.
    events = resolve_events([rep("a", type="call"), rep("a", type="congratulatory"), rep("b", type="congratulatory")])
    assert docs_of(events) == [("a.txt",), ("a.txt", "b.txt")]


def test_month_date_fits_day_when_coarse_dates_contain(rep, monkeypatch):
    contain = dataclasses.replace(rules.config(), coarse_dates="contain")
    monkeypatch.setattr(rules, "config", lambda: contain)
    assert len(resolve_events([rep("a", date="2021-09-09"), rep("b", date="2021-09")])) == 1
    assert len(resolve_events([rep("a", date="2021-09-09"), rep("b", date="2021-10")])) == 2


def test_month_date_kept_apart_from_day_by_default(rep):
    # The default ("exact") follows the evaluation: a recalled "September" message is its own event.
    assert rules.config().coarse_dates == "exact"
    assert len(resolve_events([rep("a", date="2021-09-09"), rep("b", date="2021-09")])) == 2


def test_ambiguous_month_report_joins_neither_event(rep, monkeypatch):
    # "2021-07" fits both the July 1 and the July 11 messages equally: it must not pick one by chance.
    contain = dataclasses.replace(rules.config(), coarse_dates="contain")
    monkeypatch.setattr(rules, "config", lambda: contain)
    reports = [rep("a", date="2021-07-01", anniversary=None), rep("b", date="2021-07-11", anniversary=None),
               rep("c", date="2021-07", anniversary=None)]
    assert docs_of(resolve_events(reports)) == [("a.txt",), ("b.txt",), ("c.txt",)]


def test_no_chaining_through_a_middle_report(rep):
    # a~b (1 day) and b~c (1 day) but a and c are 2 days apart: c may not ride in on b.
    reports = [rep("a", date="2021-09-09"), rep("b", date="2021-09-10"), rep("c", date="2021-09-11")]
    events = resolve_events(reports)
    assert docs_of(events) == [("a.txt", "b.txt"), ("c.txt",)]


def test_event_fields_follow_the_choice_rules(rep):
    reports = [
        rep("a", type="greetings", date="2021-09-10", basis="published"),
        rep("b", type="congratulatory", date="2021-09-09"),
        rep("c", type="congratulatory", date="2021-09-09", occasion="none", anniversary=None),
        rep("d", type="message", date="2021-09-10", basis="published"),
    ]
    [event] = resolve_events(reports)
    assert event.type == "congratulatory"  # the most common named type
    assert event.date.iso() == "2021-09-09"  # a "sent" date wins over "published"
    assert (event.occasion.kind, event.occasion.anniversary) == ("anniversary", 73)
    assert event.id == "ev-" + min(r.id for r in reports)


def test_same_report_twice_counts_once(rep):
    [event] = resolve_events([rep("a"), rep("a"), rep("b")])
    assert len(event.reports) == 2
