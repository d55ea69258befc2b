"""Kinds of phrasing found missing on the second unseen corpus (round 3): table-driven on sentences written here."""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate


def _rows(text: str, published: str | None, language: str) -> list[tuple]:
    pub = DatedValue(PartialDate.parse(published), None, "test") if published else None
    doc = Document(page_hash="h-r3", source="r3.txt", text=text, language=language, published=pub)
    return sorted((r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind,
                   r.occasion.anniversary, r.reply) for r in extract_reports(doc))


ZH = [
    # A character of a name (文在寅's 在) is not the word 在 of "在贺电中" (a message quoted again).
    ("国家主席习近平8日晚同韩国总统文在寅通电话，就双边关系交换意见。", "2020-05-09",
     [("Xi Jinping", "Moon Jae-in", "call", "2020-05-08", "none", None, False)]),
    ("韩国总统文在寅在贺电中表示，韩方愿同中方一道努力。", "2020-05-09", []),
    # 昨天 in a quoted remark is the day before the act the page last dated.
    ("5月11日，习近平同文在寅通电话。习近平说，昨天我已致电祝贺你当选。", "2017-05-12",
     [("Xi Jinping", "Moon Jae-in", "call", "2017-05-11", "election", None, False),
      ("Xi Jinping", "Moon Jae-in", "congratulatory", "2017-05-10", "election", None, False)]),
    # Greetings passed on at a meeting take the meeting's day, told in the sentence before.
    ("2024年4月12日，赵乐际在平壤会见金正恩。赵乐际首先转达了习近平总书记对金正恩总书记的亲切问候。", "2024-04-14",
     [("Xi Jinping", "Kim Jong Un", "verbal", "2024-04-12", "none", None, False)]),
    # A question about a message to come states no act.
    ("外界关注习近平是否会向金正恩致贺电。", "2024-10-01", []),
    # A recalled exchange: a bare year dates it, and 双方 before 互致 is the pair named last.
    ("普京同卢卡申科今天互致贺电。2021年建交纪念日时，双方也曾互致贺电。", "2024-06-25",
     [("Alexander Lukashenko", "Vladimir Putin", "congratulatory", "2021", "other", None, False),
      ("Alexander Lukashenko", "Vladimir Putin", "congratulatory", "2024-06-25", "other", None, False),
      ("Vladimir Putin", "Alexander Lukashenko", "congratulatory", "2021", "other", None, False),
      ("Vladimir Putin", "Alexander Lukashenko", "congratulatory", "2024-06-25", "other", None, False)]),
    # An anniversary still to come (明年) is no occasion of the call.
    ("国家主席习近平26日晚同韩国总统文在寅通电话。习近平指出，明年是中韩建交30周年。", "2021-01-27",
     [("Xi Jinping", "Moon Jae-in", "call", "2021-01-26", "none", None, False)]),
    # A year that starts a span ("以来") dates no act.
    ("金正恩向普京致贺电，这是2019年以来首次。", "2024-06-12",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-06-12", "other", None, False)]),
]

KO = [
    # 께서도: the honorific subject with "also".
    ("이날 김정은동지께서도 라오스인민민주주의공화국 주석 통룬 시술리트동지에게 축전을 보내시였다.", "2023-12-02",
     [("Kim Jong Un", "Thongloun Sisoulith", "congratulatory", "2023-12-02", "other", None, False)]),
    # An envoy passing on the principal's greetings: a verbal message from the principal, dated by the meeting.
    ("김정은동지께서 9일 로씨야 외무상 라브로브를 접견하시였다. 라브로브외무상은 뿌찐대통령이 김정은동지께 보내는 인사를 전해드리였다.",
     "2025-07-10", [("Vladimir Putin", "Kim Jong Un", "verbal", "2025-07-09", "none", None, False)]),
    ("라브로프 장관은 푸틴 대통령의 따뜻한 안부를 김정은 위원장에게 전했다.", "2024-11-30",
     [("Vladimir Putin", "Kim Jong Un", "verbal", "2024-11-30", "none", None, False)]),
    # Asked to pass greetings on: not yet done.
    ("김정은 위원장은 푸틴 대통령에게 자신의 인사를 전해줄것을 부탁하였다.", "2024-11-30", []),
    # 어제(N일): yesterday, with or without its day.
    ("문재인 대통령은 어제 기시다 후미오 일본 총리와 통화했다.", "2021-10-16",
     [("Moon Jae-in", "Fumio Kishida", "call", "2021-10-15", "none", None, False)]),
    # An anniversary still to come (내년) is no occasion of the call.
    ("문재인 대통령은 오늘 기시다 후미오 총리와 통화했다. 문 대통령은 내년이 수교 57주년이라고 말했다.", "2021-10-15",
     [("Moon Jae-in", "Fumio Kishida", "call", "2021-10-15", "none", None, False)]),
    # A bare year dates a recalled exchange.
    ("김정은 위원장과 푸틴 대통령은 2019년에도 축전을 교환했다.", "2024-10-07",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2019", "other", None, False),
      ("Vladimir Putin", "Kim Jong Un", "congratulatory", "2019", "other", None, False)]),
    # A question about a message to come states no act.
    ("김정은 위원장이 시진핑 주석의 생일을 맞아 축전을 보낼지 주목된다.", "2023-06-14", []),
    ("푸틴 대통령이 김정은 위원장에게 답전을 보내올까.", "2023-06-14", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), ZH, ids=[f"zh3-{i}" for i in range(len(ZH))])
def test_chinese_phrasing_round3(text, published, expected):
    assert _rows(text, published, "zh") == sorted(expected)


@pytest.mark.parametrize(("text", "published", "expected"), KO, ids=[f"ko3-{i}" for i in range(len(KO))])
def test_korean_phrasing_round3(text, published, expected):
    assert _rows(text, published, "ko") == sorted(expected)
