"""The pre-filter keeps pages that could report correspondence and says why it drops the rest."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missive.errors import DataError
from missive.model import Page
from missive.resources import load_data
from missive.screen import page_text, screen_page, screen_text
from missive.screen.cues import GROUPS, CueSet, build_cues, expand_variants, load_cues, parse_cues, registry_names

KEEP = [
    "President Moon sent a message of congratulations to the King of Sweden.",
    "The premier congratulated his counterpart on the election victory.",
    "The two presidents held a phone call on Tuesday.",
    "The Chairman wrote to the Prime Minister about the talks.",
    "Kim Jong Un received a verbal message from the envoy.",
    "The Queen expressed her condolences in a telegram.",
    "In a letter, the Chancellor thanked the Emir.",
    "THE PRESIDENT SENT GREETINGS.",
    "国家主席习近平致电祝贺当选总统。",
    "國家主席習近平致電祝賀當選總統。",
    "總書記發回電表示感謝。",
    "김정은 총비서가 축전을 보냈다.",
    "대통령은 전화 통화에서 감사를 표했다.",
]

REJECT = [
    ("The football club signed a new striker on Tuesday.", "no correspondence cue"),
    ("We recall that the applicable rules for the president changed.", "no correspondence cue"),
    ("Newsletter: the president opened a bridge.", "no correspondence cue"),
    ("Call our hotline for a free quote on a new kitchen.", "no cue of a person in office"),
    ("She sent a message to her neighbour about the fence.", "no cue of a person in office"),
    ("股市今天上涨了百分之二。", "no correspondence cue"),
    ("오늘 서울의 날씨는 맑겠습니다.", "no correspondence cue"),
    ("The president opened the new port. " + "The harbour is deep and wide. " * 10
     + "Visitors can call the harbour office.", "no correspondence cue near a person in office"),
]


@pytest.mark.parametrize("text", KEEP)
def test_keeps_pages_with_a_message_cue_and_an_office_cue(text: str) -> None:
    assert screen_text(text) is None


@pytest.mark.parametrize(("text", "reason"), REJECT)
def test_rejects_with_the_reason(text: str, reason: str) -> None:
    assert screen_text(text) == reason


def _page(text: str, media_type: str = "text", title: str | None = None) -> Page:
    raw = text.encode()
    return Page(source="t", raw=raw, text=text, media_type=media_type, encoding="utf-8", container="txt",
                title_hint=title)


def test_html_is_screened_on_its_visible_text_not_its_scripts() -> None:
    html = ("<html><head><script>function call(){}; var message='president';</script></head>"
            "<body><p>The market rose.</p></body></html>")
    assert screen_page(_page(html, "html")) == "no correspondence cue"
    visible = "<html><body><div>The President</div><div>sent a message</div></body></html>"
    assert screen_page(_page(visible, "html")) is None


def test_adjacent_elements_do_not_glue_words_together() -> None:
    assert "president sent" in page_text(_page("<p>President</p><p>sent</p>", "html")).lower()


def test_title_hint_counts() -> None:
    assert screen_page(_page("The market rose.", title="President sends message")) is None


def test_traditional_forms_of_chinese_cues_are_added() -> None:
    forms = expand_variants("zh", ["贺电"])
    assert forms == sorted(forms) and "贺电" in forms and "賀電" in forms
    assert expand_variants("en", ["message"]) == ["message"]


def test_data_file_is_valid_and_has_every_group_and_language() -> None:
    parsed = parse_cues(load_data("screen.yaml"))
    assert set(parsed) == {*GROUPS, "window"} and parsed["window"] > 0
    for group in GROUPS:
        assert {"en", "zh", "ko"} <= set(parsed[group])


@pytest.mark.parametrize(
    "bad",
    [
        [],
        {"correspondence": {"en": ["message"]}},
        {"correspondence": {"en": ["message"]}, "office": {"en": []}},
        {"correspondence": {"en": ["Message"]}, "office": {"en": ["king"]}},
        {"correspondence": {"en": [""]}, "office": {"en": ["king"]}},
        {"correspondence": {"en": ["a"]}, "office": {"en": ["king"]}, "other": {}},
    ],
)
def test_malformed_data_is_refused(bad: object) -> None:
    with pytest.raises(DataError):
        parse_cues({"window": 200, **bad} if isinstance(bad, dict) else bad)


@pytest.mark.parametrize("window", [0, -5, "wide", None, True])
def test_a_bad_window_is_refused(window: object) -> None:
    with pytest.raises(DataError, match="window"):
        parse_cues({"window": window, "correspondence": {"en": ["call"]}, "office": {"en": ["king"]}})


def test_cues_count_only_within_the_window() -> None:
    data = {"window": 20, "correspondence": {"en": ["call"]}, "office": {"en": ["king"]}}
    cues = build_cues(data)
    assert cues.first_missing("the king will call") is None
    assert cues.first_missing("call " + "x" * 30 + " the king") == "near"
    assert cues.first_missing("the king " + "x" * 30 + " call, then the king") is None


def test_word_start_applies_to_latin_cues_only() -> None:
    cues = build_cues({"correspondence": {"en": ["call"], "zh": ["电话"]}, "office": {"en": ["king"]}})
    assert cues.first_missing("the king will call") is None
    assert cues.first_missing("the king will recall") == "correspondence"
    assert cues.first_missing("king 打电话") is None


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_adding_text_never_turns_a_kept_page_into_a_rejected_one(prefix: str, suffix: str) -> None:
    # Monotonic: more text can only add cues (a separator keeps word starts intact).
    core = "The President sent a message."
    assert screen_text(f"{prefix} {core} {suffix}") is None


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_answers_none_or_a_known_reason(text: str) -> None:
    assert screen_text(text) in (None, "no correspondence cue", "no cue of a person in office")


def test_registry_full_names_count_as_office_cues_but_short_forms_do_not() -> None:
    # Titles absent: the registry's full names still mark a person in office.
    assert screen_text("Vladimir Putin and Alexander Lukashenko held a telephone conversation.") is None
    assert screen_text("푸틴과 통화했다.") is None
    # "Moon" is a registry short form, and a common word: not a cue.
    assert screen_text("The moon landing was shown in a video call.") == "no cue of a person in office"


def test_registry_names_refuse_a_malformed_index() -> None:
    with pytest.raises(DataError):
        registry_names({"files": "actors/world.yaml"})
    assert "vladimir putin" in registry_names(load_data("actors/index.yaml"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["president", "message", "call", " ", "’", "é", "贺电", "주석", "x" * 50, "\n"]), max_size=30)
       .map("".join) | st.text())
def test_the_small_latin_automaton_answers_as_the_full_one(text: str) -> None:
    cues = load_cues()
    full = CueSet(cues.every, cues.every, cues.window)
    assert cues.first_missing(text.lower()) == full.first_missing(text.lower())
