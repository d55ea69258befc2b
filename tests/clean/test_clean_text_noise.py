"""The text cleaner, one kind of crawl noise per case: pages written for the test."""

from __future__ import annotations

import pytest

from missive.clean import clean_text

LEAD = ("Pyongyang, March 3 (KCNA) -- The chairman of the Example Committee sent a warm "
        "message of greetings to the president of a friendly country on Tuesday.")
SECOND = ("The message expressed the hope that the relations of friendship between the two "
          "countries would grow stronger year after year in every field.")


def page(*lines: str) -> str:
    return "\n".join(lines)


# (case id, page, lines that must be gone, lines that must stay)
NOISE = [
    ("menu-breadcrumb", page("Home > World > Asia", "Chairman greets friendly president", LEAD, SECOND),
     ["Home > World > Asia"], [LEAD, SECOND]),
    ("language-bar", page("English Español Русский Français 中文", "Chairman greets president", LEAD),
     ["English Español Русский Français 中文"], [LEAD]),
    ("share-print", page("Chairman greets president", LEAD, "Share", "Print", "<Suggest to a friend>", SECOND),
     ["Share", "Print", "<Suggest to a friend>"], [LEAD, SECOND]),
    ("comment-form", page("Chairman greets president", LEAD, SECOND, "Leave a Reply",
                          "Your email address will not be published.", "A reader wrote a long comment here."),
     ["Leave a Reply", "A reader wrote a long comment here."], [SECOND]),
    ("more-from", page("Chairman greets president", LEAD, SECOND, "More From Example Agency (EN)",
                       "Another story about farming in the provinces", "May 02, 2024"),
     ["Another story about farming in the provinces", "May 02, 2024"], [LEAD, SECOND]),
    ("dated-related-list", page("Chairman greets president", LEAD, SECOND,
                                "Farm workers finish the spring sowing early", "May 02, 2024",
                                "A new bridge opens over the river in the capital", "May 01, 2024",
                                "Students gather for a science contest", "April 30, 2024"),
     ["A new bridge opens over the river in the capital", "May 01, 2024"], [LEAD, SECOND]),
    ("aggregator-header", page("July 06, 2025Jul 06, 2025", "KCNA Example Ministry (EN)",
                               "Chairman greets president",
                               "Date: 03/03/2024 | Source: Example Ministry (EN) | Read original version at source",
                               LEAD),
     ["July 06, 2025Jul 06, 2025", "KCNA Example Ministry (EN)"], [LEAD]),
    ("copyright-footer", page("Chairman greets president", LEAD, SECOND,
                              "Copyright (C) Example News Service All Rights Reserved."),
     ["Copyright (C) Example News Service All Rights Reserved."], [SECOND]),
    ("photo-credit", page("Chairman greets president", "File photo: Example Agency", LEAD,
                          "Photo: Example Agency", SECOND),
     ["File photo: Example Agency", "Photo: Example Agency"], [LEAD, SECOND]),
    ("cookie-banner", page("We use cookies to improve your experience", "Chairman greets president", LEAD),
     ["We use cookies to improve your experience"], [LEAD]),
    ("zh-editor-related", page("主席向友好国家总统致贺电",
                               "新华社北京3月3日电 国家主席3日向友好国家总统致贺电,祝贺两国建交七十周年。"
                               "贺电表示,两国传统友谊历久弥坚,双方合作不断深化,造福两国人民。",
                               "责任编辑:王某某", "相关新闻", "另一条新闻标题在这里"),
     ["责任编辑:王某某", "另一条新闻标题在这里"], []),
    ("ko-reporter-copyright", page("위원장, 우방국 대통령에게 축전",
                                   "위원장은 3일 우방국 대통령에게 축전을 보내 두 나라 사이의 친선 관계가 "
                                   "더욱 발전하기를 바란다고 밝혔다고 통신이 보도했다.",
                                   "홍길동 기자 (hong@example.kr)", "<저작권자 © 예시뉴스, 무단 전재 및 재배포 금지>"),
     ["홍길동 기자 (hong@example.kr)", "<저작권자 © 예시뉴스, 무단 전재 및 재배포 금지>"], []),
]


@pytest.mark.parametrize("case, raw, gone, kept", NOISE, ids=[c[0] for c in NOISE])
def test_noise_is_removed_and_article_kept(case: str, raw: str, gone: list[str], kept: list[str]) -> None:
    lines = clean_text(raw).text.split("\n")
    for line in gone:
        assert line not in lines, f"{case}: {line!r} should be cut"
    for line in kept:
        assert line in lines, f"{case}: {line!r} should be kept"


def test_headline_is_first_line_and_title() -> None:
    cleaned = clean_text(page("Home > News", "World News", "Chairman greets friendly president",
                              "By Jane Example", LEAD, SECOND))
    assert cleaned.title == "Chairman greets friendly president"
    assert cleaned.text.split("\n")[0] == cleaned.title
    assert "By Jane Example" not in cleaned.text


def test_real_short_paragraphs_are_not_cut() -> None:
    raw = page("Chairman greets president", LEAD, "The message reads:", "Dear Mr. President,",
               SECOND, "I wish you good health.")
    lines = clean_text(raw).text.split("\n")
    assert ["The message reads:", "Dear Mr. President,", SECOND, "I wish you good health."] == lines[-4:]


def test_lines_broken_around_names_are_rejoined() -> None:
    raw = page("The respected", "Chairman Example", "sent a message of greetings to the president of a "
               "friendly country on the occasion of its national day.")
    assert clean_text(raw).text.startswith("The respected Chairman Example sent a message")


def test_whitespace_is_collapsed_but_cjk_kept() -> None:
    cleaned = clean_text("主席  致电\u3000祝贺\n\n  Chairman   greets\u00a0president  ")
    assert "Chairman greets president" in cleaned.text
    assert "主席 致电\u3000祝贺" in cleaned.text


def test_repeated_headline_is_kept_once() -> None:
    raw = page("Chairman Greets President", "Chairman greets president", LEAD)
    assert clean_text(raw).text.count("reets") == 1
