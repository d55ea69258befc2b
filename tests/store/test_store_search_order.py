"""Search order on both backends: "newest" lists the most recently stored pages first;
"relevance" ranks the most recently stored matches, all of them while they are fewer than
SEARCH_CANDIDATES, so a word that most pages hold costs a bounded ranking."""

from __future__ import annotations

import dataclasses

import pytest
from store_samples import document, page

from missive.errors import InputError
from missive.store import Batch, filters

# Stored in this order, one write each. "orchard" appears in every text; how often decides relevance.
TEXTS = [
    "The orchard letter: orchard, orchard, orchard, orchard and the orchard again.",
    "A note that mentions the orchard once among many other words about rivers and hills.",
    "Greetings were sent about the orchard harvest and the orchard festival.",
    "The envoy spoke of trade, of roads, and in passing of an orchard near the coast.",
    "Congratulations on the national day, with a word on the orchard planted last spring.",
    "朝鲜领导人致电祝贺果园丰收。",
]


@pytest.fixture
def stored(store):
    """Page hashes in store order (each page written by its own batch)."""
    hashes = []
    for n, text in enumerate(TEXTS):
        p = page(800 + n, text)
        store.write_batch(Batch(pages=[p], documents=[dataclasses.replace(document(p, text), title=None)]))
        hashes.append(p.hash)
    return hashes


def test_newest_lists_the_most_recently_stored_matches_first(store, stored):
    hits = store.search("orchard", order="newest")
    assert [h.page_hash for h in hits] == stored[4::-1]
    assert [h.page_hash for h in store.search("orchard", limit=2, order="newest")] == stored[4:2:-1]
    assert all("[orchard]" in h.snippet.lower() for h in hits)


def test_relevance_ranks_every_match_while_they_are_few(store, stored):
    hits = store.search("orchard")
    assert {h.page_hash for h in hits} == set(stored[:5])
    assert hits[0].page_hash == stored[0]  # the word six times in a short text
    assert [h.rank for h in hits] == sorted((h.rank for h in hits), reverse=True)


def test_relevance_ranks_only_the_most_recently_stored_candidates(store, stored, monkeypatch):
    monkeypatch.setattr(filters, "SEARCH_CANDIDATES", 3)
    hits = store.search("orchard", limit=2)
    # The best page overall is the oldest: outside the three newest matches, so not ranked.
    assert len(hits) == 2 and {h.page_hash for h in hits} <= set(stored[2:5])
    # Asked for more hits than candidates: as many candidates as hits are read, the newest ones.
    assert {h.page_hash for h in store.search("orchard", limit=4)} == set(stored[1:5])


def test_an_unspaced_term_lists_the_newest_first(store, stored):
    p = page(900, "果园的消息又来了。")
    store.write_batch(Batch(pages=[p], documents=[dataclasses.replace(document(p, p.text), title=None)]))
    for order in ("relevance", "newest"):
        assert [h.page_hash for h in store.search("果园", order=order)] == [p.hash, stored[5]]


def test_no_match_is_an_empty_list(store, stored):
    assert store.search("volcano", order="relevance") == store.search("volcano", order="newest") == []


@pytest.mark.parametrize(("limit", "order"), [(0, "relevance"), (-3, "newest"), (10, "best"), (10, "")])
def test_a_bad_limit_or_order_is_an_input_error(store, stored, limit, order):
    with pytest.raises(InputError):
        store.search("orchard", limit=limit, order=order)
