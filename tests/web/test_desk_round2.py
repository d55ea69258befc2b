"""Round two of the desk: the pair and page filters, sides on the event page, customary messages."""

from __future__ import annotations

import re
from html import unescape

import desk_customary
import pytest
from desk_corpus import XSS_ACTOR

from missive.web import create_app


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["id"] for e in resp.json()["items"]]


# -- the pair filter ----------------------------------------------------------------------

BOTH = ["ev-kim-xi-2021", "ev-xi-kim-2021"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pair=kim-jong-un,xi-jinping", BOTH),
        ("pair=xi-jinping,kim-jong-un", BOTH),  # the order does not matter
        ("pair=Xi Jinping, Kim Jong Un", BOTH),  # names, spaces around the comma
        ("between=kim-jong-un&between=xi-jinping", BOTH),
        ("pair=kim-jong-un,xi-jinping&sort=-date", BOTH[::-1]),
        ("pair=kim-jong-un,xi-jinping&since=2021-10-05", ["ev-xi-kim-2021"]),
        ("pair=kim-jong-un,vladimir-putin", ["ev-putin-kim-2022"]),
        ("pair=xi-jinping,vladimir-putin", []),
    ],
)
def test_events_between_two_actors_in_either_direction(client, query, expected):
    assert ids(client.get(f"/api/events?{query}")) == expected


def test_reports_between_two_actors(client):
    body = client.get("/api/reports", params={"pair": "xi-jinping,kim-jong-un"}).json()
    assert sorted(r["doc"] for r in body["items"]) == ["daily-2021-10-02.txt", "kcna-2021-10-01.txt", "kcna-2021-10-12.txt"]


@pytest.mark.parametrize(
    "query",
    ["pair=kim-jong-un", "pair=a,b,c", "pair=,xi-jinping", "between=kim-jong-un",
     "between=a&between=b&between=c", "pair=a,b&between=a&between=b", "between=" + "x" * 201 + "&between=b"],
)  # fmt: skip
def test_a_malformed_pair_is_a_400(client, query):
    resp = client.get(f"/api/events?{query}")
    assert resp.status_code == 400, resp.text
    assert resp.json()["error"]["code"] == "bad_request" and "pair" in resp.json()["error"]["message"]


# -- the page filter ----------------------------------------------------------------------


def test_a_page_lists_its_reports(client, desk):
    page_hash = desk.info["pages"]["kcna-2021-10-01.txt"]
    body = client.get(f"/api/pages/{page_hash}").json()
    assert [r["doc"] for r in body["reports"]] == ["kcna-2021-10-01.txt"]
    assert body["report_ids"] == [r["id"] for r in body["reports"]]
    assert body["reports"][0]["sender"]["actor_id"] == "kim-jong-un"
    assert ids(client.get("/api/events", params={"page": page_hash})) == ["ev-kim-xi-2021"]
    assert [r["doc"] for r in client.get("/api/reports", params={"page": page_hash}).json()["items"]] == ["kcna-2021-10-01.txt"]


def test_a_page_filter_that_is_not_a_hash_is_refused(client):
    assert client.get("/api/events", params={"page": "not-a-hash"}).status_code in (400, 422)


# -- a desk over the customary record --------------------------------------------------------


@pytest.fixture(scope="module")
def cu_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    path = tmp_path_factory.mktemp("customary") / "desk.db"
    info = desk_customary.build(path)
    with TestClient(create_app(str(path)), raise_server_exceptions=False) as c:
        c.info = info  # type: ignore[attr-defined]
        yield c


def test_api_customary_rows_per_year(cu_client):
    body = cu_client.get("/api/customary", params={"sender": "kim-jong-un", "recipient": "xi-jinping"}).json()
    prc = {r["year"]: r for r in body["rows"] if r["occasion"] == "prc-founding"}
    assert sorted(prc) == [2019, 2020, 2021]
    assert [prc[y]["sent"] for y in (2019, 2020, 2021)] == [True, False, True]
    assert (prc[2019]["lag_days"], prc[2021]["lag_days"], prc[2020]["occasion_date"]) == (0, 3, "2020-10-01")
    treaty = [r for r in body["rows"] if r["occasion"] == "china-dprk-treaty"]
    # Every occasion spans the same years: those of any message between the two.
    assert [(r["year"], r["sent"], r["first"], r["reverse_date"]) for r in treaty] == [
        (2019, False, None, None), (2020, False, None, None), (2021, True, "recipient", "2021-07-11")]


def test_api_customary_years_asked_all_show(cu_client):
    params = {"sender": "kim-jong-un", "recipient": "xi-jinping", "occasion": "national_day", "since": 2018, "until": 2022}
    rows = [r for r in cu_client.get("/api/customary", params=params).json()["rows"] if r["occasion"] == "prc-founding"]
    assert [(r["year"], r["sent"]) for r in rows] == [(2018, False), (2019, True), (2020, False), (2021, True), (2022, False)]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"sender": "kim-jong-un", "recipient": "xi-jinping", "occasion": "condolence"}, 422),
        ({"sender": "kim-jong-un"}, 422),
        ({"sender": "kim-jong-un", "recipient": "xi-jinping", "since": 2022, "until": 2019}, 400),
        ({"sender": "kim-jong-un", "recipient": "xi-jinping", "since": 1, "until": 9999}, 400),
    ],
)
def test_api_customary_refuses_bad_questions(cu_client, params, status):
    assert cu_client.get("/api/customary", params=params).status_code == status


def test_customary_view_marks_missing_years(cu_client):
    html = cu_client.get("/customary", params={"sender": "kim-jong-un", "recipient": "xi-jinping"}).text
    rows = re.findall(r'<tr class="(missing|late|sent)">\s*<th scope="row">(\d{4})</th>', html)
    assert ("sent", "2019") in rows and ("missing", "2020") in rows and ("late", "2021") in rows
    assert 'href="/events/cu-kim-xi-2019"' in html


def test_customary_view_without_a_pair_asks_for_one(cu_client):
    html = cu_client.get("/customary").text
    assert "Name a sender and a recipient" in html and "<table" not in html


def test_customary_view_escapes_what_it_echoes(client):
    html = client.get("/customary", params={"sender": XSS_ACTOR, "recipient": "kim-jong-un"}).text
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_event_page_groups_reports_by_side_then_outlet(cu_client):
    html = cu_client.get("/events/cu-kim-xi-2019").text
    sides = re.findall(r'<h3 id="side-([A-Za-z]+)"', html)
    assert sides == ["CN", "KP", "KR"]
    outlets = re.findall(r"<h4>(.*?)</h4>", html)
    assert [unescape(o) for o in outlets] == ["Xinhua · zh", "KCNA · en", "Yonhap · ko"]
    unknown = cu_client.get("/events/cu-kim-xi-2021").text
    assert re.findall(r'<h3 id="side-([A-Za-z]+)"', unknown) == ["KP", "unknown"]
    assert "/customary?sender=kim-jong-un&amp;recipient=xi-jinping&amp;occasion=anniversary" in html


def test_timeline_cells_link_to_their_pair_and_year(client):
    html = client.get("/").text
    links = {unescape(h) for h in re.findall(r'<a href="(/\?[^"]*pair=[^"]*)#events">', html)}
    assert "/?pair=kim-jong-un%2Cxi-jinping&since=2021&until=2021" in links
    followed = client.get("/?pair=kim-jong-un%2Cxi-jinping&since=2021&until=2021").text
    listed = re.findall(r'href="/events/([^"]+)"', followed.split('id="events"')[1])
    assert sorted(set(listed)) == BOTH
    assert "between kim-jong-un and xi-jinping in 2021" in unescape(followed)


def test_page_view_lists_the_pages_reports(client, desk):
    html = client.get(f"/pages/{desk.info['pages']['kcna-2021-10-12.txt']}").text
    assert "Xi Jinping → Kim Jong Un, thanks, 2021-10-10" in unescape(html)


def test_customary_view_takes_the_form_as_sent(cu_client):
    # A form left with empty years sends since= and until=: not an error.
    resp = cu_client.get("/customary?sender=kim-jong-un&recipient=xi-jinping&occasion=anniversary&since=&until=")
    assert resp.status_code == 200 and 'class="missing"' in resp.text
    assert cu_client.get("/customary?sender=a&recipient=b&since=20x1").status_code in (400, 422)
