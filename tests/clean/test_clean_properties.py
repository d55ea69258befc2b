"""Properties of clean_page on arbitrary input: only InputError, spans always consistent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from missive.clean import clean_page, find_dateline
from missive.errors import InputError
from missive.model import Page

# Text made of crawl-like pieces as well as arbitrary characters.
PIECES = st.sampled_from([
    "\n", " ", "  ", "\u3000", "Home > News", "2021-09-09", "Date: 23/03/2021", "September 9, 2021",
    "BEIJING, Sept. 9 (Xinhua) -- ", "More From", "Copyright", "新华社北京9月9日电", "2025年9月9日",
    "입력 2025.09.09", "The chairman sent a message to the president. ", "主席致电祝贺。", "(KCNA)",
    " date 2022-02-30 ", "31/02/2021", "calendar>>May 12. 2016",
])
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=40).map("".join)


def make_page(text: str, url: str | None) -> Page:
    raw = text.encode("utf-8")
    return Page(source="p.txt", raw=raw, text=text, media_type="text", encoding="utf-8",
                container="txt", url=url)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.one_of(st.none(), st.sampled_from(["http://x.org/2021/0230/a", "http://x.org/a/20211301"])))
def test_clean_page_raises_only_input_error_and_keeps_spans(text: str, url: str | None) -> None:
    try:
        doc = clean_page(make_page(text, url))
    except InputError:
        return
    assert doc.text.strip()
    if doc.published is not None and doc.published.span is not None:
        span = doc.published.span
        assert doc.text[span.start:span.end] == span.text
    # The title, when the text gives one, is the first line of the text.
    assert doc.title is None or doc.text.split("\n")[0] == doc.title


@settings(max_examples=200, deadline=None)
@given(TEXT)
def test_find_dateline_span_indexes_the_text(text: str) -> None:
    found = find_dateline(text)
    if found is not None:
        month, day, span = found
        assert 1 <= month <= 12 and 1 <= day <= 31
        assert text[span.start:span.end] == span.text


def test_empty_article_raises_input_error() -> None:
    import pytest

    for text in ["", "   \n\n", "Share\nPrint\nCopyright 2024 Example"]:
        with pytest.raises(InputError, match="no article text"):
            clean_page(make_page(text, None))
