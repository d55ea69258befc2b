"""Model objects for store tests, built directly (our own names and sentences)."""

from __future__ import annotations

from missive.model import (
    ActorRef,
    DatedValue,
    Document,
    Event,
    Evidence,
    Occasion,
    Page,
    PartialDate,
    Report,
    Skip,
    Span,
)
from missive.store import Batch

KIM = ActorRef("Kim Jong Un", "person", "kim-jong-un", ("Chairman",), "Chairman Kim")
XI = ActorRef("Xi Jinping", "person", "xi-jinping", ("President",), "President Xi")
PUTIN = ActorRef("Vladimir Putin", "person", "vladimir-putin")
LOCAL = ActorRef("Mayor of Springfield")  # not in any registry: no actor_id


def page(n: int, text: str | None = None) -> Page:
    """Page number ``n``: distinct raw bytes, so a distinct hash."""
    body = text if text is not None else f"Sample page {n}: a letter was exchanged."
    return Page(
        source=f"/crawl/page-{n:04d}.html",
        raw=f"<html><body><p>{body}</p></body></html>".encode(),
        text=body,
        media_type="html",
        encoding="utf-8",
        container="html",
        url=f"https://news.example/{n}",
        title_hint=f"Headline {n}",
        published_hint="2021-09-09",
        fetched_at="2024-01-01T00:00:00Z",
    )


def document(p: Page, text: str | None = None, outlet: str = "Pyongyang Wire", language: str = "en") -> Document:
    body = text if text is not None else p.text
    published = DatedValue(PartialDate(2021, 9, 9), None, "meta:date")
    return Document(p.hash, p.source, body, f"Headline for {p.source}", outlet, language, published, p.url)


def evidence(sentence: str, field: str = "type", rule: str = "test:rule") -> Evidence:
    whole = Span(0, len(sentence), sentence)
    word = sentence.split()[0]
    return Evidence(field, whole, Span(0, len(word), word), rule)


def report(
    p: Page,
    sender: ActorRef = KIM,
    recipient: ActorRef = XI,
    type: str = "letter",
    date: PartialDate | None = PartialDate(2021, 9, 9),
    occasion: str = "national_day",
    sentence: str = "The chairman sent a warm letter to the president.",
    outlet: str | None = "Pyongyang Wire",
    language: str = "en",
) -> Report:
    return Report(
        doc=p.name,
        page_hash=p.hash,
        sender=sender,
        recipient=recipient,
        type=type,
        date=date,
        occasion=Occasion(occasion, 73 if occasion == "anniversary" else None, "the founding" if occasion == "anniversary" else None),
        evidence=(evidence(sentence), evidence(sentence, "sender", "test:sender")),
        rule="test:pattern",
        outlet=outlet,
        language=language,
        published=PartialDate(2021, 9, 10),
    )


def event(event_id: str, reports: list[Report], reply_to: str | None = None) -> Event:
    first = reports[0]
    return Event(
        event_id, first.sender, first.recipient, first.type, first.date, first.occasion,
        first.reply, tuple(reports), reply_to, 3 if reply_to else None,
    )


def numbered_batch(numbers: list[int]) -> Batch:
    """Pages ``numbers`` with a document and one report each, and a skip per page."""
    pages = [page(n) for n in numbers]
    return Batch(
        pages=pages,
        documents=[document(p) for p in pages],
        reports=[report(p, date=PartialDate(2020 + n % 3, 1 + n % 12, 1 + n % 28)) for n, p in zip(numbers, pages)],
        skips=[Skip(f"/crawl/bad-{n}.html", "clean", "no article text") for n in numbers],
    )

