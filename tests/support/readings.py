"""Extraction of one short English text, as compact rows the extraction tests compare."""

from __future__ import annotations

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate


def rows(text: str, published: str = "2024-12-31") -> list[tuple]:
    """(sender, recipient, type, date, occasion kind, reply) of every report, sorted; the page dated ``published``."""
    doc = Document(page_hash="h", source="t.txt", text=text, language="en",
                   published=DatedValue(PartialDate.parse(published), None, "test"))
    return sorted((r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind, r.reply)
                  for r in extract_reports(doc))
