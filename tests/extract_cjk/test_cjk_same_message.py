"""A Korean, a Chinese and an English report of one message resolve to one event (actor ids, not names, match)."""

from __future__ import annotations

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate
from missive.resolve import resolve_events


def _doc(name: str, text: str, language: str, published: str) -> Document:
    return Document(page_hash="h-" + name, source=name, text=text, language=language,
                    published=DatedValue(PartialDate.parse(published), None, "test"))


def test_three_languages_one_event():
    pages = [
        _doc("ko.txt", "김정은 조선민주주의인민공화국 국무위원장이 9일 시진핑 국가주석에게 축전을 보냈다.", "ko", "2024-10-10"),
        _doc("zh.txt", "朝鲜最高领导人金正恩9日向国家主席习近平致贺电。", "zh", "2024-10-09"),
        _doc("en.txt", "PYONGYANG, Oct. 10 -- Kim Jong Un sent a congratulatory message to Xi Jinping on October 9.", "en", "2024-10-10"),
    ]
    reports = [r for d in pages for r in extract_reports(d)]
    assert sorted((r.language, r.sender.actor_id, r.recipient.actor_id) for r in reports) == [
        ("en", "kim-jong-un", "xi-jinping"), ("ko", "kim-jong-un", "xi-jinping"), ("zh", "kim-jong-un", "xi-jinping")]
    events = resolve_events(reports)
    assert len(events) == 1
    (event,) = events
    assert (event.sender.name, event.recipient.name, event.type, event.date.iso()) == (
        "Kim Jong Un", "Xi Jinping", "congratulatory", "2024-10-09")
    assert sorted(r.doc for r in event.reports) == ["en.txt", "ko.txt", "zh.txt"]
