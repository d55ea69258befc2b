"""Property and fuzz tests: the stages raise nothing but missive errors across their boundary and
never hang (every example runs under a hard alarm, not only Hypothesis's after-the-fact deadline)."""

from __future__ import annotations

import io
import re
import signal
import time
from contextlib import contextmanager
from typing import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from missive import clean, extract, ingest
from missive.clean import dates as clean_dates
from missive.errors import MissiveError
from missive.extract import dates as act_dates
from missive.extract import pagedate
from missive.extract.sentences import split_sentences
from missive.model import Document, Page

HANG_S = 10.0  # a single example taking this long is a hang
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)


class Hung(Exception):
    pass


@contextmanager
def hard_limit(seconds: float = HANG_S) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (the stage under test has no timer of its own)."""

    def on_alarm(signum: int, frame: object) -> None:
        raise Hung(f"did not finish in {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


WORDS = [
    "Kim Jong Un", "Xi Jinping", "Vladimir Putin", "President", "Chairman", "General Secretary", "sent", "received",
    "a", "the", "congratulatory", "message", "letter", "greetings", "of thanks", "to", "from", "on", "in", "his",
    "anniversary", "70th", "founding", "birthday", "May", "Oct.", "3", "2021", "1st", "Monday", "last week",
    "(KCNA)", "--", ",", ".", "\n", "\n\n", "said", "reply", "condolence", "death", "习近平", "致电", "金正恩", "축전",
    "보냈다", "1日", "10月", "2021年", "'s", "“", "”", "and", "with", "exchanged", "<", ">", "&amp;", "\x00", "\t",
]  # fmt: skip
sentences = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
any_text = st.one_of(sentences, st.text(max_size=400))


def page_of(text: str, media_type: str = "text", url: str | None = None) -> Page:
    raw = text.encode("utf-8", "surrogatepass")
    return Page(source="fuzz.txt", raw=raw, text=text, media_type=media_type, encoding="utf-8", container="txt", url=url)  # type: ignore[arg-type]


@FUZZ
@given(text=any_text, html=st.booleans(), url=st.one_of(st.none(), st.just("https://news.example/2021/05/03/a.html")))
def test_clean_and_extract_raise_only_missive_errors(text: str, html: bool, url: str | None) -> None:
    if html:
        text = f"<html><head><title>{text[:40]}</title></head><body><p>{text}</p><div>{text[::-1]}</div></body></html>"
    with hard_limit():
        try:
            doc = clean.clean_page(page_of(text, "html" if html else "text", url))
        except MissiveError:
            return
        for report in extract.extract_reports(doc):
            assert report.page_hash == doc.page_hash
            for ev in report.evidence:
                assert doc.text[ev.span.start : ev.span.end] == ev.span.text


@FUZZ
@given(text=any_text, language=st.sampled_from(["en", "zh", "ko", "und"]))
def test_extract_on_any_document(text: str, language: str) -> None:
    doc = Document(page_hash="0" * 64, source="fuzz", text=text, language=language)
    with hard_limit():
        try:
            list(extract.extract_reports(doc))
        except MissiveError:
            pass


@FUZZ
@given(text=any_text)
def test_date_finders_never_raise(text: str) -> None:
    import datetime as dt

    with hard_limit():
        clean_dates.find_full_dates(text)
        clean_dates.find_dateline(text)
        clean_dates.parse_hint(text)
        clean_dates.parse_crawl_header(text)
        clean_dates.date_from_url("https://x.example/" + text.replace(" ", "/"))
        for name in ("find_dateline", "article_part", "find_page_date"):  # the module's public finders
            finder = getattr(pagedate, name, None)
            if finder:
                finder(text)
        for expr in act_dates.find_act_dates(text, 0, len(text)):
            act_dates.complete(expr, dt.date(2021, 5, 3))
            act_dates.complete(expr, None)


HEADS = [b"", b"WARC/1.0\r\n", b'{"text": "', b"[{", b"\x1f\x8b\x08\x00", b"<html><body>", b"\xef\xbb\xbf", b"\xff\xfe"]


@FUZZ
@given(head=st.sampled_from(HEADS), body=st.binary(max_size=600))
def test_readers_yield_pages_or_skips_never_raise(head: bytes, body: bytes) -> None:
    from missive.model import Skip

    with hard_limit():
        items = list(ingest.read_stream(io.BytesIO(head + body), name="fuzz"))
    assert items, "every input yields at least one Page or Skip"
    for item in items:
        assert isinstance(item, (Page, Skip))
        if isinstance(item, Skip):
            assert item.reason.strip()


# -- the sentence splitter: linear, and the same cuts as the straightforward version ---------

def _split_reference(text: str) -> list[tuple[int, int]]:
    """The line-break rule written the obvious (quadratic) way: the specification of the fast one."""
    from missive.extract.sentences import _ABBREV, _WRAPPED_END

    cuts: set[int] = set()
    for m in re.finditer(r"[.!?][\"'”’)\]]*(?=\s)", text):
        if not _ABBREV.search(text[max(0, m.start() - 6) : m.start() + 1]):
            cuts.add(m.end())
    for m in re.finditer(r"\n", text):
        before = text[: m.start()].rstrip(" \t")
        after = text[m.end() :].lstrip(" \t")
        if not (bool(_WRAPPED_END.search(before[-20:])) or after[:1].islower()) or after.startswith("\n"):
            cuts.add(m.start())
    out, start = [], 0
    for cut in sorted(cuts | {len(text)}):
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
        start = cut
    return out


@FUZZ
@given(text=st.lists(st.sampled_from(["the", "of", "A", "b", " ", "\t", "\n", ",", ".", "Comrade", "x", "-"]), max_size=60).map("".join))
def test_sentence_splitting_equals_the_straightforward_version(text: str) -> None:
    assert [(s.start, s.end) for s in split_sentences(text)] == _split_reference(text)


def test_sentence_splitting_is_linear_in_the_number_of_lines() -> None:
    small = "The weather was calm in the north.\n" * 5_000
    big = small * 10
    started = time.perf_counter()
    split_sentences(small)
    t_small = time.perf_counter() - started
    started = time.perf_counter()
    split_sentences(big)
    t_big = time.perf_counter() - started
    assert t_big < max(40 * t_small, 1.0), (t_small, t_big)


@pytest.mark.parametrize(
    ("name", "data"),
    [("blank.jsonl", b"\n\n\n"), ("empty-list.json", b"[]"), ("zero.jsonl", b""), ("headless.warc", b"WARC/1.0\r\nno end" * 50),
     ("info-only.warc", b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 2\r\n\r\nab\r\n\r\n")],
)  # fmt: skip
def test_a_file_with_no_page_is_skipped_with_a_reason_not_lost(tmp_path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(ingest.read_pages([path]))
    assert len(items) == 1 and not isinstance(items[0], Page)
    assert items[0].source == str(path) and items[0].reason
