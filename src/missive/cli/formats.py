"""Output shapes shared by the CLI: the evaluation contract, flat rows, and writers.

``page_contract`` is the ``extract`` contract of ``shared/eval/README.md``
(``doc``, ``published``, ``events``), enriched with evidence and titles.
Rows are flat dicts so that table, CSV and JSON lines print the same columns.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any, Iterable, Sequence

from .. import resolve
from ..analyse import export
from ..codec import to_dict
from ..model import Document, Event, Evidence, Report

FORMATS = ("table", "jsonl", "csv", "json")


def _iso(value: Any) -> str | None:
    return value.iso() if value is not None else None


def _evidence(evidence: Sequence[Evidence]) -> list[dict]:
    return [
        {
            "field": ev.field,
            "rule": ev.rule,
            "text": ev.span.text,
            "start": ev.span.start,
            "end": ev.span.end,
            "sentence": ev.sentence.text,
        }
        for ev in evidence
    ]


def report_contract(report: Report) -> dict:
    """One event of the ``extract`` contract, with evidence and titles added."""
    return {
        "id": report.id,
        "sender": {"name": report.sender.name, "kind": report.sender.kind, "titles": list(report.sender.titles)},
        "recipient": {
            "name": report.recipient.name,
            "kind": report.recipient.kind,
            "titles": list(report.recipient.titles),
        },
        "type": report.type,
        "date": _iso(report.date),
        "date_basis": report.date_basis,
        "occasion": {
            "kind": report.occasion.kind,
            "anniversary": report.occasion.anniversary,
            "of": report.occasion.of,
            "check": report.occasion.check,
        },
        "reply": report.reply,
        "rule": report.rule,
        "evidence": _evidence(report.evidence),
    }


def page_contract(name: str, document: Document | None, reports: Iterable[Report]) -> dict:
    """One line of ``missive extract --format jsonl``: the page and the events it states."""
    published = document.published.date.iso() if document and document.published else None
    line: dict[str, Any] = {"doc": name, "published": published}
    if document is not None:
        line.update(title=document.title, outlet=document.outlet, language=document.language)
    line["events"] = [report_contract(r) for r in reports]
    return line


#: The columns of the terminal tables: a readable subset of the export rows.
REPORT_TABLE = ("id", "date", "sender", "recipient", "type", "occasion", "anniversary", "reply", "outlet", "doc")
EVENT_TABLE = ("id", "date", "sender", "recipient", "type", "occasion", "anniversary", "reply", "reports", "outlets")


def report_row(report: Report, columns: Sequence[str] | None = REPORT_TABLE) -> dict:
    """A flat row for listing reports: the export row, cut to ``columns`` (None: all)."""
    row = export.report_row(report)
    return row if columns is None else {c: row[c] for c in columns}


def event_row(event: Event, columns: Sequence[str] | None = EVENT_TABLE) -> dict:
    """A flat row for listing events with their report counts: the export row, cut to ``columns``."""
    row = export.event_row(event)
    return row if columns is None else {c: row[c] for c in columns}


def event_contract(event: Event) -> dict:
    """One line of ``missive events --format jsonl``: the ``resolve`` contract plus details."""
    return resolve.event_contract(event) | {
        "occasion": to_dict(event.occasion),
        "report_ids": sorted(r.id for r in event.reports),
        "reply_lag_days": event.reply_lag_days,
        "outlets": sorted({r.outlet for r in event.reports if r.outlet}),
    }


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    return str(value)


def write_table(rows: Sequence[dict], out: IO[str], max_width: int = 40) -> None:
    """Print rows as an aligned plain-text table (cells cut at ``max_width``)."""
    if not rows:
        out.write("(nothing found)\n")
        return
    columns = list(rows[0])
    cells = [[_cell(row.get(c))[:max_width] for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")


def write_rows(rows: Iterable[dict], fmt: str, out: IO[str]) -> None:
    """Write rows as a table, CSV, JSON lines or one JSON array."""
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump(list(rows), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        rows = list(rows)
        if rows:
            writer = csv.DictWriter(out, fieldnames=list(rows[0]), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v) for k, v in row.items()})
    else:
        write_table(list(rows), out)
