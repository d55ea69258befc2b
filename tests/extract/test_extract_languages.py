"""Pages in languages the extractor has no rules for are kept, not forced through English rules."""

from __future__ import annotations

from missive.extract import extract_reports
from missive.model import Document

ENGLISH = "Russian President Vladimir Putin sent a congratulatory message to Kim Jong Un on September 9, 2023."


def doc(text: str, language: str) -> Document:
    return Document(page_hash="h", source="p.txt", text=text, language=language)


def test_an_english_page_is_read() -> None:
    assert extract_reports(doc(ENGLISH, "en"))


def test_a_page_of_undetermined_language_is_read_as_english() -> None:
    assert extract_reports(doc(ENGLISH, "und"))


def test_a_page_in_another_language_yields_nothing_rather_than_english_guesses() -> None:
    # The same words marked as French: the stage does not apply English rules to it.
    assert extract_reports(doc(ENGLISH, "fr")) == []
    assert extract_reports(doc("Владимир Путин направил поздравительное послание.", "ru")) == []
