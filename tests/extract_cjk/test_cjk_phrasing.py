"""Chinese and Korean phrasing -> reports: table-driven, on sentences written for these tests."""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate


def _doc(text: str, language: str, published: str | None = None) -> Document:
    pub = DatedValue(PartialDate.parse(published), None, "test") if published else None
    return Document(page_hash="h-" + language, source=f"page-{language}.txt", text=text, language=language, published=pub)


def _rows(doc: Document) -> list[tuple]:
    return sorted(
        (r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind, r.occasion.anniversary, r.reply)
        for r in extract_reports(doc)
    )


KO = [
    # Seoul's usage: name, country, title, particle.
    ("김정은 조선민주주의인민공화국 국무위원장이 10일 통룬 시술릿 라오스 국가주석에게 축전을 보냈다.", "2021-12-12",
     [("Kim Jong Un", "Thongloun Sisoulith", "congratulatory", "2021-12-10", "other", None, False)]),
    # Pyongyang's usage: honorific subject, Korean reading of a Russian name.
    ("경애하는 김정은동지께서 로씨야련방 대통령 뿌찐에게 축전을 보내시였다.", "2023-06-12",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2023-06-12", "other", None, False)]),
    # Received from: the sender is marked by 로부터.
    ("루카셴코 대통령은 김정은 총비서로부터 답전을 받았다.", "2024-07-05",
     [("Kim Jong Un", "Alexander Lukashenko", "message", "2024-07-05", "thanks", None, True)]),
    # A reply to someone's message: the reply, and the earlier message it answers.
    ("김정은 위원장이 디아스카넬 쿠바 대통령의 축전에 답전을 보냈다.", "2024-01-20",
     [("Kim Jong Un", "Miguel Diaz-Canel", "message", "2024-01-20", "thanks", None, True),
      ("Miguel Diaz-Canel", "Kim Jong Un", "congratulatory", "2024-01", "other", None, False)]),
    # "Last month" against the page's date.
    ("시진핑 국가주석은 지난달 28일 김정은 위원장에게 조전을 보냈다.", "2024-03-05",
     [("Xi Jinping", "Kim Jong Un", "condolence", "2024-02-28", "condolence", None, False)]),
    # A numbered anniversary (DPRK 돐) fixes the year of a page with no date.
    ("시진핑 주석은 공화국창건 75돐에 즈음하여 김정은 동지에게 축전을 보냈다.", None,
     [("Xi Jinping", "Kim Jong Un", "congratulatory", "2023-09", "anniversary", 75, False)]),
    # Birthday with its age: the year from the recipient's birth date.
    ("김정은 위원장이 푸틴 대통령의 70세 생일을 맞아 축전을 보냈다.", None,
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2022-10", "birthday", 70, False)]),
    # A verbal message, then the quoted message said again: one event.
    ("김정은 총비서가 시진핑 주석에게 구두친서를 보냈다. 김 총비서는 구두친서에서 우의를 강조했다.", "2021-07-24",
     [("Kim Jong Un", "Xi Jinping", "verbal", "2021-07-24", "none", None, False)]),
    # A plan and a guess state no act.
    ("김정은 위원장은 푸틴 대통령에게 축전을 보낼 예정이다.", "2024-05-01", []),
    ("푸틴 대통령이 먼저 축전을 보낸 것으로 보인다.", "2024-05-01", []),
]

ZH = [
    ("新华社北京10月10日电 10月10日，国家主席习近平致电金正恩，祝贺朝鲜劳动党成立80周年。", "2025-10-10",
     [("Xi Jinping", "Kim Jong Un", "congratulatory", "2025-10-10", "anniversary", 80, False)]),
    # Traditional characters; the addressee after 向, titles before the names.
    ("中共中央總書記、國家主席習近平向越共中央總書記蘇林致賀電。", "2024-08-04",
     [("Xi Jinping", "To Lam", "congratulatory", "2024-08-04", "other", None, False)]),
    # 互致: one event each way.
    ("习近平同普京互致贺电。", "2024-06-12",
     [("Vladimir Putin", "Xi Jinping", "congratulatory", "2024-06-12", "other", None, False),
      ("Xi Jinping", "Vladimir Putin", "congratulatory", "2024-06-12", "other", None, False)]),
    # An envoy conveys X's verbal message to Y: the envoy is not the sender.
    ("王毅转达了习近平致卢卡申科的口信。", "2023-03-01",
     [("Xi Jinping", "Alexander Lukashenko", "verbal", "2023-03-01", "none", None, False)]),
    ("习近平同普京通电话。", "2022-02-25",
     [("Xi Jinping", "Vladimir Putin", "call", "2022-02-25", "none", None, False)]),
    ("金正恩收到了习近平的复电。", "2023-04-18",
     [("Xi Jinping", "Kim Jong Un", "message", "2023-04-18", "thanks", None, True)]),
    ("金正恩11月30日向习近平致唁电。", "2022-12-02",
     [("Kim Jong Un", "Xi Jinping", "condolence", "2022-11-30", "condolence", None, False)]),
    # "Last month" and a congratulation named after the bare 致电.
    ("金正恩上月致电祝贺习近平再次当选国家主席。", "2023-04-18",
     [("Kim Jong Un", "Xi Jinping", "congratulatory", "2023-03", "election", None, False)]),
    ("习近平将向金正恩致贺电。", "2024-01-01", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), KO, ids=[f"ko-{i}" for i in range(len(KO))])
def test_korean_phrasing(text, published, expected):
    assert _rows(_doc(text, "ko", published)) == sorted(expected)


@pytest.mark.parametrize(("text", "published", "expected"), ZH, ids=[f"zh-{i}" for i in range(len(ZH))])
def test_chinese_phrasing(text, published, expected):
    assert _rows(_doc(text, "zh", published)) == sorted(expected)


def test_evidence_quotes_the_page_as_written():
    doc = _doc("中共中央總書記、國家主席習近平向越共中央總書記蘇林致賀電。", "zh", "2024-08-04")
    (report,) = extract_reports(doc)
    for ev in report.evidence:
        assert doc.text[ev.span.start : ev.span.end] == ev.span.text
        assert doc.text[ev.sentence.start : ev.sentence.end] == ev.sentence.text
    assert report.evidence_for("sender").span.text == "習近平"  # traditional, as the page writes it
    assert report.language == "zh"
