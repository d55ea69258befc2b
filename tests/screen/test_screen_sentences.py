"""A correspondence cue and an office cue pair only inside one sentence."""

from __future__ import annotations

import pytest

from missive.screen import screen_text

NEAR = "no correspondence cue near a person in office"

CASES = [
    ("The President sent a message to the people.", None),
    ("U.S. President Carter sent a letter of thanks.", None),  # a period before the pair does not split it
    ("The minister of sport attended the final. Fans called for the coach to resign.", NEAR),
    ("Mayor sends letter to twin city\nThe text was read out today.", None),  # a title line runs on into the body
    ("Readers may send a letter to the editor\n\nThe mayor opened the new bridge.", NEAR),
    ("Was the chairman there? Call the office to ask.", NEAR),
    ("国家主席出席了会议。观众打来电话询问时间。", NEAR),
    ("国家主席致电祝贺。", None),
    ("위원장이 회의에 참석했다. 시민들이 축전 행사를 열었다.", NEAR),
    ("위원장이 축전을 보냈다.", None),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_cues_pair_within_one_sentence(text, expected):
    assert screen_text(text) == expected
