"""The team's own Chinese and Korean corpus: well-formed gold, our own text, and a floor on extraction.

tests/corpus_zhko/pages holds pages written by the team in the styles of real
crawls (Xinhua, People's Daily, fmprc, CCTV, Global Times, Hong Kong and Taiwan
outlets in traditional characters; KCNA and Rodong Sinmun in DPRK Korean;
Yonhap, KBS, Chosun, Hankyoreh, NK-focused outlets), stating real
correspondence, plus pages that only look like they hold an event.
tests/corpus_zhko/gold has their reading under the shared GUIDELINES.md.
The CJK extractor was first measured on them before any tuning: see F1_FLOOR.
"""

from __future__ import annotations

from pathlib import Path

from support.annotated_corpus import AnnotatedCorpus
from support.gold import copied_runs, coverage


class TestCorpusZhko(AnnotatedCorpus):
    # Event F1 of `missive extract` on these 38 pages: 0.480 before round 2 (precision
    # 0.545, recall 0.429: the honest estimate of generalisation, measured before any
    # tuning), 0.988 after round 2 (which was tuned on them). Floor: after minus 0.05.
    HERE = Path(__file__).resolve().parent
    F1_FLOOR = 0.93
    LANGS = frozenset({"zh", "zh-Hant", "ko"})
    RUN = 30


GOLDS = TestCorpusZhko.golds()
PAGES = TestCorpusZhko.pages()
SENTENCE = TestCorpusZhko.SENTENCE
RUN = TestCorpusZhko.RUN


def test_both_languages_and_both_scripts_are_covered():
    langs = coverage(GOLDS).langs
    assert langs["zh"] + langs["zh-Hant"] >= 15
    assert langs["ko"] >= 15
    assert langs["zh-Hant"], "a traditional-character outlet"


def test_the_corpus_mixes_event_pages_and_look_alikes():
    seen = coverage(GOLDS)
    assert seen.look_alikes >= 8, "pages that only look like they hold an event"
    assert seen.types >= {"congratulatory", "greetings", "verbal", "letter", "condolence", "call", "message"}
    assert seen.replies, "a reply"
    assert seen.most_events >= 3, "a round-up page"


def test_the_copy_check_catches_a_planted_run(tmp_path):
    theirs = "序言。" + "中" * 10 + "国家主席习近平同俄罗斯总统普京互致贺电，祝贺两国建交周年纪念日到来" + "。"
    (tmp_path / "real.txt").write_text(theirs, encoding="utf-8")
    planted = "我们写的开头。国家主席习近平同俄罗斯总统普京互致贺电，祝贺两国建交周年纪念日到来。"
    assert copied_runs(planted, tmp_path, SENTENCE, RUN)
    assert not copied_runs("国家主席习近平同俄罗斯总统普京互致贺电。", tmp_path, SENTENCE, RUN)
