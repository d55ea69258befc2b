"""Run extraction over an eval directory and print the scorer's JSONL contract lines.

    .venv/bin/python bench/extract_dev.py /work/shared/eval/dev > /tmp/pred.jsonl
    python3 /work/shared/eval/score.py extract /work/shared/eval/dev /tmp/pred.jsonl -v
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from missive.codec import to_dict
from missive.extract import extract_reports
from missive.model import DatedValue, Document, PartialDate, content_hash
from missive.extract.pagedate import find_page_date


def document(path: Path) -> Document:
    """A Document built from the raw text (the clean stage's output, where it is installed)."""
    raw = path.read_bytes()
    text = raw.decode("utf-8", errors="replace")
    try:
        from missive.clean import clean_page  # noqa: PLC0415
        from missive.ingest import read_path  # noqa: PLC0415,F401
    except ImportError:
        clean_page = None
    day = find_page_date(text)
    published = DatedValue(PartialDate.from_date(day), None, "bench-fallback") if day else None
    return Document(page_hash=content_hash(raw), source=path.name, text=text, language="en", published=published)


def line(path: Path) -> dict:
    """One contract line: doc, published, events."""
    doc = document(path)
    events = []
    for r in extract_reports(doc):
        d = to_dict(r)
        events.append({"sender": d["sender"], "recipient": d["recipient"], "type": d["type"], "date": d["date"],
                       "occasion": d["occasion"], "reply": d["reply"], "rule": d["rule"]})
    return {"doc": path.name, "published": doc.published.date.iso() if doc.published else None, "events": events}


if __name__ == "__main__":
    for p in sorted(Path(sys.argv[1]).glob("*.txt")):
        print(json.dumps(line(p), ensure_ascii=False))
