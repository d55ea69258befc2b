"""The API's counts come a page at a time, biggest groups first, with the number of groups;
search takes an order (relevance of the newest matches, or newest first). Both backends."""

from __future__ import annotations

import pytest


def counts(client, **params):
    resp = client.get("/api/stats/counts", params=params)
    assert resp.status_code == 200, resp.text
    return resp.json()


@pytest.mark.parametrize("by", ["pair", "type", "year"])
def test_count_pages_walk_every_group_once_in_the_order_shown(client, by):
    every = counts(client, by=by, all="true")
    assert every["limit"] is None and every["total"] == len(every["rows"]) >= 3
    walked, offset = [], 0
    while offset < every["total"]:
        page = counts(client, by=by, limit=2, offset=offset)
        assert page["total"] == every["total"] and page["limit"] == 2 and page["offset"] == offset
        walked += page["rows"]
        offset += 2
    assert walked == every["rows"]


def test_the_first_page_of_pairs_holds_the_most_frequent(client):
    every = counts(client, by="pair", all="true")["rows"]
    top = counts(client, by="pair", limit=1)["rows"]
    assert top == every[:1] and top[0]["count"] == max(r["count"] for r in every)


def test_a_count_page_keeps_the_filters(client):
    body = counts(client, by="pair", party="xi-jinping", limit=1)
    assert body["total"] == 2 and len(body["rows"]) == 1


def test_the_default_page_is_the_top_hundred(client):
    body = counts(client, by="type")
    assert body["limit"] == 100 and body["offset"] == 0 and len(body["rows"]) == body["total"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 100001}, {"offset": -1}, {"offset": 10**30}, {"limit": "ten"}])
def test_a_bad_count_page_is_refused(client, params):
    resp = client.get("/api/stats/counts", params={"by": "pair", **params})
    assert resp.status_code == 422 and resp.json()["error"]["code"] == "bad_request"


@pytest.mark.parametrize("order", ["relevance", "newest"])
def test_search_in_either_order(client, order):
    body = client.get("/api/search", params={"q": "friendship", "order": order}).json()
    assert body["order"] == order and body["candidates"] >= 100
    assert [h["source"] for h in body["hits"]] == ["daily-2021-10-02.txt"]


def test_search_by_default_ranks_by_relevance(client):
    assert client.get("/api/search", params={"q": "friendship"}).json()["order"] == "relevance"


def test_an_unknown_search_order_is_refused(client):
    resp = client.get("/api/search", params={"q": "friendship", "order": "oldest"})
    assert resp.status_code == 422 and resp.json()["error"]["code"] == "bad_request"

