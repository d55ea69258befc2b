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
    # "A, B, C에게": every name of a list that ends at the addressee is an addressee.
    ("김정은동지께서 로씨야련방 대통령 뿌찐, 꾸바공화국 대통령 디아스 까넬, 라오스 주석 통룬에게 축전을 보내시였다.", "2024-05-09",
     [("Kim Jong Un", "Miguel Diaz-Canel", "congratulatory", "2024-05-09", "other", None, False),
      ("Kim Jong Un", "Thongloun Sisoulith", "congratulatory", "2024-05-09", "other", None, False),
      ("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-05-09", "other", None, False)]),
    # "A 대통령과 B 주석이 C에게": both send; a country word ending like a verb ("러시아") before a title.
    ("푸틴 러시아 대통령과 루카셴코 벨라루스 대통령이 8일 김정은 국무위원장에게 축전을 보냈다.", "2024-09-09",
     [("Alexander Lukashenko", "Kim Jong Un", "congratulatory", "2024-09-08", "other", None, False),
      ("Vladimir Putin", "Kim Jong Un", "congratulatory", "2024-09-08", "other", None, False)]),
    # A Korean surname before a title names the person the page named in full ("이 대통령", "최 외무상").
    ("이재명 대통령은 시진핑 주석과 통화했다. 이 대통령은 앞서 9일 이시바 시게루 일본 총리와도 통화했다.", "2025-06-10",
     [("Lee Jae-myung", "Shigeru Ishiba", "call", "2025-06-09", "none", None, False),
      ("Lee Jae-myung", "Xi Jinping", "call", "2025-06-10", "none", None, False)]),
    ("북한 외무상 최선희가 라브로프 외무장관에게 서한을 보냈다고 통신이 5일 보도했다. 최 외무상은 3일 보낸 서한에서 협력을 강조했다.",
     "2024-03-05", [("Choe Son Hui", "Sergey Lavrov", "letter", "2024-03-03", "other", None, False)]),
    # A headline: "A·B, [occasion] 축전…C에" — both send to the addressee named after the word.
    ("푸틴·루카셴코, 北 창건일 축전…김정은에 \"친선 강화\"", "2024-09-09",
     [("Alexander Lukashenko", "Kim Jong Un", "congratulatory", "2024-09-09", "other", None, False),
      ("Vladimir Putin", "Kim Jong Un", "congratulatory", "2024-09-09", "other", None, False)]),
    # "The two leaders talked": one call, placed by the first-named; no call back.
    ("윤석열 대통령은 기시다 총리와 통화했다. 두 정상은 약 20분간 통화하며 협력을 논의했다.", "2023-05-02",
     [("Yoon Suk Yeol", "Fumio Kishida", "call", "2023-05-02", "none", None, False)]),
    # The message said again later, with its own day: the day goes to the message first reported.
    ("시진핑 국가주석이 김정은 국무위원장에게 축전을 보냈다고 통신이 10일 보도했다. 푸틴 대통령은 다른 전문을 냈다. "
     "시 주석은 9일 보낸 축전에서 친선을 강조했다.", "2023-09-10",
     [("Xi Jinping", "Kim Jong Un", "congratulatory", "2023-09-09", "other", None, False)]),
    # DPRK reply: "X께서 Y가 ...된것과 관련하여 보내신 축전": X's earlier message, Y the occasion's subject.
    ("로씨야련방 대통령 뿌찐이 김정은동지께 답전을 보내여왔다. 답전은 김정은동지께서 뿌찐이 대통령으로 다시 선거된것과 "
     "관련하여 보내신 축전에 사의를 표하였다.", "2024-04-02",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-04", "election", None, False),
      ("Vladimir Putin", "Kim Jong Un", "message", "2024-04-02", "thanks", None, True)]),
    # Related headlines are not the article.
    ("윤 대통령은 15일 정상회담을 했다.\n많이 본 기사\n김정은, 시진핑에 축전", "2022-11-15", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), KO, ids=[f"ko2-{i}" for i in range(len(KO))])
def test_korean_phrasing_round2(text, published, expected):
    assert _rows(text, published) == sorted(expected)
