"""detect_encoding: every page decodes without mojibake, whatever its charset."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive.errors import InputError
from missive.ingest import binary_reason, detect_encoding, normalize_encoding

KOREAN = "평양의 통신사는 위원장이 이웃 나라 대통령에게 새해를 맞아 축하 서한을 보냈다고 오늘 아침 전했다."
CHINESE = "新华社报道，国家主席今天向邻国领导人致电，祝贺他再次当选总统，并表示愿同他一道推动两国关系不断向前发展。"
TRADITIONAL = "中央通訊社報導，總統今天致函鄰國領導人，祝賀其國慶節，並表示願意共同推動雙方關係繼續發展與合作。"
LATIN = "The envoy said \u201cwe welcome the letter\u201d \u2014 and thanked the minister\u2019s staff for the caf\u00e9 reception."
MIXED = "Premier Li \u2014 \u201cfriendship\u201d: 友好合作 / 우호 협력 / déjà vu."


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (KOREAN, "euc-kr", "cp949"),
        (KOREAN, "cp949", "cp949"),
        (CHINESE, "gb2312", "gb18030"),
        (CHINESE, "gb18030", "gb18030"),
        (TRADITIONAL, "big5", "cp950"),
        (LATIN, "cp1252", "cp1252"),
        (MIXED, "utf-8", "utf-8"),
        (KOREAN, "utf-8", "utf-8"),
    ],
)
def test_undeclared_pages_decode_without_mojibake(text: str, codec: str, expected: str) -> None:
    decoded, name = detect_encoding(text.encode(codec))
    assert decoded == text
    assert name == expected


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
def test_a_byte_order_mark_wins_and_is_not_part_of_the_text(bom: bytes, codec: str, name: str) -> None:
    assert detect_encoding(bom + MIXED.encode(codec), declared="iso-8859-1") == (MIXED, name)


@pytest.mark.parametrize(
    ("text", "codec", "declared", "expected"),
    [
        # The narrow label is widened to what browsers use.
        ("한글 똠방각하 펲시콜라", "cp949", "EUC-KR", "cp949"),  # cp949-only syllables under an EUC-KR label
        ("国家主席致电祝贺 𠀀", "gb18030", "GB2312", "gb18030"),
        ("Le pr\u00e9sident \u2018salue\u2019 \u20ac", "cp1252", "ISO-8859-1", "cp1252"),
        ("Mr Kim\u2019s note", "cp1252", "latin-1", "cp1252"),
        ("Ein Gru\u00df aus K\u00f6ln", "iso-8859-15", "iso-8859-15", "iso8859-15"),
        # A Latin label on a page that is really UTF-8 (a common server mistake).
        ("Président \u2014 \u201cmerci\u201d", "utf-8", "iso-8859-1", "utf-8"),
    ],
)
def test_a_declared_charset_is_used_when_it_decodes(text: str, codec: str, declared: str, expected: str) -> None:
    assert detect_encoding(text.encode(codec), declared=declared) == (text, expected)


def test_a_utf8_bom_on_a_legacy_page_is_dropped_and_the_page_still_decodes() -> None:
    assert detect_encoding(codecs.BOM_UTF8 + KOREAN.encode("cp949")) == (KOREAN, "cp949")


def test_a_declared_charset_that_does_not_fit_is_ignored() -> None:
    raw = KOREAN.encode("utf-8")
    assert detect_encoding(raw, declared="shift_jis") == (KOREAN, "utf-8")


def test_an_unknown_declared_label_is_ignored() -> None:
    assert detect_encoding(KOREAN.encode("cp949"), declared="x-no-such-charset") == (KOREAN, "cp949")


@pytest.mark.parametrize(
    "meta",
    [
        '<meta charset="euc-kr">',
        "<meta charset=EUC-KR>",
        '<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">',
    ],
)
def test_the_page_meta_charset_is_read(meta: str) -> None:
    html = f"<html><head>{meta}<title>소식</title></head><body><p>{KOREAN}</p></body></html>"
    assert detect_encoding(html.encode("cp949")) == (html, "cp949")


def test_the_http_header_outranks_the_meta_tag() -> None:
    html = f'<html><head><meta charset="gb2312"></head><body>{KOREAN}</body></html>'
    assert detect_encoding(html.encode("cp949"), declared="euc-kr") == (html, "cp949")


@pytest.mark.parametrize(
    ("label", "first"),
    [("EUC-KR", "cp949"), ("ks_c_5601-1987", "cp949"), ("gbk", "gb18030"), ("x-gbk", "gb18030"),
     ("big5", "cp950"), ("ISO-8859-1", "cp1252"), ("us-ascii", "cp1252"), ("UTF8", "utf-8"),
     ("windows-874", "cp874"), ("'utf-8'", "utf-8")],
)
def test_labels_map_to_their_supersets(label: str, first: str) -> None:
    assert normalize_encoding(label)[0] == first


@pytest.mark.parametrize("label", [None, "", "klingon-8"])
def test_unknown_labels_give_no_codec(label: str | None) -> None:
    assert normalize_encoding(label) == ()


@pytest.mark.parametrize(
    ("raw", "binary"),
    [
        (b"plain words\n", False),
        ("탭\t과 줄바꿈\n".encode("cp949"), False),
        (codecs.BOM_UTF16_LE + "text".encode("utf-16-le"), False),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", True),
        (b"abc\x00def", True),
        (bytes(range(1, 32)) * 4, True),
        (b"", False),
    ],
)
def test_binary_content_is_told_from_text(raw: bytes, binary: bool) -> None:
    assert (binary_reason(raw) is not None) is binary


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from([None, "utf-8", "euc-kr", "gb2312", "latin-1", "utf-16", "bogus"]))
def test_arbitrary_bytes_decode_or_raise_input_error(raw: bytes, declared: str | None) -> None:
    try:
        text, name = detect_encoding(raw, declared)
    except InputError:
        return
    assert isinstance(text, str)
    assert codecs.lookup(name)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_any_utf8_text_round_trips(text: str) -> None:
    raw = text.encode("utf-8")
    assert detect_encoding(raw)[0] == (text[1:] if text.startswith("\ufeff") else text)


ENGLISH_PAGE = (
    "Home | World | Asia | Opinion\n"
    "The foreign ministry said on Monday that the president had sent a message of sympathy to his "
    "counterpart after the floods, calling the neighbour \u201ca close friend in hard times\u201d. "
    "Officials added that aid would follow within the week \u2014 the second such offer this year. "
    "The reply, received two days later, thanked the government for its \u2018timely and generous\u2019 help "
    "and invited the minister to visit the capital in the spring.\n"
    "Related stories | Most read | Contact us | Terms of use\n"
)


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        # English with a few curly quotes: cp1252, not a Central European look-alike.
        (ENGLISH_PAGE, "cp1252", "cp1252"),
        # Text that cp1252 would turn into a mess keeps its own code page.
        ("Президент направил поздравительное письмо руководителю соседней страны; ответ пришёл в среду.", "cp1251", "cp1251"),
        ("Prezydent wysłał list gratulacyjny do przywódcy sąsiedniego państwa z okazji świąt; źródło podało, że odpowiedź nadeszła.", "cp1250", "cp1250"),
    ],
)
def test_guessed_one_byte_code_pages_prefer_cp1252_only_when_it_reads_cleanly(text: str, codec: str, expected: str) -> None:
    assert detect_encoding(text.encode(codec)) == (text, expected)
