"""The REST API over a real store (SQLite, and PostgreSQL where a server is found)."""

from __future__ import annotations

import pytest
from desk_corpus import TOKEN

ERROR_CODES = {"bad_request", "not_found", "unauthorized", "forbidden", "too_large", "rate_limited", "internal"}


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return [e["id"] for e in resp.json()["items"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["ev-moon-kim-2018", "ev-kim-xi-2021", "ev-xi-kim-2021", "ev-putin-kim-2022", "ev-evil-2023"]),
        ({"sort": "-date"}, ["ev-evil-2023", "ev-putin-kim-2022", "ev-xi-kim-2021", "ev-kim-xi-2021", "ev-moon-kim-2018"]),
        ({"sender": "kim-jong-un"}, ["ev-kim-xi-2021"]),
        ({"recipient": "Xi Jinping"}, ["ev-kim-xi-2021"]),
        ({"party": "xi-jinping"}, ["ev-kim-xi-2021", "ev-xi-kim-2021"]),
        ({"type": "greetings"}, ["ev-putin-kim-2022"]),
        ({"occasion": "national_day"}, ["ev-kim-xi-2021"]),
        ({"since": "2021-10-05", "until": "2022"}, ["ev-xi-kim-2021", "ev-putin-kim-2022"]),
        ({"outlet": "Example Wire"}, ["ev-putin-kim-2022"]),
        ({"q": "prosperity"}, ["ev-putin-kim-2022"]),
    ],
)
def test_event_filters(client, params, expected):
    assert ids(client.get("/api/events", params=params)) == expected


def test_events_carry_report_counts_and_outlets(client):
    items = {e["id"]: e for e in client.get("/api/events").json()["items"]}
    assert items["ev-kim-xi-2021"]["report_count"] == 2
    assert items["ev-kim-xi-2021"]["outlets"] == ["Example Daily", "Example News Agency"]
    assert "reports" not in items["ev-kim-xi-2021"]


def test_cursor_pagination_walks_every_event_once(client):
    seen, cursor = [], None
    for _ in range(10):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = client.get("/api/events", params=params).json()
        assert len(body["items"]) <= 2
        seen += [e["id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert seen == ids(client.get("/api/events"))


def test_limit_is_capped(client):
    assert client.get("/api/events", params={"limit": 100000}).json()["limit"] == 200


def test_event_detail_has_reports_evidence_replies_and_readouts(client, desk):
    body = client.get("/api/events/ev-kim-xi-2021").json()
    assert {r["outlet"] for r in body["reports"]} == {"Example Daily", "Example News Agency"}
    fields = {e["field"] for r in body["reports"] for e in r["evidence"]}
    assert {"sender", "recipient", "type", "date", "occasion"} <= fields
    assert [e["id"] for e in body["replies"]] == ["ev-xi-kim-2021"]
    only = body["readouts"]["differences"]
    anniversary_report = next(r["id"] for r in body["reports"] if r["occasion"]["anniversary"] == 72)
    assert {"field": "anniversary", "value": "72"} in only[anniversary_report]
    reply = client.get("/api/events/ev-xi-kim-2021").json()
    assert reply["answers"]["id"] == "ev-kim-xi-2021" and reply["reply_lag_days"] == 9


def test_reports_and_one_report(client, desk):
    listed = client.get("/api/reports", params={"type": "letter"}).json()["items"]
    assert [r["doc"] for r in listed] == ["yonhap-2018-09-20.txt"]
    one = client.get(f"/api/reports/{listed[0]['id']}").json()
    assert one["date"] == "2018-09" and one["evidence"][0]["sentence"]["text"].startswith("Seoul")


def test_actors_list_and_profile(client):
    actors = {a["id"]: a for a in client.get("/api/actors").json()["items"]}
    assert actors["kim-jong-un"]["received"] == 4 and actors["kim-jong-un"]["sent"] == 1
    profile = client.get("/api/actors/kim-jong-un").json()
    assert {c["key"]: (c["sent"], c["received"]) for c in profile["correspondents"]}["xi-jinping"] == (1, 1)
    assert {y["year"]: y["received"] for y in profile["per_year"]}[2021] == 1
    assert client.get("/api/actors/nobody-at-all").json()["error"]["code"] == "not_found"


def test_page_metadata_text_and_raw_bytes_as_attachment(client, desk):
    h = desk.info["evil_page"]
    page = client.get(f"/api/pages/{h}").json()
    assert page["hash"] == h and "<script>" in page["text"] and len(page["report_ids"]) == 1
    raw = client.get(f"/api/pages/{h}/raw")
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("text/plain; charset=utf-8")
    assert raw.headers["content-disposition"].startswith("attachment")
    assert raw.headers["x-content-type-options"] == "nosniff"
    assert b"<script>" in raw.content


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        ("type", {("congratulatory",): 1, ("thanks",): 1, ("greetings",): 1, ("condolence",): 1, ("letter",): 1}),
        ("year", {("2018",): 1, ("2021",): 2, ("2022",): 1, ("2023",): 1}),
    ],
)
def test_counts(client, by, expected):
    rows = client.get("/api/stats/counts", params={"by": by}).json()["rows"]
    assert {tuple(r["key"]): r["count"] for r in rows} == expected


def test_count_by_pair_is_directed(client):
    rows = client.get("/api/stats/counts", params={"by": "pair", "party": "xi-jinping"}).json()["rows"]
    assert sorted(tuple(r["key"]) for r in rows) == [("kim-jong-un", "xi-jinping"), ("xi-jinping", "kim-jong-un")]


def test_search_finds_page_text(client, desk):
    hits = client.get("/api/search", params={"q": "friendship"}).json()["hits"]
    assert [h["source"] for h in hits] == ["daily-2021-10-02.txt"]


@pytest.mark.parametrize(
    ("method", "url", "status", "code"),
    [
        ("get", "/api/events/no-such-event", 404, "not_found"),
        ("get", "/api/no/such/route", 404, "not_found"),
        ("delete", "/api/events", 405, "bad_request"),
        ("get", "/api/events?since=yesterday", 422, "bad_request"),
        ("get", "/api/events?since=2021-02-30", 400, "bad_request"),
        ("get", "/api/reports?since=1391-00", 400, "bad_request"),
        ("get", "/api/events?cursor=not-a-cursor", 400, "bad_request"),
        ("get", "/api/stats/counts?by=colour", 422, "bad_request"),
        ("get", "/api/pages/not-a-hash", 422, "bad_request"),
        ("get", "/api/search", 422, "bad_request"),
    ],
)
def test_every_failure_has_the_one_error_shape(client, method, url, status, code):
    resp = getattr(client, method)(url)
    assert resp.status_code == status
    body = resp.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["code"] in ERROR_CODES
    assert "Traceback" not in resp.text and "/work" not in resp.text and ".py" not in resp.text


def test_writes_need_the_token(client, uploads):
    files = {"files": ("a.txt", b"Some page text.", "text/plain")}
    assert client.post("/api/pages", files=files).json()["error"]["code"] == "unauthorized"
    wrong = client.post("/api/pages", files=files, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and uploads.calls == []
    ok = client.post("/api/pages", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 201, ok.text
    assert uploads.calls == [[("a.txt", b"Some page text.")]]


def test_override_is_recorded_with_the_token(client, desk):
    rid = sorted(desk.info["reports"])[0]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    resp = client.post("/api/overrides", json={"kind": "split", "report_ids": [rid], "note": "two acts"}, headers=auth)
    assert resp.status_code == 201, resp.text
    assert resp.json()["kind"] == "split" and resp.json()["report_ids"] == [rid]
    bad = client.post("/api/overrides", json={"kind": "explode", "report_ids": [rid]}, headers=auth)
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "bad_request"
    unknown = client.post("/api/overrides", json={"kind": "merge", "report_ids": ["nope"]}, headers=auth)
    assert unknown.status_code == 404


def test_read_only_server_refuses_writes(ro_client):
    resp = ro_client.post("/api/overrides", json={"kind": "split", "report_ids": ["x"]},
                          headers={"Authorization": "Bearer anything"})
    assert resp.status_code == 403 and resp.json()["error"]["code"] == "forbidden"


def test_body_size_is_limited(sqlite_desk, uploads):
    from fastapi.testclient import TestClient
    from missive.web import create_app

    app = create_app(sqlite_desk.url, token=TOKEN, ingest=uploads, max_body=1000)
    with TestClient(app, raise_server_exceptions=False) as c:
        resp = c.post("/api/pages", files={"files": ("big.txt", b"x" * 5000, "text/plain")},
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert resp.status_code == 413 and resp.json()["error"]["code"] == "too_large"
    assert uploads.calls == []


def test_writes_are_rate_limited(sqlite_desk):
    from fastapi.testclient import TestClient
    from missive.web import create_app

    app = create_app(sqlite_desk.url, token=TOKEN, writes_per_minute=2)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(app, raise_server_exceptions=False) as c:
        codes = [c.post("/api/overrides", json={"kind": "split", "report_ids": ["x"]}, headers=auth).status_code
                 for _ in range(3)]
    assert codes == [404, 404, 429]
