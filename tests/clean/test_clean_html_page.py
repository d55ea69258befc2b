"""The HTML path: main text by trafilatura, title from metadata, original date by htmldate."""

from __future__ import annotations

import pytest

from missive.clean import clean_page
from missive.errors import InputError
from missive.model import Page

PARAS = [
    "The chairman of the Example Committee sent a message of greetings to the president of a "
    "friendly country on the occasion of its national day, the agency reported on Tuesday.",
    "In the message the chairman expressed the hope that the traditional relations of friendship "
    "between the two countries would grow stronger in every field in the years to come.",
    "He wished the president good health and greater success in his responsible work for the "
    "prosperity of the country and the happiness of its people, the message said.",
]

HTML = f"""<!DOCTYPE html><html lang="en"><head>
<title>Chairman greets friendly president | Example News</title>
<meta property="og:title" content="Chairman greets friendly president">
<meta property="article:published_time" content="2021-09-09T08:00:00+00:00">
<meta property="article:modified_time" content="2023-01-05T10:00:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Chairman greets friendly president</h1>
{''.join(f'<p>{p}</p>' for p in PARAS)}
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Harvest festival draws crowds in the capital</a></li></ul></aside>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>"""


def html_page(html: str, url: str | None = "https://news.example.org/world/greetings") -> Page:
    raw = html.encode()
    return Page(source="p.html", raw=raw, text=html, media_type="html", encoding="utf-8",
                container="html", url=url)


def test_html_main_text_title_and_original_date() -> None:
    doc = clean_page(html_page(HTML))
    lines = doc.text.split("\n")
    assert doc.title == "Chairman greets friendly president"
    assert lines[0] == doc.title and lines.count(doc.title) == 1
    for para in PARAS:
        assert para in lines
    assert "Harvest festival" not in doc.text and "Copyright" not in doc.text
    assert doc.published is not None and doc.published.date.iso() == "2021-09-09"
    assert doc.language == "en"


def test_html_without_article_raises_input_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        clean_page(html_page("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
