"""Measure merging alone: gold events of the eval pages -> Reports -> resolve -> score.py.

Each gold event of each page becomes one Report (doc = the page's file name,
page_hash = a hash of the file, fields from the gold), so merge quality is
measured without waiting for extraction:

    .venv/bin/python bench/merge_quality.py                 # dev and dev-zhko together
    .venv/bin/python bench/merge_quality.py --gold ../shared/eval/dev --out /tmp/events.jsonl -v
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from missive.model import ActorRef, Occasion, PartialDate, Report
from missive.resolve import events_contract, resolve_events

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def gold_reports(gold_dir: Path) -> list[Report]:
    """One Report per gold event of every page in ``gold_dir``."""
    reports = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        page = path.with_suffix(".txt")
        raw = page.read_bytes() if page.exists() else path.read_bytes()
        page_hash = hashlib.sha256(raw).hexdigest()
        published = PartialDate.parse(gold["published"]) if gold.get("published") else None
        for ev in gold.get("events", []):
            occ = ev.get("occasion") or {}
            reports.append(Report(
                doc=page.name,
                page_hash=page_hash,
                sender=ActorRef(ev["sender"]["name"], ev["sender"].get("kind", "person")),
                recipient=ActorRef(ev["recipient"]["name"], ev["recipient"].get("kind", "person")),
                type=ev["type"],
                date=PartialDate.parse(ev["date"]) if ev.get("date") else None,
                occasion=Occasion(occ.get("kind", "none"), occ.get("anniversary"), occ.get("of")),
                reply=bool(ev.get("reply")),
                language=gold.get("lang", "en"),
                published=published,
            ))
    return reports


def merged_gold_dir(dirs: list[Path], into: Path) -> Path:
    """Link several gold dirs into one, so score.py sees pages of every language together."""
    into.mkdir(parents=True, exist_ok=True)
    for d in dirs:
        for f in d.iterdir():
            if f.suffix in (".json", ".txt"):
                (into / f.name).symlink_to(f.resolve())
    return into


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append",
                    help="gold dir (repeatable); default: shared eval dev and dev-zhko")
    ap.add_argument("--out", type=Path, help="where to write events.jsonl (default: a temp file)")
    ap.add_argument("-v", "--verbose", action="store_true", help="let score.py print every miss")
    args = ap.parse_args(argv)
    dirs = args.gold or [SHARED_EVAL / "dev", SHARED_EVAL / "dev-zhko"]
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = dirs[0] if len(dirs) == 1 else merged_gold_dir(dirs, Path(tmp) / "gold")
        reports = [r for d in dirs for r in gold_reports(d)]
        events = resolve_events(reports)
        out = args.out or Path(tmp) / "events.jsonl"
        with out.open("w", encoding="utf-8") as f:
            for row in events_contract(events):
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"reports: {len(reports)}  events: {len(events)}")
        cmd = [sys.executable, str(SHARED_EVAL / "score.py"), "resolve", str(gold_dir), str(out)]
        return subprocess.call(cmd + (["-v"] if args.verbose else []))


if __name__ == "__main__":
    raise SystemExit(main())
