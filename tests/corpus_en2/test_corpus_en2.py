"""A second, blind English corpus: well-formed gold, our own text, and a floor on extraction.

tests/corpus_en2/pages holds English pages written by a writer who never read
the extractor (src/missive/extract, clean, data) nor tests/corpus_en/pages,
in the styles of real crawls (KCNA and its aggregators, Rodong, Xinhua, CGTN,
Global Times, China Daily, Kremlin, TASS, BelTA, Yonhap, Korea Herald, VNA,
VOV, Nhan Dan, KPL, AKP, APP, IRNA, Akorda, wires), and
tests/corpus_en2/gold their reading under the shared GUIDELINES.md. Its score
is a fresh estimate of how extraction carries over to the hidden real pages.
"""

from __future__ import annotations

from pathlib import Path

from support.annotated_corpus import AnnotatedCorpus
from support.gold import coverage


class TestCorpusEn2(AnnotatedCorpus):
    # Event F1 of `missive extract` on these pages: 0.738 measured once when the set was
    # written, 0.949 after fixes by kind (README.md; no longer blind). The floor is
    # the latest figure minus 0.03, rounded down; raise it as the extractor improves.
    HERE = Path(__file__).resolve().parent
    F1_FLOOR = 0.919
    MIN_PAGES = 45


GOLDS = TestCorpusEn2.golds()
PAGES = TestCorpusEn2.pages()


def test_the_corpus_mixes_event_pages_and_look_alikes():
    seen = coverage(GOLDS)
    assert seen.look_alikes >= 12, "pages that only look like they hold an event"
    assert seen.types >= {"congratulatory", "greetings", "verbal", "letter", "condolence", "call", "message"}
    assert seen.years[0] <= "2011" and seen.years[-1] >= "2025"
    assert seen.replies, "a reply"
    assert seen.most_events >= 6, "a round-up with many senders"


def test_some_pages_are_html_and_some_have_no_trustworthy_date():
    suffixes = [p.suffix for p in PAGES.iterdir()]
    assert suffixes.count(".html") >= 3
    assert any(reading["published"] is None for reading in GOLDS.values())
