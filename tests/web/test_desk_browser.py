"""The desk in a real headless Chromium: timeline, filters, event page, escaping, keyboard."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from desk_corpus import XSS_ACTOR, XSS_IMG, XSS_SCRIPT

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs  # type: ignore[attr-defined]
    yield pg
    context.close()


def test_timeline_shows_a_row_per_pair_and_the_events(page, live_server):
    page.goto(live_server + "/")
    assert page.title().startswith("Timeline")
    labels = page.locator("svg.chart text.pair").all_text_contents()
    assert any("Kim Jong Un ↔ Xi Jinping (2)" in t for t in labels), labels
    assert page.locator("svg.chart rect.seg").count() >= 5
    assert page.locator("table.events tbody tr").count() == 5


def test_filtering_then_opening_an_event(page, live_server):
    page.goto(live_server + "/")
    page.select_option("#f-type", "congratulatory")
    page.click("button[type=submit]")
    assert "type=congratulatory" in page.url
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1
    rows.first.get_by_role("link", name="Open").click()
    assert "/events/ev-kim-xi-2021" in page.url
    assert page.locator("h1").inner_text().endswith("2021-10-01")
    occasion_row = page.locator("table.fields tr", has=page.locator("th", has_text="occasion"))
    assert occasion_row.locator("mark").inner_text() == "72nd founding anniversary"
    assert page.locator("article.report").count() == 2
    assert page.locator("mark.only", has_text="anniversary: 72").count() == 1
    chain = page.locator("section", has=page.locator("#chain-h"))
    assert chain.get_by_role("link").filter(has_text="Open").count() == 1


@pytest.mark.parametrize("path", ["/", "/events/ev-evil-2023", "/actors", "/actors/{actor}", "/pages/{page}"])
def test_hostile_markup_stays_text(page, live_server, sqlite_desk, path):
    url = live_server + path.format(actor=quote(XSS_ACTOR, safe=""), page=sqlite_desk.info["evil_page"])
    page.goto(url)
    page.wait_for_load_state("load")
    assert page.dialogs == []
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("document.querySelectorAll('script').length") == 0
    body = page.inner_text("body")
    assert "<script>alert(" in body
    if path.startswith("/pages"):
        assert XSS_SCRIPT in body and XSS_IMG in body


def test_keyboard_reaches_the_skip_link_first(page, live_server):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_phone_width_has_no_page_wide_horizontal_scroll(browser, live_server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    pg.goto(live_server + "/events/ev-kim-xi-2021")
    overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 1
