"""Security headers on every response, CSRF on the write form, untrusted text always inert."""

from __future__ import annotations

import re

import pytest
from desk_corpus import TOKEN, XSS_ACTOR, XSS_IMG, XSS_SCRIPT

HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
}


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/"),
        ("get", "/events/ev-kim-xi-2021"),
        ("get", "/actors/kim-jong-un"),
        ("get", "/static/style.css"),
        ("get", "/api/events"),
        ("get", "/openapi.json"),
        ("get", "/api/events/missing"),
        ("get", "/nowhere"),
        ("put", "/api/events"),
        ("post", "/overrides"),
    ],
)
def test_security_headers_on_every_response(ro_client, method, url):
    resp = getattr(ro_client, method)(url)
    for name, value in HEADERS.items():
        assert resp.headers[name] == value, (url, name)
    csp = resp.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_a_crash_is_a_json_500_with_headers_and_no_trace(sqlite_desk):
    from fastapi.testclient import TestClient
    from missive.web import create_app

    def broken(url):
        raise RuntimeError("secret path /srv/internal/db.sqlite")

    with TestClient(create_app(sqlite_desk.url, open_store=broken), raise_server_exceptions=False) as c:
        resp = c.get("/api/events")
    assert resp.status_code == 500
    assert resp.json() == {"error": {"code": "internal", "message": "the server could not complete the request"}}
    assert "secret" not in resp.text and resp.headers["x-frame-options"] == "DENY"


def test_html_pages_have_no_inline_script_and_only_own_assets(ro_client):
    html = ro_client.get("/events/ev-kim-xi-2021").text
    assert "<script" not in html.replace("&lt;script", "")
    for ref in re.findall(r'(?:href|src)="([^"]+)"', html):
        assert not ref.startswith(("http:", "https:", "//")), ref


@pytest.mark.parametrize("url", ["/", "/events/ev-evil-2023", "/actors", "/api/events/ev-evil-2023"])
def test_script_markup_from_pages_and_names_is_escaped(ro_client, url):
    text = ro_client.get(url).text
    for raw in (XSS_SCRIPT, XSS_IMG, "<script>alert('actor')</script>"):
        if url.startswith("/api"):
            continue  # JSON carries the text as data; it is never served as HTML
        assert raw not in text
    if not url.startswith("/api"):
        assert "&lt;script&gt;" in text


def test_page_view_escapes_the_page_text(ro_client, sqlite_desk):
    text = ro_client.get(f"/pages/{sqlite_desk.info['evil_page']}").text
    assert XSS_SCRIPT not in text and XSS_IMG not in text
    assert "&lt;img src=x onerror=" in text


def test_actor_page_of_a_hostile_name_is_escaped(ro_client):
    from urllib.parse import quote

    resp = ro_client.get("/actors/" + quote(XSS_ACTOR, safe=""))
    assert resp.status_code == 200
    assert "<script>alert" not in resp.text and "&lt;script&gt;alert" in resp.text


def _form_token(html: str) -> str:
    return re.search(r'name="csrf_token" value="([0-9a-f]+)"', html).group(1)


def test_override_form_needs_the_csrf_token_and_the_write_token(client, desk):
    page = client.get("/events/ev-kim-xi-2021")
    token = _form_token(page.text)
    assert client.cookies.get("missive_csrf") == token
    rid = sorted(desk.info["events"]["ev-kim-xi-2021"].reports, key=lambda r: r.id)[0].id
    form = {"kind": "split", "event_id": "ev-kim-xi-2021", "report_ids": [rid], "note": "", "token": TOKEN}
    missing = client.post("/overrides", data=form, follow_redirects=False)
    assert missing.status_code == 403
    forged = client.post("/overrides", data={**form, "csrf_token": "f" * 64}, follow_redirects=False)
    assert forged.status_code == 403
    wrong_token = client.post("/overrides", data={**form, "csrf_token": token, "token": "nope"}, follow_redirects=False)
    assert wrong_token.status_code == 401
    ok = client.post("/overrides", data={**form, "csrf_token": token}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/events/ev-kim-xi-2021?saved=1"
