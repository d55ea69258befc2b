"""Web security under hostile requests: SQL injection through every filter, stored XSS in every
view, token and CSRF checks, size limits, no traces or paths in errors, headers on every response."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "web"))
import desk_corpus  # noqa: E402  (the desk tests' small record, with markup in a page and an actor name)

from missive.store import open_store  # noqa: E402
from missive.web import create_app, security  # noqa: E402

FILTERS = ["sender", "recipient", "party", "type", "occasion", "outlet", "language", "q", "since", "until", "sort", "cursor", "limit"]
INJECTIONS = [
    "' OR '1'='1", "x' OR 1=1 --", "\"; DROP TABLE events; --", "1; SELECT * FROM pages", "') UNION SELECT hash, raw FROM pages --",
    "%' AND 1=0 UNION SELECT sqlite_version() --", "\\", "'", "\x00", "*", "NEAR(a b)", "a OR b", "\"unterminated", "-- ", "/*",
    "kim-jong-un' --", "2021' OR '1'='1", "🙂' OR 1=1", "%%", "_",
]  # fmt: skip
LISTS = ["/api/events", "/api/reports", "/"]
LEAKS = ["Traceback", "sqlite3", "psycopg", "syntax error", "OperationalError", "/work/", "/tmp/", ".py\"", 'File "']


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> dict:
    path = tmp_path_factory.mktemp("web-hostile") / "desk.db"
    info = desk_corpus.build(path)
    return {"url": str(path), **info}


@pytest.fixture(scope="module")
def client(desk: dict):
    with TestClient(create_app(desk["url"], token=desk_corpus.TOKEN, ingest=lambda files, store: {"read": len(files)}),
                    raise_server_exceptions=False) as c:  # fmt: skip
        yield c


def _no_leak(resp) -> None:
    body = resp.text
    for leak in LEAKS:
        assert leak not in body, (resp.request.url, leak, body[:300])


@pytest.mark.parametrize("param", FILTERS)
def test_sql_injection_through_every_filter_changes_nothing(client, desk: dict, param: str) -> None:
    with open_store(desk["url"]) as store:
        before = store.stats()
    everything = {p: len(client.get(p).text) for p in LISTS}
    for payload in INJECTIONS:
        for path in LISTS:
            resp = client.get(path, params={param: payload})
            assert resp.status_code in (200, 400, 422), (path, param, payload, resp.status_code, resp.text[:200])
            _no_leak(resp)
            if path.startswith("/api") and resp.status_code == 200 and param in ("sender", "recipient", "party", "type"):
                assert resp.json()["items"] == [], f"{param}={payload!r} matched rows: the input reached the SQL"
        assert len(client.get(LISTS[0]).text) == everything[LISTS[0]]
    with open_store(desk["url"]) as store:
        assert store.stats() == before


@pytest.mark.parametrize("path", ["/api/search", "/api/actors", "/actors"])
def test_sql_injection_through_search_boxes(client, path: str) -> None:
    for payload in INJECTIONS:
        resp = client.get(path, params={"q": payload})
        assert resp.status_code in (200, 400, 422), (path, payload, resp.status_code)
        _no_leak(resp)


@pytest.mark.parametrize("payload", INJECTIONS[:6])
def test_injection_through_path_ids_is_a_clean_404(client, payload: str) -> None:
    for prefix in ("/api/events/", "/api/reports/", "/api/actors/", "/events/", "/actors/"):
        resp = client.get(prefix + payload.replace("/", "%2F").replace("\x00", "%00"))
        assert resp.status_code in (400, 404, 422), (prefix, payload, resp.status_code)
        _no_leak(resp)


def test_stored_markup_is_inert_in_every_view(client, desk: dict) -> None:
    evil_page = desk["evil_page"]
    events = list(desk["events"])
    actor_ids = sorted({a for e in desk["events"].values() for a in (e.sender.actor_id, e.recipient.actor_id) if a})
    views = ["/", "/actors", "/actors?q=script", f"/pages/{evil_page}", *(f"/events/{e}" for e in events),
             *(f"/actors/{a}" for a in actor_ids), "/?q=%3Cscript%3E", "/?sender=%3Cscript%3Ealert(1)%3C/script%3E"]  # fmt: skip
    seen_escaped = False
    for view in views:
        resp = client.get(view)
        assert resp.status_code in (200, 404), (view, resp.status_code)
        html = resp.text
        for raw in (desk_corpus.XSS_SCRIPT, desk_corpus.XSS_IMG, desk_corpus.XSS_ACTOR, "<script>alert(1)</script>"):
            assert raw not in html, (view, raw)
        assert "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", ""), view
        seen_escaped |= "&lt;script&gt;" in html
    assert seen_escaped, "the markup is shown, escaped, somewhere (else the test saw no untrusted text)"


def test_writes_need_the_token_compared_in_constant_time(client, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = security.hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    files = {"files": ("a.txt", b"Xi Jinping sent a letter to Kim Jong Un.", "text/plain")}
    assert client.post("/api/pages", files=files).status_code == 401
    assert client.post("/api/pages", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/api/pages", files=files, headers={"Authorization": f"Bearer {desk_corpus.TOKEN[:-1]}"}).status_code == 401
    assert calls, "the token check goes through hmac.compare_digest"
    ok = client.post("/api/pages", files=files, headers={"Authorization": f"Bearer {desk_corpus.TOKEN}"})
    assert ok.status_code in (200, 201, 202), ok.text[:200]


def test_the_write_form_needs_its_csrf_token(client, desk: dict) -> None:
    event = desk["kim_xi"]
    rid = sorted(r.id for r in desk["events"][event].reports)[0]
    form = {"kind": "split", "event_id": event, "report_ids": [rid], "token": desk_corpus.TOKEN}
    client.cookies.clear()
    assert client.post("/overrides", data=form).status_code == 403
    client.cookies.set(security.CSRF_COOKIE, "a" * 64)
    assert client.post("/overrides", data={**form, security.CSRF_FIELD: "b" * 64}).status_code == 403
    client.cookies.clear()


def test_body_and_page_size_limits(desk: dict) -> None:
    with TestClient(create_app(desk["url"], token=desk_corpus.TOKEN, max_body=10_000), raise_server_exceptions=False) as c:
        big = {"files": ("big.txt", b"a" * 50_000, "text/plain")}
        resp = c.post("/api/pages", files=big, headers={"Authorization": f"Bearer {desk_corpus.TOKEN}"})
        assert resp.status_code == 413 and resp.json()["error"]["code"] == "too_large"
        assert resp.headers["x-frame-options"] == "DENY"
        page = c.get("/api/events", params={"limit": 10**9})
        assert page.status_code == 422 or page.json()["limit"] <= 200


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/api/events?since=notadate"), ("get", "/api/events?cursor=%%%"), ("get", "/api/pages/xyz"), ("get", "/nothing/here"),
     ("delete", "/api/events"), ("get", "/static/../pyproject.toml"), ("get", "/static/missing.css"), ("get", "/static/style.css"),
     ("post", "/api/overrides"), ("get", "/api/events/" + "x" * 5000)],
)  # fmt: skip
def test_errors_carry_no_trace_or_path_and_every_response_has_the_headers(client, method: str, path: str) -> None:
    resp = getattr(client, method)(path)
    _no_leak(resp)
    assert resp.headers.get("x-content-type-options") == "nosniff"
    assert resp.headers.get("x-frame-options") == "DENY"
    csp = resp.headers.get("content-security-policy", "")
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    if resp.status_code >= 400 and resp.headers.get("content-type", "").startswith("application/json"):
        assert set(resp.json()) == {"error"}
