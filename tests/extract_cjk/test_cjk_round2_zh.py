"""Chinese phrasing generalised in round 2: table-driven on sentences written for these tests."""

from __future__ import annotations

import pytest

from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate


def _rows(text: str, published: str | None, language: str = "zh") -> list[tuple]:
    pub = DatedValue(PartialDate.parse(published), None, "test") if published else None
    doc = Document(page_hash="h-zh2", source="zh2.txt", text=text, language=language, published=pub)
    return sorted((r.sender.name, r.recipient.name, r.type, r.date.iso() if r.date else None, r.occasion.kind,
                   r.occasion.anniversary, r.reply) for r in extract_reports(doc))


ZH = [
    # 中共/中国 right after 致电 is the addressee's title, not "in the message".
    ("老挝人民革命党中央总书记通伦当天致电中共中央总书记、国家主席习近平，祝贺中国共产党成立100周年。", "2021-07-01",
     [("Thongloun Sisoulith", "Xi Jinping", "congratulatory", "2021-07-01", "anniversary", 100, False)]),
    # 应约: the other side asked for the call, so it placed it.
    ("国家主席习近平3日应约同白俄罗斯总统卢卡申科通电话。", "2024-03-04",
     [("Alexander Lukashenko", "Xi Jinping", "call", "2024-03-03", "none", None, False)]),
    # A New Year message is greetings; 互致 a few words before the message word still means both ways.
    ("国家主席习近平同越南国家主席梁强互致新年贺电。", "2025-01-01",
     [("Luong Cuong", "Xi Jinping", "greetings", "2025-01-01", "new_year", None, False),
      ("Xi Jinping", "Luong Cuong", "greetings", "2025-01-01", "new_year", None, False)]),
    # 同A、B互致: each partner of the list, both ways.
    ("李强同越南政府总理范明政、老挝总理宋赛互致贺电，庆祝建交60周年。", "2021-04-25",
     [("Li Qiang", "Pham Minh Chinh", "congratulatory", "2021-04-25", "anniversary", 60, False),
      ("Li Qiang", "Sonexay Siphandone", "congratulatory", "2021-04-25", "anniversary", 60, False),
      ("Pham Minh Chinh", "Li Qiang", "congratulatory", "2021-04-25", "anniversary", 60, False),
      ("Sonexay Siphandone", "Li Qiang", "congratulatory", "2021-04-25", "anniversary", 60, False)]),
    # 向A、B等: every addressee of the list.
    ("金正恩日前向古巴国家主席迪亚斯-卡内尔、白俄罗斯总统卢卡申科等寄送新年贺卡。", "2023-01-02",
     [("Kim Jong Un", "Alexander Lukashenko", "greetings", "2023-01-02", "new_year", None, False),
      ("Kim Jong Un", "Miguel Diaz-Canel", "greetings", "2023-01-02", "new_year", None, False)]),
    # 就X逝世: X is what the message is about, not its sender.
    ("普京2日就李克强逝世向国家主席习近平致唁电。", "2023-11-03",
     [("Vladimir Putin", "Xi Jinping", "condolence", "2023-11-02", "condolence", None, False)]),
    # An envoy passes on X's greetings to Y: a verbal message from X.
    ("王毅转达了习近平主席对卢卡申科总统的诚挚问候。", "2023-02-28",
     [("Xi Jinping", "Alexander Lukashenko", "verbal", "2023-02-28", "none", None, False)]),
    # The national day of a country named by its name.
    ("金正恩就“俄罗斯日”向俄罗斯总统普京致贺电。", "2024-06-12",
     [("Kim Jong Un", "Vladimir Putin", "congratulatory", "2024-06-12", "national_day", None, False)]),
    # Related headlines are not the article.
    ("王毅会见越南驻华大使。\n相关推荐\n习近平同苏林互致贺电", "2024-05-05", []),
]


@pytest.mark.parametrize(("text", "published", "expected"), ZH, ids=[f"zh2-{i}" for i in range(len(ZH))])
def test_chinese_phrasing_round2(text, published, expected):
    assert _rows(text, published) == sorted(expected)


def test_traditional_characters_read_the_same():
    trad = "北韓領導人金正恩日前向中國國家主席習近平、俄羅斯總統普丁等外國領袖寄送新年賀卡。"
    assert _rows(trad, "2024-01-01") == [
        ("Kim Jong Un", "Vladimir Putin", "greetings", "2024-01-01", "new_year", None, False),
        ("Kim Jong Un", "Xi Jinping", "greetings", "2024-01-01", "new_year", None, False)]


@pytest.mark.parametrize(("published", "expected"), [
    ("2019-06-21", [("Xi Jinping", "Kim Jong Un", "congratulatory", "2019-06-21", "other", None, False)]),
    # Before Kim Jong Un took office the role phrase does not name him: no addressee, no event.
    ("2009-06-21", []),
])
def test_role_phrase_names_the_holder_of_the_day(published, expected):
    assert _rows("胡锦涛向朝鲜最高领导人致贺电。" if published < "2011" else "习近平向朝鲜最高领导人致贺电。", published) == expected


def test_same_day_round_up_shares_the_occasion():
    text = ("习近平同老挝国家主席通伦互致贺电，庆祝中老建交60周年。\n习近平指出，两国关系不断发展。\n通伦表示，老方感谢中方支持。\n"
            "双方同意加强合作。\n同日，李强同老挝总理宋赛互致贺电。")
    rows = [r for r in _rows(text, "2021-04-25") if "Li Qiang" in r[:2]]
    assert rows == [("Li Qiang", "Sonexay Siphandone", "congratulatory", "2021-04-25", "anniversary", 60, False),
                    ("Sonexay Siphandone", "Li Qiang", "congratulatory", "2021-04-25", "anniversary", 60, False)]
