"""What every annotated corpus of ours must keep, written once: a test class to subclass.

A corpus folder holds ``pages/`` and ``gold/`` (one reading per page, under the shared
GUIDELINES.md). Its test module subclasses :class:`AnnotatedCorpus` as ``Test...``,
sets ``HERE`` and ``F1_FLOOR`` (and ``LANGS``, ``RUN``, ``MIN_PAGES`` where they differ),
and adds its own coverage tests: what kinds of page, type and year the corpus holds.
"""

from __future__ import annotations

import functools
from pathlib import Path

from support.gold import check_gold_schema, copied_pages, extract_and_score, load_gold, scorer_output, self_score


class AnnotatedCorpus:
    """Well-formed gold, our own text, and a floor on extraction's event F1."""

    HERE: Path
    F1_FLOOR: float
    LANGS: frozenset[str] = frozenset({"en"})
    MIN_PAGES = 0
    SENTENCE = 50  # no sentence this long may come from the eval pages...
    RUN: int | None = None  # ...nor (CJK) any run of this many characters, whitespace collapsed

    @classmethod
    def pages(cls) -> Path:
        return cls.HERE / "pages"

    @classmethod
    def gold_dir(cls) -> Path:
        return cls.HERE / "gold"

    @classmethod
    def golds(cls) -> dict[str, dict]:
        return _golds(cls.gold_dir())

    @classmethod
    def page_text(cls, name: str) -> str:
        """The page a gold reading is of (any suffix), as text."""
        return next(p for p in cls.pages().iterdir() if p.stem == name).read_text(encoding="utf-8")

    def test_every_page_has_exactly_one_gold_reading(self):
        pages = sorted(p.stem for p in self.pages().iterdir())
        assert len(pages) >= self.MIN_PAGES
        assert pages == sorted(self.golds())

    def test_gold_follows_the_schema(self):
        # With the page: persons named on it, anniversary numbers written on it.
        problems = {name: errors for name, gold in self.golds().items()
                    if (errors := check_gold_schema(gold, self.page_text(name), langs=self.LANGS))}
        assert problems == {}

    def test_gold_scores_perfectly_against_itself(self, shared_eval, tmp_path):
        figures = self_score(self.gold_dir(), tmp_path, shared_eval=shared_eval)
        assert figures["event_f1"] == 1.0, figures
        assert figures["published_accuracy"] == 1.0 and figures["invented_where_none"] == 0, figures

    def test_no_sentence_is_copied_from_the_eval_pages(self, shared_eval):
        texts = {p.name: p.read_text(encoding="utf-8") for p in self.pages().iterdir()}
        copied = copied_pages(texts, shared_eval, self.SENTENCE, self.RUN)
        assert not copied, sorted(copied.items())[:3]

    def test_extraction_keeps_its_event_f1_on_unseen_pages(self, shared_eval, tmp_path):
        figures = extract_and_score(self.pages(), self.gold_dir(), tmp_path, shared_eval=shared_eval)
        assert figures["rows"] == len(self.golds())
        assert figures["event_f1"] >= self.F1_FLOOR, scorer_output(
            "extract", self.gold_dir(), tmp_path / "extract.jsonl", verbose=True, shared_eval=shared_eval)


@functools.cache
def _golds(folder: Path) -> dict[str, dict]:
    return load_gold(folder)
