"""Shared checks for a folder of pages with gold readings (GUIDELINES.md of the shared eval).

The bundled examples and the team's corpora (tests/corpus_en, corpus_zhko,
corpus_zhko2) are checked the same way: every gold reading follows the format
of /work/shared/eval/*/*.json, the gold scores 1.0 against itself with the
shared score.py, no page copies text from the eval pages, and `missive
extract` keeps an F1 floor on them. The corpus-specific checks (coverage,
encodings, thresholds) stay in each test module.

Functions that read /work/shared/eval take its folder (``shared_eval``, by
default the one beside the repo): the tests pass the ``shared_eval`` fixture,
which skips them where the folder is absent.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from missive.model import MESSAGE_TYPES, OCCASION_KINDS

DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
KEY = re.compile(r"[a-z]+")
LANGS = ("en", "zh", "zh-Hant", "ko")
GOLD_FIELDS = {"source", "lang", "published", "events"}
EVENT_FIELDS = {"sender", "recipient", "type", "date", "occasion", "reply"}
OCCASION_FIELDS = {"kind", "anniversary", "of"}
REPLY_OCCASIONS = {"thanks", "other", "none"}  # a reply is no congratulation of its own
EXTRACT_TIMEOUT_S = 300
# /work/shared/eval beside the repo, as the ``shared_eval`` fixture finds it (tests/conftest.py).
SHARED_EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"


def letters(name: str) -> str:
    """Lowercase a-z only, as the shared scorer compares names ('Kim Jong-un' -> 'kimjongun')."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", text.lower())


def load_gold(folder: Path) -> dict[str, dict]:
    """Every gold reading of ``folder``, by page name (the file's stem), sorted by name."""
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(Path(folder).glob("*.json"))
    }


@dataclass(frozen=True)
class Coverage:
    """What a corpus's gold covers, for the corpus-specific coverage checks."""

    look_alikes: int  # pages with no event: they only look like they hold one
    types: frozenset[str]
    years: tuple[str, ...]  # sorted years of the dated events
    langs: Counter[str]
    replies: int
    most_events: int  # events on the busiest page (a round-up)


def coverage(gold: Mapping[str, dict]) -> Coverage:
    """Count what a corpus's gold readings cover (types, years, languages, look-alikes)."""
    events = [e for reading in gold.values() for e in reading["events"]]
    return Coverage(
        look_alikes=sum(not reading["events"] for reading in gold.values()),
        types=frozenset(e["type"] for e in events),
        years=tuple(sorted({e["date"][:4] for e in events if e["date"]})),
        langs=Counter(reading["lang"] for reading in gold.values()),
        replies=sum(bool(e["reply"]) for e in events),
        most_events=max((len(reading["events"]) for reading in gold.values()), default=0),
    )


def check_gold_schema(
    gold: dict, page_text: str | None, *, langs: Collection[str] = LANGS
) -> list[str]:
    """Problems of one gold reading against the shared format (empty when fine).

    With ``page_text`` the reading is also held to its page: an anniversary
    number is written on it and, on an English page, each person is named
    there (some spelling with the key's letters in it).
    """
    if set(gold) != GOLD_FIELDS:
        return [f"fields {sorted(gold)} are not {sorted(GOLD_FIELDS)}"]
    problems = []
    if gold["lang"] not in langs:
        problems.append(f"lang {gold['lang']!r} is not one of {sorted(langs)}")
    published = gold["published"]
    if published is not None and not (isinstance(published, str) and DAY.fullmatch(published)):
        problems.append(f"published {published!r} is not YYYY-MM-DD")
        published = None
    named_on_page = page_text is not None and gold["lang"] == "en"
    page_letters = letters(page_text) if named_on_page else ""
    seen: set[tuple] = set()
    for n, event in enumerate(gold["events"]):
        where = f"event {n}"
        if set(event) != EVENT_FIELDS:
            problems.append(f"{where}: fields {sorted(event)} are not {sorted(EVENT_FIELDS)}")
            continue
        problems += [f"{where}: {p}" for p in _event_problems(event, published, page_text)]
        if named_on_page:
            problems += [
                f"{where}: {event[side]['key']!r} is not named on the page"
                for side in ("sender", "recipient")
                if isinstance(event[side], dict) and str(event[side].get("key")) not in page_letters
            ]
        one = (_key(event["sender"]), _key(event["recipient"]), event["type"], event["date"])
        if one in seen:
            problems.append(f"{where}: the same event twice (an event counts once per page)")
        seen.add(one)
    return problems


def _key(actor: object) -> str:
    """An actor's key, or its text where the actor is malformed (reported elsewhere)."""
    return str(actor.get("key")) if isinstance(actor, dict) else repr(actor)


def _event_problems(event: dict, published: str | None, page_text: str | None) -> list[str]:
    """Problems of one event of a gold reading whose fields are the right ones."""
    problems = []
    for side in ("sender", "recipient"):
        actor = event[side]
        if not isinstance(actor, dict) or set(actor) != {"name", "key"}:
            problems.append(f"{side} {actor!r} is not {{name, key}}")
        elif not (isinstance(actor["key"], str) and KEY.fullmatch(actor["key"])):
            problems.append(f"{side} key {actor['key']!r} is not lowercase a-z")
        elif actor["key"] not in letters(str(actor["name"])):
            problems.append(f"{side} key {actor['key']!r} is not in the letters of {actor['name']!r}")
    if _key(event["sender"]) == _key(event["recipient"]):
        problems.append("sender and recipient are the same person")
    if event["type"] not in MESSAGE_TYPES:
        problems.append(f"type {event['type']!r} is not one of MESSAGE_TYPES")
    date = event["date"]
    if date is not None and not (isinstance(date, str) and DATE.fullmatch(date)):
        problems.append(f"date {date!r} is not YYYY[-MM[-DD]]")
    elif date and published and date > published:
        problems.append(f"date {date} postdates the report ({published})")
    occasion = event["occasion"]
    if not isinstance(occasion, dict) or set(occasion) != OCCASION_FIELDS:
        problems.append(f"occasion {occasion!r} is not {{kind, anniversary, of}}")
        occasion = {"kind": "none", "anniversary": None}
    if occasion["kind"] not in OCCASION_KINDS:
        problems.append(f"occasion kind {occasion['kind']!r} is not one of OCCASION_KINDS")
    number = occasion["anniversary"]
    if number is not None:
        # bool is an int subclass: ``type is int`` keeps True out.
        if not (type(number) is int and number > 0):
            problems.append(f"anniversary {number!r} is not a positive whole number")
        elif page_text is not None and str(number) not in page_text:
            problems.append(f"anniversary {number} is not written on the page")
    if type(event["reply"]) is not bool:
        problems.append(f"reply {event['reply']!r} is not true or false")
    elif event["reply"] and occasion["kind"] not in REPLY_OCCASIONS:
        problems.append(f"a reply's occasion is {occasion['kind']!r}, not one of {sorted(REPLY_OCCASIONS)}")
    return problems


def gold_as_prediction(gold: Mapping[str, dict], docs: Mapping[str, str] | None = None) -> list[dict]:
    """Prediction rows that say exactly what the gold says (``docs``: name -> doc, else NAME.txt)."""
    rows = []
    for name, reading in sorted(gold.items()):
        events = [
            {**e, "sender": {"name": e["sender"]["name"], "kind": "person"},
             "recipient": {"name": e["recipient"]["name"], "kind": "person"}}
            for e in reading["events"]
        ]
        doc = docs[name] if docs is not None else f"{name}.txt"
        rows.append({"doc": doc, "published": reading["published"], "events": events})
    return rows


def write_jsonl(rows: Iterable[dict], path: Path) -> Path:
    """Write one JSON object a line, as score.py reads predictions; return ``path``."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def scorer_output(
    mode: str, gold_dir: Path, pred_path: Path, *, verbose: bool = False, shared_eval: Path = SHARED_EVAL
) -> str:
    """What the shared score.py prints for ``mode`` ('extract' or 'resolve'); raise if it fails."""
    command = [sys.executable, str(shared_eval / "score.py"), mode, str(gold_dir), str(pred_path)]
    done = subprocess.run(command + (["--verbose"] if verbose else []), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"score.py {mode} exited {done.returncode}: {done.stderr.strip()}")
    return done.stdout


def parse_figures(printout: str) -> dict[str, float]:
    """The 'label: number' figures of a score.py printout, keyed like 'event_f1', 'type_accuracy'.

    A bare 'recall' takes the first word of its line ('event precision: ..  recall: ..'
    gives 'event_recall'); lines of --verbose misses (indented) are not figures.
    """
    figures: dict[str, float] = {}
    for line in printout.splitlines():
        if line.startswith(" "):
            continue
        for label, number in re.findall(r"([A-Za-z][A-Za-z0-9 -]*?):\s+(\d+(?:\.\d+)?)", line):
            key = re.sub(r"[ -]+", "_", label.strip().lower())
            if key == "recall":
                key = f"{line.split()[0].lower()}_recall"
            figures[key] = float(number)
    return figures


def score(mode: str, gold_dir: Path, pred_path: Path, *, shared_eval: Path = SHARED_EVAL) -> dict[str, float]:
    """Score predictions with the shared score.py and return its figures (see parse_figures)."""
    return parse_figures(scorer_output(mode, gold_dir, pred_path, shared_eval=shared_eval))


def self_score(
    gold_dir: Path, tmp_path: Path, docs: Mapping[str, str] | None = None, *, shared_eval: Path = SHARED_EVAL
) -> dict[str, float]:
    """score.py's figures for the gold of ``gold_dir`` read back as a prediction (all 1.0 when sound)."""
    pred = write_jsonl(gold_as_prediction(load_gold(gold_dir), docs), tmp_path / "gold.jsonl")
    return score("extract", gold_dir, pred, shared_eval=shared_eval)


def extract_and_score(
    pages_dir: Path, gold_dir: Path, tmp_path: Path, *, shared_eval: Path = SHARED_EVAL
) -> dict[str, float]:
    """Run `missive extract PAGES --format jsonl`, score it; figures plus 'rows' (lines printed).

    The predictions stay at ``tmp_path / "extract.jsonl"`` for a verbose re-score
    in an assertion's message.
    """
    done = subprocess.run(
        [sys.executable, "-c", "from missive.cli import main; main()",
         "extract", str(pages_dir), "--format", "jsonl"],
        capture_output=True, text=True, timeout=EXTRACT_TIMEOUT_S,
    )
    if done.returncode != 0:
        raise RuntimeError(f"missive extract exited {done.returncode}: {done.stderr.strip()[-2000:]}")
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    pred = write_jsonl(rows, tmp_path / "extract.jsonl")
    return {**score("extract", gold_dir, pred, shared_eval=shared_eval), "rows": float(len(rows))}


def sentences(text: str, min_len: int) -> set[str]:
    """Sentences of at least ``min_len`` characters (shorter ones are shared site boilerplate)."""
    parts = (s.strip() for s in re.split(r"(?<=[.!?。])\s+|\n", text))
    return {s for s in parts if len(s) >= min_len}


def _flat(text: str) -> str:
    """Whitespace collapsed to one space, so line breaks do not hide a copied run."""
    return re.sub(r"\s+", " ", text)


def _runs(text: str, size: int) -> set[str]:
    """Every run of ``size`` characters of the flattened text."""
    flat = _flat(text)
    return {flat[i : i + size] for i in range(len(flat) - size + 1)}


@functools.lru_cache(maxsize=8)
def _eval_index(shared_eval_dir: Path, min_len: int, cjk_min: int | None) -> tuple[frozenset, frozenset]:
    """The eval pages' long sentences and (with ``cjk_min``) their runs, read once per session."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(shared_eval_dir.rglob("*.txt"))]
    found = frozenset(s for t in texts for s in sentences(t, min_len))
    runs = frozenset(r for t in texts for r in _runs(t, cjk_min)) if cjk_min else frozenset()
    return found, runs


def copied_runs(text: str, shared_eval_dir: Path, min_len: int = 50, cjk_min: int | None = None) -> list[str]:
    """Text of ``text`` also found in an eval page (sorted; empty when the page is our own).

    Two rules: a sentence of at least ``min_len`` characters equal to one of
    theirs; and, with ``cjk_min``, any run of that many characters (whitespace
    collapsed) of theirs. The run rule is meant for Chinese and Korean pages,
    where a copied clause need not be a whole sentence; English pages share
    leaders' names and titles with every outlet (a 30-character run such as
    "Russian President Vladimir Putin"), so pass None for them.
    """
    their_sentences, their_runs = _eval_index(Path(shared_eval_dir), min_len, cjk_min)
    copied = sentences(text, min_len) & their_sentences
    if cjk_min:
        copied |= _runs(text, cjk_min) & their_runs
    return sorted(copied)


def copied_pages(
    texts: Mapping[str, str], shared_eval_dir: Path, min_len: int = 50, cjk_min: int | None = None
) -> dict[str, list[str]]:
    """copied_runs of each page (name -> text), for the pages where it found any."""
    found = {name: copied_runs(text, shared_eval_dir, min_len, cjk_min) for name, text in sorted(texts.items())}
    return {name: runs for name, runs in found.items() if runs}
