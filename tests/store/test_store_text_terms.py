"""How user search text becomes index terms and substring terms (no database needed)."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missive.errors import InputError
from missive.store.filters import split_terms, substring_snippet
from missive.store.sqlite import fts_query


@pytest.mark.parametrize(
    "text,words,subs",
    [
        ("letter  of thanks", ["letter", "of", "thanks"], []),
        ("习近平 letter", ["letter"], ["习近平"]),
        ("김정은에게 Kim", ["Kim"], ["김정은에게"]),
        ("K리그", [], ["k리그"]),
        ("a\x00b", ["a", "b"], []),  # control characters separate terms
    ],
)
def test_split_terms(text, words, subs):
    assert split_terms(text) == (words, subs)


@pytest.mark.parametrize("text", ["", "   ", "\x00\t\n"])
def test_empty_search_text_is_refused(text):
    with pytest.raises(InputError):
        split_terms(text)


@given(st.text(min_size=1, max_size=40))
def test_every_fts_query_we_build_is_valid_fts5(text):
    try:
        query = fts_query(text)
    except InputError:
        return
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    db.execute("INSERT INTO t VALUES ('some body text')")
    db.execute("SELECT * FROM t WHERE t MATCH ?", (query,)).fetchall()


@given(st.text(max_size=200), st.text(alphabet="中国朝鲜한국대통령", min_size=1, max_size=4), st.text(max_size=200))
def test_substring_snippet_brackets_the_term(before, term, after):
    snippet = substring_snippet(before + term + after, [term])
    assert f"[{term}]" in snippet
    assert len(snippet) <= 2 * 60 + len(term) + 4


def test_substring_snippet_survives_case_folding_that_changes_length():
    assert "[대통령]" in substring_snippet("Straße İstanbul 대통령 visit", ["대통령"])
