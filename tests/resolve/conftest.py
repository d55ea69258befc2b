"""Fixtures of the resolve tests: a compact way to write a report."""

from __future__ import annotations

from typing import Callable

import pytest

from missive.model import ActorRef, Occasion, PartialDate, Report

MakeReport = Callable[..., Report]


def make_report(
    page: str,
    sender: str = "Xi Jinping",
    recipient: str = "Kim Jong Un",
    type: str = "congratulatory",
    date: str | None = "2021-09-09",
    occasion: str = "anniversary",
    anniversary: int | None = 73,
    reply: bool = False,
    basis: str = "sent",
    outlet: str | None = None,
    published: str | None = None,
    language: str = "en",
) -> Report:
    """A report of page ``page`` (its page_hash is derived from the name)."""
    return Report(
        doc=f"{page}.txt",
        page_hash=f"hash-{page}",
        sender=ActorRef(sender),
        recipient=ActorRef(recipient),
        type=type,
        date=PartialDate.parse(date) if date else None,
        occasion=Occasion(occasion, anniversary),
        reply=reply,
        date_basis=basis,
        outlet=outlet,
        published=PartialDate.parse(published) if published else None,
        language=language,
    )


@pytest.fixture
def rep() -> MakeReport:
    """The report factory ``make_report``."""
    return make_report
