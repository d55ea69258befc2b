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

from support.annotated_corpus import AnnotatedCorpus
from support.gold import coverage


class TestCorpusEn4(AnnotatedCorpus):
    # Event F1 of `missive extract` on these pages: 0.863 measured once when the set was
    # written, 0.919 after fixing three kinds of miss its writer described (pages not read;
    # README.md). The floor is the latest figure minus 0.03; raise it as the extractor improves.
    HERE = Path(__file__).resolve().parent
    F1_FLOOR = 0.889
    MIN_PAGES = 45


GOLDS = TestCorpusEn4.golds()
PAGES = TestCorpusEn4.pages()


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
