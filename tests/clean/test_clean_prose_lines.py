"""Which lines of a crawl are running text (kept) and which are headers or menus."""

from __future__ import annotations

from missive.clean.textpage import is_prose


def test_a_short_chinese_lead_sentence_is_kept_as_prose() -> None:
    # Ministry pages open with one short sentence that is the whole news: it is prose, not a header.

    assert is_prose("2023年9月9日，国家主席习近平致电朝鲜领导人表示祝贺。")
    assert not is_prose("首页 新闻 图片 视频")
