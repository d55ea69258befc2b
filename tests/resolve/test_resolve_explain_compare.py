"""explain_event and compare_readouts on events and pages written for the test."""

from __future__ import annotations

import dataclasses

from missive.model import DatedValue, Document, Evidence, PartialDate, Span
from missive.resolve import compare_readouts, explain_event, resolve_events, split_sentences

# Two English readouts of one message, and a round-up that only mentions it.
FULL_A = (
    "Xi Jinping sent a congratulatory message to Kim Jong Un on Thursday. "
    "Xi said the two countries are close neighbours linked by mountains and rivers. "
    "He said he was ready to work with Kim to write a new chapter of friendship. "
    "Xi also praised the \"Great Harvest Campaign\" launched this spring."
)
FULL_B = (
    "Xi Jinping sent a congratulatory message to Kim Jong Un on Thursday! "
    "Xi said the two countries are close neighbours linked by rivers and mountains. "
    "He said he was ready to work with Kim to write a new chapter of friendship."
)
ROUNDUP = (
    "Markets rose on Thursday. The harbour reopened after the storm. "
    "Xi Jinping sent a message to Kim Jong Un. Rain is expected on Friday. "
    "A new bridge opened in the east. Schools start next week. Tickets for the fair are sold out."
)
CHINESE = "习近平致电金正恩，祝贺国庆。习近平表示，两国是山水相连的友好邻邦。"


def doc(name, text, outlet, language="en", published="2021-09-09"):
    return Document(page_hash=f"hash-{name}", source=f"{name}.txt", text=text, outlet=outlet, language=language,
                    published=DatedValue(PartialDate.parse(published), None, "dateline"))


def with_evidence(report, text):
    sentence = split_sentences(text)[0]
    span = Span(sentence.start, sentence.end, sentence.text)
    return dataclasses.replace(report, evidence=(Evidence("type", span, span, "test"),))


def test_split_sentences_keeps_offsets_and_splits_cjk():
    text = "One. Two! 三。四？ Five"
    assert [s.text for s in split_sentences(text)] == ["One.", "Two!", "三。", "四？", "Five"]
    assert all(text[s.start:s.end] == s.text for s in split_sentences(text))


def test_explain_names_the_rules_and_the_disagreements(rep):
    a = rep("a", type="congratulatory", date="2021-09-09")
    b = rep("b", type="greetings", date="2021-09-10")
    [event] = resolve_events([a, b])
    ex = explain_event(event)
    [pair] = ex.pairs
    assert pair.compatible
    assert set(pair.rules) == {"1-day lag", "congratulatory ~ greetings", "same occasion"}
    assert ex.disagreements["type"] == {"congratulatory": (a.id,), "greetings": (b.id,)}
    assert set(ex.disagreements) == {"type", "date"}
    assert ex.independent_pages == 2


def test_explain_flags_near_duplicates_and_forced_pairs(rep):
    a, b = rep("a"), rep("b", type="condolence", occasion="condolence", anniversary=None)
    [event] = resolve_events([a, b], overrides=[("merge", (a.id, b.id))], duplicates={b.page_hash: a.page_hash})
    ex = explain_event(event)
    assert ex.near_duplicates == (b.id,)
    assert [r.near_duplicate for r in ex.reports if r.id == b.id] == [True]
    [pair] = ex.pairs
    assert not pair.compatible and "type differs" in pair.rules


def test_compare_shows_what_one_version_adds(rep):
    ra = with_evidence(rep("a", outlet="Outlet A"), FULL_A)
    rb = with_evidence(rep("b", outlet="Outlet B"), FULL_B)
    [event] = resolve_events([ra, rb])
    docs = {"hash-a": doc("a", FULL_A, "Outlet A", published="2021-09-10"), "hash-b": doc("b", FULL_B, "Outlet B")}
    cmp = compare_readouts(event, docs)
    additions = {x.outlet: x for x in cmp.additions}
    assert set(additions) == {"Outlet A"}
    assert additions["Outlet A"].sentences == ("Xi also praised the \"Great Harvest Campaign\" launched this spring.",)
    assert "Great Harvest Campaign" in additions["Outlet A"].phrases
    assert len(cmp.alignments) == 3  # the reordered "rivers and mountains" sentence still aligns
    assert cmp.first_reports == {"Outlet A": ("2021-09-10", ra.id), "Outlet B": ("2021-09-09", rb.id)}
    assert {v.coverage for v in cmp.versions} == {"full"}


def test_compare_tells_a_roundup_mention_from_a_full_report(rep):
    ra = with_evidence(rep("a", outlet="Outlet A"), FULL_A)
    rc = rep("c", outlet="Digest")
    [event] = resolve_events([ra, rc])
    cmp = compare_readouts(event, {"hash-a": doc("a", FULL_A, "Outlet A"), "hash-c": doc("c", ROUNDUP, "Digest")})
    coverage = {v.outlet: (v.coverage, v.share) for v in cmp.versions}
    assert coverage["Outlet A"] == ("full", 1.0)
    assert coverage["Digest"][0] == "mention" and coverage["Digest"][1] < 0.3


def test_compare_across_languages_works_on_fields(rep):
    ra = with_evidence(rep("a", outlet="Outlet A", date="2021-09-09"), FULL_A)
    rz = rep("z", outlet="Outlet Z", date="2021-09-10", type="greetings", occasion="national_day",
             anniversary=None, language="zh")
    [event] = resolve_events([ra, rz])
    cmp = compare_readouts(event, {"hash-a": doc("a", FULL_A, "Outlet A"), "hash-z": doc("z", CHINESE, "Outlet Z", "zh")})
    assert cmp.alignments == () and cmp.additions == ()  # nothing in the same language to align with
    # occasion kind and anniversary number are compared apart (anniversary: 73 vs none)
    assert set(cmp.field_differences) == {"date", "type", "occasion", "anniversary"}
    assert cmp.field_differences["type"]["greetings"] == ("z.txt (zh)",)


def test_compare_lists_missing_documents(rep):
    [event] = resolve_events([rep("a")])
    cmp = compare_readouts(event, {})
    assert cmp.missing_documents == ("hash-a",)
    assert cmp.versions[0].coverage == "no text"
