"""The page's own date from a date line under a prose-like headline, and from an agency's closing stamp."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missive.clean import clean_page
from missive.clean.dates import find_full_dates
from missive.model import Page


def text_page(text: str) -> Page:
    raw = text.encode("utf-8")
    return Page(source="t.txt", raw=raw, text=text, media_type="text", encoding="utf-8", container="txt")


def published(text: str) -> str | None:
    doc = clean_page(text_page(text))
    return doc.published.date.iso() if doc.published else None


BODY = ("Officials said the two sides had agreed to keep in close touch over the coming months "
        "and to prepare the next round of talks carefully.")


@pytest.mark.parametrize(
    "text,expected",
    [
        # the headline reads as prose ("N. Korea's ..."), so the date line sits at the body's top
        (f"News Agency\n(Analysis) N. Korea's new envoy seen as a signal to Seoul before the winter talks\n"
         f"2018-11-03 09:15\n\nSEOUL, Nov. 3 (Agency) -- {BODY}\n", "2018-11-03"),
        (f"(Focus) S. Korea's trade data read as a warning to markets ahead of the summit talks\n"
         f"March 4, 2017\n\n{BODY}\n", "2017-03-04"),
        # an update stamp is not the publication date where the page states one
        (f"(Focus) S. Korea's trade data read as a warning to markets ahead of the summit talks\n"
         f"March 3, 2017\nUpdated 2017-03-04 10:00\n\n{BODY}\n", "2017-03-03"),
        # KCNA's closing stamp: Juche 108 is 2019
        (f"Pyongyang, April 2 (KCNA) -- {BODY} -0- (Juche108.4.2.)\n", "2019-04-02"),
        (f"Pyongyang, Dec. 30 (KCNA) -- {BODY}\n(Juche112.12.30.)\n", "2023-12-30"),
        # a dated line deep in the body is not the page's date
        (f"Pyongyang, April 2 (KCNA) -- {BODY}\n{BODY}\n{BODY}\nOn 2019-03-01 the talks began.\n{BODY}\n{BODY}\n{BODY}\n", None),
    ],
)
def test_own_date_lines(text: str, expected: str | None) -> None:
    assert published(text) == expected


@given(st.integers(min_value=50, max_value=120), st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_juche_stamp_year_is_juche_plus_1911(juche: int, month: int, day: int) -> None:
    (found,) = find_full_dates(f"-0- (Juche{juche}.{month}.{day}.)")
    assert (found.date.year, found.date.month, found.date.day) == (juche + 1911, month, day)
