"""Listing filters, cursor pagination and full-text search, alike on both backends."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_samples import KIM, LOCAL, PUTIN, XI, document, event, page, report

from missive.errors import InputError
from missive.model import PartialDate
from missive.store import Batch, Query
from missive.store.rows import decode_cursor, encode_cursor

D = PartialDate

# name -> (sender, recipient, type, date, occasion, outlet, language, evidence sentence)
ROWS = {
    "kim-xi-sept": (KIM, XI, "letter", D(2021, 9, 9), "national_day", "Pyongyang Wire", "en",
                    "The chairman sent a warm letter marking the holiday."),
    "xi-kim-month": (XI, KIM, "congratulatory", D(2021, 9), "anniversary", "Beijing Daily", "zh",
                     "The president congratulated the chairman on the anniversary."),
    "kim-putin-year": (KIM, PUTIN, "greetings", D(2021), "new_year", "pyongyang wire", "en",
                       "Greetings for the new year went to Moscow."),
    "putin-kim-oct": (PUTIN, KIM, "verbal", D(2021, 10, 1), "none", "Moscow Herald", "ru",
                      "A verbal message was handed over by the ambassador."),
    "local-undated": (LOCAL, XI, "thanks", None, "thanks", None, "en",
                      "The mayor thanked the president for the flood relief."),
    "xi-putin-2020": (XI, PUTIN, "call", D(2020, 12, 31), "other", "Beijing Daily", "zh",
                      "The two presidents held a telephone call about trade."),
}


@pytest.fixture
def listed(store):
    """The ROWS stored, one page each, with a document whose text names the row."""
    ids: dict[str, str] = {}
    batch_pages, docs, reps = [], [], []
    for n, (name, (s, r, t, d, occ, outlet, lang, sentence)) in enumerate(sorted(ROWS.items())):
        p = page(100 + n, f"Page body for {name}.")
        batch_pages.append(p)
        docs.append(document(p, f"Full article text. Codeword {name.replace('-', '')} appears here.", outlet or "x", lang))
        rep = report(p, s, r, t, d, occ, sentence, outlet, lang)
        reps.append(rep)
        ids[name] = rep.id
    store.write_batch(Batch(pages=batch_pages, documents=docs, reports=reps))
    store.replace_events([event(f"ev-{name}", [rep]) for name, rep in zip(sorted(ROWS), reps)])
    return ids


FILTER_CASES = [
    (Query(sender="kim jong un"), {"kim-xi-sept", "kim-putin-year"}),
    (Query(sender="KIM-JONG-UN"), {"kim-xi-sept", "kim-putin-year"}),
    (Query(recipient="Kim Jong Un"), {"xi-kim-month", "putin-kim-oct"}),
    (Query(party="vladimir-putin"), {"kim-putin-year", "putin-kim-oct", "xi-putin-2020"}),
    (Query(sender="mayor of springfield"), {"local-undated"}),
    (Query(type="letter"), {"kim-xi-sept"}),
    (Query(occasion="anniversary"), {"xi-kim-month"}),
    (Query(since=D(2021, 9, 15)), {"xi-kim-month", "kim-putin-year", "putin-kim-oct"}),
    (Query(since=D(2021, 9, 1), until=D(2021, 9, 30)), {"kim-xi-sept", "xi-kim-month", "kim-putin-year"}),
    (Query(until=D(2020)), {"xi-putin-2020"}),
    (Query(since=D(2021, 10)), {"kim-putin-year", "putin-kim-oct"}),
    (Query(outlet="PYONGYANG WIRE"), {"kim-xi-sept", "kim-putin-year"}),
    (Query(language="ZH"), {"xi-kim-month", "xi-putin-2020"}),
    (Query(text="telephone"), {"xi-putin-2020"}),  # evidence sentence
    (Query(text="codeword kimputinyear"), {"kim-putin-year"}),  # document text
    (Query(text="mayor relief"), {"local-undated"}),
    (Query(text="relief telephone"), set()),  # every term must match
    (Query(sender="Xi Jinping", type="call", language="zh"), {"xi-putin-2020"}),
]


@pytest.mark.parametrize("query,expected", FILTER_CASES)
def test_report_filters(store, listed, query, expected):
    assert {r.id for r in store.reports(query)} == {listed[name] for name in expected}


@pytest.mark.parametrize("query,expected", FILTER_CASES)
def test_event_filters_match_the_same_rows(store, listed, query, expected):
    assert {e.id for e in store.events(query)} == {f"ev-{name}" for name in expected}


def test_date_order_puts_undated_last_both_ways(store, listed):
    up = [r.id for r in store.reports(Query(order="date"))]
    down = [r.id for r in store.reports(Query(order="-date"))]
    assert up[0] == listed["xi-putin-2020"] and up[-1] == listed["local-undated"]
    assert down[0] == listed["putin-kim-oct"] and down[-1] == listed["local-undated"]
    assert up[:-1] == list(reversed(down[:-1]))


@pytest.mark.parametrize("bad", [Query(order="size"), Query(limit=0), Query(after="not a cursor!")])  # type: ignore[arg-type]
def test_bad_listing_arguments_are_input_errors(store, bad):
    with pytest.raises(InputError):
        store.reports(bad)


def test_a_cursor_is_tied_to_its_order(store, listed):
    _, cursor = store.reports_page(Query(limit=2))
    assert cursor is not None
    with pytest.raises(InputError, match="order"):
        store.reports(Query(order="-date", after=cursor))


# -- pagination ------------------------------------------------------------------------


@pytest.fixture
def many(store):
    """Sixty reports with many shared dates and some undated, to stress the tie-breaks."""
    rng = random.Random(7)
    dates = [None, D(2021), D(2021, 5), D(2021, 5, 1), D(2021, 5, 2), D(2022, 1, 1)]
    pages = [page(200 + n) for n in range(60)]
    reps = [report(p, date=rng.choice(dates), type=rng.choice(["letter", "call"])) for p in pages]
    store.write_batch(Batch(pages=pages, reports=reps))
    store.replace_events([event(f"ev-{i:02d}", [r]) for i, r in enumerate(reps)])
    return reps


def _expected_order(reps, order):
    def key(r):
        start = r.date.to_date().isoformat() if r.date else ""
        return (r.date is None, start, r.id)

    dated = sorted((r for r in reps if r.date), key=key, reverse=(order == "-date"))
    return [r.id for r in dated] + sorted(r.id for r in reps if not r.date) if order == "date" else \
        [r.id for r in dated] + sorted((r.id for r in reps if not r.date), reverse=True)


def test_full_listing_is_in_date_then_id_order(store, many):
    for order in ("date", "-date"):
        assert [r.id for r in store.reports(Query(order=order))] == _expected_order(many, order)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(1, 70), order=st.sampled_from(["date", "-date"]), kind=st.sampled_from([None, "letter"]))
def test_paging_yields_every_row_once_in_order(store, many, size, order, kind):
    whole = [r.id for r in store.reports(Query(order=order, type=kind))]
    seen, cursor = [], None
    for _ in range(len(whole) + 2):
        got, cursor = store.reports_page(Query(order=order, type=kind, limit=size, after=cursor))
        seen.extend(r.id for r in got)
        assert (cursor is None) == (len(seen) == len(whole))
        if cursor is None:
            break
    assert seen == whole


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(1, 25), order=st.sampled_from(["date", "-date"]))
def test_event_paging_yields_every_event_once(store, many, size, order):
    whole = [e.id for e in store.events(Query(order=order))]
    seen, cursor = [], None
    while True:
        got, cursor = store.events_page(Query(order=order, limit=size, after=cursor))
        assert all(len(e.reports) == 1 for e in got)
        seen.extend(e.id for e in got)
        if cursor is None:
            break
    assert seen == whole and len(whole) == 60


@given(st.text(max_size=60))
def test_decoding_any_text_as_a_cursor_is_a_value_or_input_error(text):
    try:
        decode_cursor(text, "date")
    except InputError:
        pass


@given(st.integers(0, 1), st.text(max_size=12), st.text(max_size=20), st.sampled_from(["date", "-date"]))
def test_cursor_round_trip(undated, sort_date, row_id, order):
    assert decode_cursor(encode_cursor(order, undated, sort_date, row_id), order) == (undated, sort_date, row_id)


def test_iter_reports_streams_in_id_order(store, many, monkeypatch):
    import missive.store.sql as sql

    monkeypatch.setattr(sql, "CHUNK", 7)  # several round trips
    assert [r.id for r in store.iter_reports()] == sorted(r.id for r in many)


# -- full-text search --------------------------------------------------------------------


def test_search_finds_documents_with_a_snippet(store, listed):
    hits = store.search("codeword kimxisept")
    assert len(hits) == 1
    assert "kimxisept" in hits[0].snippet.lower() and "[" in hits[0].snippet
    assert store.document(hits[0].page_hash).text.startswith("Full article text.")
    assert len(store.search("article", limit=3)) == 3


HOSTILE = [
    '"', "'", '"unbalanced', "NEAR(a b)", "a NEAR b", "*", "art*", "^article", "a OR b AND NOT c",
    "'; DROP TABLE reports; --", "\" OR 1=1 --", "title:article", "(((", "-article", "article:*",
    "%", "_", "?", "$1", "\\", "\x00", "text & !article | (codeword)", "{title text}: article",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_search_text_gives_results_or_input_error(store, listed, text):
    for call in (lambda: store.search(text), lambda: store.reports(Query(text=text))):
        try:
            assert isinstance(call(), list)
        except InputError:
            pass
    assert store.stats()["reports"] == len(ROWS)  # nothing was dropped


def test_empty_search_is_an_input_error(store):
    with pytest.raises(InputError):
        store.search("   ")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=30))
def test_any_search_text_is_safe(store, listed, text):
    try:
        store.search(text)
        store.events(Query(text=text))
    except InputError:
        pass


def test_an_operator_word_is_searched_as_a_word(store):
    p = page(300)
    store.write_batch(Batch(pages=[p], documents=[dataclasses.replace(document(p), text="They met NEAR the border.")]))
    assert [h.page_hash for h in store.search("near border")] == [p.hash]
    assert store.search("NEAR") and not store.search("far")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.text(max_size=20))
def test_any_filter_value_is_a_result_or_input_error(store, listed, value):
    for query in (Query(sender=value), Query(outlet=value), Query(party=value, language=value)):
        try:
            assert isinstance(store.reports(query), list)
        except InputError:
            assert "\x00" in value


# -- unspaced scripts: a Chinese or Korean term is found inside a longer run ---------------

CJK_DOCS = {
    "zh": "朝鲜最高领导人向中国国家主席致贺电，祝贺国庆节。",
    "ko": "위원장은 러시아 대통령에게 축전을 보냈다고 통신이 전했다.",
    "en": "The foreign minister wrote to his counterpart.",
}


@pytest.fixture
def cjk(store):
    ids = {}
    pages, docs, reps = [], [], []
    for n, (lang, text) in enumerate(sorted(CJK_DOCS.items())):
        p = page(400 + n, text)
        pages.append(p)
        docs.append(dataclasses.replace(document(p, text, language=lang), title=None))
        reps.append(report(p, sentence=text, language=lang))
        ids[lang] = (p.hash, reps[-1].id)
    store.write_batch(Batch(pages=pages, documents=docs, reports=reps))
    return ids


@pytest.mark.parametrize(
    "text,expected",
    [
        ("国家主席", {"zh"}),  # inside a run of Han characters
        ("贺电 国庆", {"zh"}),
        ("대통령", {"ko"}),  # a Hangul word with a particle glued on
        ("축전 러시아", {"ko"}),
        ("대통령 国家主席", set()),
        ("counterpart", {"en"}),
        ("minister 대통령", set()),
    ],
)
def test_unspaced_terms_match_inside_words(store, cjk, text, expected):
    assert {h.page_hash for h in store.search(text)} == {cjk[k][0] for k in expected}
    assert {r.id for r in store.reports(Query(text=text))} == {cjk[k][1] for k in expected}


def test_unspaced_snippet_marks_the_term(store, cjk):
    (hit,) = store.search("国家主席")
    assert "[国家主席]" in hit.snippet
