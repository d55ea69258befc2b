"""readouts.yaml is checked on load, and the comparison renders for the terminal."""

from __future__ import annotations

import pytest

from missive.cli.render import format_comparison
from missive.errors import DataError
from missive.resolve import readout_text
from missive.resolve.compare import Addition, Alignment, Comparison, CueFinding, Version


def test_data_file_loads_and_every_cue_has_an_english_form():
    r = readout_text.rules()
    assert 0 < r.align_score < 1 and r.max_phrases >= 1
    assert {"no", "on", "off"} <= r.stopwords["en"]  # quoted in the file, not read as booleans
    assert all("en" in c.forms for c in r.cues)
    assert "strategic communication" in {c.label for c in r.cues}


@pytest.mark.parametrize(
    "change",
    [
        {"thresholds": {"align_score": 2, "full_text_share": 0.4, "max_phrases": 8, "phrase_words": [2, 4],
                        "follow_on": 2}},
        {"furniture": ["(unclosed"]},
        {"stopwords": {"en": ["the", False]}},
        {"cues": [{"label": "x", "en": []}]},
        {"synonyms": [["alone"]]},
    ],
)
def test_malformed_data_is_refused(monkeypatch, change):
    raw = dict(readout_text.load_data("readouts.yaml"))
    raw.update(change)
    readout_text.rules.cache_clear()
    monkeypatch.setattr(readout_text, "load_data", lambda name: raw)
    try:
        with pytest.raises(DataError):
            readout_text.rules()
    finally:
        readout_text.rules.cache_clear()


def test_render_shows_times_alignments_cues_and_additions():
    fields = {"sender": "A", "recipient": "B", "date": "2025-01-01", "type": "letter", "occasion": "none",
              "anniversary": "none", "reply": "no"}
    v1 = Version("r1", "one.txt", "Wire One", "en", "2025-01-01", (), ("S1.",), 1.0, "full", fields, "08:30", ("x",))
    v2 = Version("r2", "two.txt", "Wire Two", "en", "2025-01-01", (), ("S2.",), 0.1, "mention", fields)
    cmp = Comparison("ev", (v1, v2), (Alignment("r1", "S1.", "r2", "S2.", 42.0),),
                     (Addition("r1", "Wire One", ("Only here.",), ("new idea",), ("x",)),), {},
                     {"Wire One": ("2025-01-01", "r1"), "Wire Two": ("2025-01-01", "r2")}, (),
                     (CueFinding("x", ("r1",), ("r2",)),))
    text = format_comparison(cmp)
    assert "2025-01-01 08:30  Wire One" in text
    assert "[42] Wire One: S1." in text and "Wire Two: S2." in text
    assert "x: in Wire One; not in Wire Two" in text
    assert "  + Only here." in text and "phrase: new idea" in text
    assert text.index("Wire One  (r1)") < text.index("Wire Two  (r2)")  # the earlier time first
