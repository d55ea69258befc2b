"""Publication dates printed in less usual places: update stamps, labels, headlines, late agency stamps."""

from __future__ import annotations

import pytest

from missive.clean import clean_page
from missive.model import Page

HEAD = "Chairman sends greetings to friendly president"
TEASER = ("A leader of a friendly land was congratulated by the chairman on the anniversary "
          "of the founding of his country.")
BODY = ("The chairman of the Example Committee sent a warm message of greetings to the "
        "president of a friendly country, the agency reported.")


def published(text: str, url: str | None = None) -> str | None:
    page = Page(source="t.txt", raw=text.encode(), text=text, media_type="text", encoding="utf-8",
                container="txt", url=url)
    doc = clean_page(page)
    if doc.published and doc.published.span:
        span = doc.published.span
        assert doc.text[span.start:span.end] == span.text
    return doc.published.date.iso() if doc.published else None


@pytest.mark.parametrize("text, expected", [
    # an update stamp is the page's date where it states no other
    (f"{HEAD}\nUpdated 21:08, 30-Dec-2022\n{BODY}", "2022-12-30"),
    (f"{HEAD}\nUpdated: 2016-11-26 18:22\n{BODY}", "2016-11-26"),
    (f"{HEAD}\nLast updated: 5 March 2019\n{BODY}", "2019-03-05"),
    # ... but never over a publication date, a dateline's full date, or the URL's date
    (f"{HEAD}\nPosted: 2016-11-25\nUpdated: 2016-11-26 18:22\n{BODY}", "2016-11-25"),
    (f"{HEAD}\nUpdated: 2016-11-26 18:22\n(KCNA - June 12, 2016) {BODY}", "2016-06-12"),
    # a labelled date line under a teaser that opens the body
    (f"{HEAD}\n{TEASER}\nPUBLISHED JUN 12, 2018\n{BODY}", "2018-06-12"),
    (f"{HEAD}\n{TEASER}\nBy Jane Roe\nPUBLISHED JUN 12, 2018 | 10:00 AM\n{BODY}", "2018-06-12"),
    (f"{HEAD}\n{TEASER}\nExample Agency\n11:02 October 07, 2024\n{BODY}", "2024-10-07"),
    # a labelled line is short: a sentence that mentions publishing is no date line
    (f"{HEAD}\n{TEASER}\nPublished by the ministry on June 12, 2018, the report on the harvest was read widely "
     f"by officials.\n{BODY}", None),
    # a briefing's headline carries its own date
    (f"The Spokesperson's Regular Press Conference on October 9, 2025\nQ: Do you have a comment?\n{BODY}",
     "2025-10-09"),
    (f"Transcript of the Press Briefing of 3 March 2024\nQ: Can you confirm the letter?\n{BODY}", "2024-03-03"),
    # a headline naming an old date is not the page's date
    (f"Remembering the letter of June 12, 2018 and the talks that followed\n{BODY}", None),
    # KCNA's stamp with footer lines after it; a digest's later stamps belong to other articles
    (f"{HEAD}\n{BODY}\nHe wished the president success. (Juche113.6.19.)\nTop\nHome\nContact us\nNext page",
     "2024-06-19"),
    # the same stamp with the month's name, shortened or not, alone on the last line
    (f"{HEAD}\n{BODY}\nHe wished the president success.\n\n(KCNA - Oct. 27, 2016)", "2016-10-27"),
    (f"{HEAD}\n{BODY}\nHe wished the president success.\n(AGENCY - October 27, 2016)\nTop\nHome", "2016-10-27"),
    (f"{HEAD}\n{BODY}\nHe wished success. (Juche113.6.19.)\nAnother article\n{BODY}\nIt ended. (Juche113.6.20.)\n"
     "Top\nHome\nContact us", "2024-06-19"),
])
def test_less_usual_date_places(text: str, expected: str | None) -> None:
    assert published(text) == expected


def test_update_stamp_gives_way_to_the_url_date() -> None:
    text = f"{HEAD}\nUpdated: 2016-11-26 18:22\n{BODY}"
    assert published(text, "https://example.com/news/2016-11-25/42.html") == "2016-11-25"
