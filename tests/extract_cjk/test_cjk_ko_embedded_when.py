"""Korean: a "when X was elected" clause inside the sentence does not make X the sender,
and "지난 10월" dates a recalled message to that month."""

from __future__ import annotations

from missive.extract.cjk import extract_reports_cjk
from missive.model import DatedValue, Document, PartialDate

SENTENCE = "앞서 김정은 국무위원장은 지난 10월 시진핑 주석이 총서기에 다시 선출되자 축전을 보냈다."


def test_the_topic_sends_when_the_subject_belongs_to_a_when_clause() -> None:
    doc = Document(page_hash="h", source="p.txt", text=SENTENCE, language="ko",
                   published=DatedValue(PartialDate(2022, 12, 2), None, "test"))
    (report,) = extract_reports_cjk(doc)
    assert (report.sender.name, report.recipient.name) == ("Kim Jong Un", "Xi Jinping")
    assert report.date == PartialDate(2022, 10)
    assert report.occasion.kind == "election"
