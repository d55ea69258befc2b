"""An event or report listing filtered by text has two plans, chosen per search: a rare word
starts from the reports that hold it, a common one checks events in listing order. Both
must find the same events and reports, on both backends."""

from __future__ import annotations

import dataclasses

import pytest
from store_samples import KIM, PUTIN, XI, document, event, page, report

from missive.model import PartialDate
from missive.store import Batch, Query, filters

D = PartialDate
# (page text, evidence sentence, outlet): words in the page only, in the evidence only, in both.
ROWS = [
    ("The harvest festival greetings reached the capital.", "A letter about the harvest was sent.", "North Wire"),
    ("Talks on rail links went on all week.", "A letter praised the harvest and the railway.", "South Post"),
    ("A harvest of grain and a festival of lanterns.", "The envoy carried a message of thanks.", "North Wire"),
    ("Shipping news only.", "Condolences over the flood were conveyed.", "South Post"),
    ("朝鲜领导人致电祝贺果园丰收。", "致电祝贺丰收。", "East Daily"),
]
SEARCHES = [
    Query(text="harvest"),
    Query(text="harvest festival"),
    Query(text="railway"),
    Query(text="harvest", outlet="North Wire"),
    Query(text="丰收"),
    Query(text="harvest 丰收"),
    Query(text="volcano"),
    Query(text="harvest", sender="kim-jong-un", order="-date"),
]


@pytest.fixture
def texts(store):
    pages, docs, reps = [], [], []
    for n, (text, sentence, outlet) in enumerate(ROWS):
        p = page(950 + n, text)
        pages.append(p)
        docs.append(dataclasses.replace(document(p, text, outlet=outlet), title=None))
        sender, recipient = [(KIM, XI), (XI, KIM), (KIM, PUTIN)][n % 3]
        reps.append(report(p, sender, recipient, date=D(2020, 1, n + 1), sentence=sentence, outlet=outlet))
    store.write_batch(Batch(pages=pages, documents=docs, reports=reps))
    store.replace_events([event(f"ev-{n}", [r]) for n, r in enumerate(reps)])
    return store


def found(store, query):
    return (
        [e.id for e in store.events(query)],
        [r.id for r in store.reports(query)],
        store.count_events(query, "pair"),
        store.count_page(query, "type", limit=5),
    )


@pytest.mark.parametrize("query", SEARCHES, ids=[q.text + (f" +{q.outlet or q.sender or ''}") for q in SEARCHES])
def test_both_plans_find_the_same_events_and_reports(texts, query, monkeypatch):
    monkeypatch.setattr(texts, "_text_rare", lambda cur, text: True)
    from_reports = found(texts, query)
    monkeypatch.setattr(texts, "_text_rare", lambda cur, text: False)
    walked = found(texts, query)
    assert from_reports == walked
    if query.text == "harvest" and not (query.outlet or query.sender):
        # In the page text of rows 0 and 2, in the evidence of rows 0 and 1.
        assert sorted(walked[0]) == ["ev-0", "ev-1", "ev-2"]


def test_a_word_is_rare_while_few_pages_and_reports_hold_it(texts, monkeypatch):
    with texts._reading() as cur:
        assert texts._text_rare(cur, "harvest") and texts._text_rare(cur, "volcano")
        monkeypatch.setattr(filters, "RARE_MATCHES", 1)
        assert not texts._text_rare(cur, "harvest")  # two pages and two evidence texts
        assert texts._text_rare(cur, "railway")  # one evidence text, no page
        assert not texts._text_rare(cur, "丰收")  # substrings only: no index to ask
