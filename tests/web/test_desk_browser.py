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


def test_a_timeline_cell_opens_that_pair_and_year(page, live_server):
    page.goto(live_server + "/")
    cell = page.locator("svg.chart a", has=page.locator("title", has_text="Kim Jong Un ↔ Xi Jinping, 2021"))
    assert cell.count() == 1
    cell.locator("rect").first.click()
    page.wait_for_url("**pair=*")
    assert "since=2021" in page.url and "until=2021" in page.url
    assert page.locator("#f-pair").input_value() == "kim-jong-un,xi-jinping"
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 2
    pairs = {frozenset(rows.nth(i).locator("td").nth(j).inner_text() for j in (1, 2)) for i in range(2)}
    assert pairs == {frozenset({"Kim Jong Un", "Xi Jinping"})}


def test_customary_view_shows_each_year_and_marks_the_missing_one(page, customary_server):
    page.goto(customary_server + "/customary")
    page.fill("#c-sender", "kim-jong-un")
    page.fill("#c-recipient", "xi-jinping")
    page.click("button[type=submit]")
    table = page.locator("section", has=page.get_by_role("heading", name="prc founding")).locator("table.customary")
    years = table.locator("tbody th[scope=row]").all_inner_texts()
    assert years == ["2019", "2020", "2021"]
    missing = table.locator("tbody tr.missing")
    assert missing.count() == 1 and missing.locator("th").inner_text() == "2020"
    assert missing.locator("td.status").inner_text() == "missing"
    # A missing year stands out: its background is not the plain rows'.
    sent_bg = table.locator("tbody tr.sent td").first.evaluate("e => getComputedStyle(e).backgroundColor")
    missing_bg = missing.locator("td").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert missing_bg != sent_bg
    assert table.locator("tbody tr.late td.lag").inner_text() == "3"
    table.locator("tbody tr.sent").get_by_role("link").first.click()
    assert "/events/cu-kim-xi-2019" in page.url
    assert page.locator("h3.side-h").all_inner_texts()[0].startswith("CN side")
