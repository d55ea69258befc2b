"""Korean phrasing generalised in round 2: table-driven on sentences written for these tests."""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate


def _rows(text: str, published: str | None) -> list[tuple]:
    pub = DatedValue(PartialDate.parse(published), None, "test") if published else None
    doc = Document(page_hash="h-ko2", source="ko2.txt", text=text, language="ko", published=pub)
    return sorted((r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind,
                   r.occasion.anniversary, r.reply) for r in extract_reports(doc))


KO = [
    # DPRK spelling of a New Year card; 각하 after a foreign leader's name.
    ("김정은동지께서 새해를 맞으며 벨라루씨공화국 대통령 루까셴꼬각하에게 년하장을 보내시였다.", "2024-01-01",
     [("Kim Jong Un", "Alexander Lukashenko", "greetings", "2024-01-01", "new_year", None, False)]),
    # A letter of sympathy is a condolence.
    ("김정은 국무위원장이 지진 피해와 관련해 에르도안 튀르키예 대통령에게 위로 서한을 보냈다.", "2023-02-10",
     [("Kim Jong Un", "Recep Tayyip Erdogan", "condolence", "2023-02-10", "condolence", None, False)]),
    # DPRK "70돐 생일": a birthday with its number, not an anniversary.
    ("김정은동지께서 습근평동지에게 70돐 생일을 맞으며 축전을 보내시였다.", "2023-06-15",
     [("Kim Jong Un", "Xi Jinping", "congratulatory", "2023-06-15", "birthday", 70, False)]),
    # A national day named by its country.
    ("김정은 국무위원장이 러시아의 날을 맞아 푸틴 대통령에게 축전을 보냈다.", "2023-06-12",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2023-06-12", "national_day", None, False)]),
    # A president-elect and a foreign leader on the phone.
    ("윤석열 대통령 당선인이 25일 기시다 후미오 일본 총리와 전화 통화를 했다.", "2022-03-26",
     [("Yoon Suk Yeol", "Fumio Kishida", "call", "2022-03-25", "none", None, False)]),
    # Related headlines are not the article.
    ("윤 대통령은 15일 정상회담을 했다.\n많이 본 기사\n김정은, 시진핑에 축전", "2022-11-15", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), KO, ids=[f"ko2-{i}" for i in range(len(KO))])
def test_korean_phrasing_round2(text, published, expected):
    assert _rows(text, published) == sorted(expected)
