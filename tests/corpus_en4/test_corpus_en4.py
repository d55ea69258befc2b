"""A fourth, blind English corpus: well-formed gold, our own text, and a floor on extraction.

tests/corpus_en4/pages holds English pages written by a writer who never read
the extractor (src/missive/extract, clean, data) nor the pages or gold of the
other English corpora, in the styles of real crawls: about half of the event
pages in the kinds the hidden set is drawn from (Xinhua, China Daily, CGTN,
Global Times, People's Daily; KCNA, KCNA Watch, Rodong Sinmun, the Pyongyang
Times; Yonhap, the Korea Herald, NK News), the rest from other outlets and
countries (MONTSAME, the Himalayan Times, Daily Mirror, ANTARA, Ahram Online,
SAnews, Agencia Brasil, Tanjug, About Hungary, TDH, Khovar, AZERTAC, El 19
Digital, Shabait, WAFA, Prensa Latina, VNA, TASS, the Kremlin).
tests/corpus_en4/gold is their reading under the shared GUIDELINES.md. Its
score is a fresh estimate of how extraction carries over to the hidden pages.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from support.gold import check_gold_schema, copied_pages, coverage, extract_and_score
from support.gold import load_gold, scorer_output, self_score

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
GOLD = HERE / "gold"
GOLDS = load_gold(GOLD)
SENTENCE = 50  # no sentence this long may come from the eval pages

# Event F1 of `missive extract` on these pages: 0.863 measured once when the set was
# written, 0.919 after fixing three kinds of miss its writer described (pages not read;
# README.md). The floor is the latest figure minus 0.03; raise it as the extractor improves.
F1_FLOOR = 0.889


def page_text(name: str) -> str:
    """The page a gold reading is of (any suffix), as text."""
    return next(p for p in PAGES.iterdir() if p.stem == name).read_text(encoding="utf-8")


def test_every_page_has_exactly_one_gold_reading():
    pages = sorted(p.stem for p in PAGES.iterdir())
    assert len(pages) >= 45
    assert pages == sorted(GOLDS)


def test_the_corpus_mixes_event_pages_and_look_alikes():
    seen = coverage(GOLDS)
    assert seen.look_alikes >= 12, "pages that only look like they hold an event"
    assert seen.types >= {"congratulatory", "greetings", "verbal", "letter", "condolence", "call", "message", "thanks"}
    assert seen.years[0] <= "2016" and seen.years[-1] >= "2025"
    assert seen.replies, "a reply"
    assert seen.most_events >= 6, "a round-up with many senders"


def test_some_pages_are_html_and_some_have_no_trustworthy_date():
    suffixes = [p.suffix for p in PAGES.iterdir()]
    assert suffixes.count(".html") >= 3
    assert sum(reading["published"] is None for reading in GOLDS.values()) >= 3


@pytest.mark.parametrize("name", sorted(GOLDS))
def test_gold_follows_the_schema(name: str):
    # With the page: persons named on it, anniversary numbers written on it.
    assert check_gold_schema(GOLDS[name], page_text(name), langs={"en"}) == []


def test_gold_scores_perfectly_against_itself(shared_eval, tmp_path):
    figures = self_score(GOLD, tmp_path, shared_eval=shared_eval)
    assert figures["event_f1"] == 1.0, figures
    assert figures["published_accuracy"] == 1.0 and figures["invented_where_none"] == 0, figures


def test_no_sentence_is_copied_from_the_eval_pages(shared_eval):
    texts = {p.name: p.read_text(encoding="utf-8") for p in PAGES.iterdir()}
    copied = copied_pages(texts, shared_eval, SENTENCE)
    assert not copied, sorted(copied.items())[:3]


def test_extraction_keeps_its_event_f1_on_unseen_pages(shared_eval, tmp_path):
    figures = extract_and_score(PAGES, GOLD, tmp_path, shared_eval=shared_eval)
    assert figures["rows"] == len(GOLDS)
    assert figures["event_f1"] >= F1_FLOOR, scorer_output(
        "extract", GOLD, tmp_path / "extract.jsonl", verbose=True, shared_eval=shared_eval)
