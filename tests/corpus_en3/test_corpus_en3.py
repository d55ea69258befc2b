"""A third, blind English corpus: well-formed gold, our own text, and a floor on extraction.

tests/corpus_en3/pages holds English pages written by a writer who never read
the extractor (src/missive/extract, clean, data) nor the pages of the other
English corpora, in the styles of real crawls: about a third in the kinds the
hidden set is drawn from (KCNA and its aggregators, Rodong Sinmun, the
Pyongyang Times, Xinhua, CGTN, Global Times, China Daily, Yonhap, the Korea
Herald, NK News), the rest from other outlets (Kremlin, TASS, BelTA, VNA,
Nhan Dan, VOV, KPL, AKP, Prensa Latina, El 19 Digital, SANA, MONTSAME, Akorda,
APP, Japan's MOFA, Ahram Online, a wire). tests/corpus_en3/gold is their
reading under the shared GUIDELINES.md. Its score is a fresh estimate of how
extraction carries over to the hidden real pages.
"""

from __future__ import annotations

from pathlib import Path

from support.annotated_corpus import AnnotatedCorpus
from support.gold import coverage


class TestCorpusEn3(AnnotatedCorpus):
    # Event F1 of `missive extract` on these pages: 0.817 when the set was written, 0.894
    # after fixes made for other sets (never tuned on these pages; README.md). The floor
    # is the latest figure minus 0.03, rounded down; raise it as the extractor improves.
    HERE = Path(__file__).resolve().parent
    F1_FLOOR = 0.864
    MIN_PAGES = 45


GOLDS = TestCorpusEn3.golds()
PAGES = TestCorpusEn3.pages()


def test_the_corpus_mixes_event_pages_and_look_alikes():
    seen = coverage(GOLDS)
    assert seen.look_alikes >= 12, "pages that only look like they hold an event"
    assert seen.types >= {"congratulatory", "greetings", "verbal", "letter", "condolence", "call", "message", "thanks"}
    assert seen.years[0] <= "2011" and seen.years[-1] >= "2025"
    assert seen.replies, "a reply"
    assert seen.most_events >= 6, "a round-up with many senders"


def test_some_pages_are_html_and_some_have_no_trustworthy_date():
    suffixes = [p.suffix for p in PAGES.iterdir()]
    assert suffixes.count(".html") >= 3
    assert sum(reading["published"] is None for reading in GOLDS.values()) >= 3
