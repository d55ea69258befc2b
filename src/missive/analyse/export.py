"""Export events or reports as JSONL (full, nested), CSV or Parquet (flat rows).

JSONL keeps every field via ``codec.to_dict`` so it can be read back; CSV and
Parquet carry one flat row per item for spreadsheets and dataframes.
"""

from __future__ import annotations

import csv
import io
import json
import os
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, Iterator, Literal

from ..codec import to_dict
from ..errors import InputError
from ..model import Event, Report
from ..store.base import Query, Store

Format = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet")

EVENT_COLUMNS = (
    "id", "date", "type", "sender", "sender_id", "recipient", "recipient_id",
    "occasion", "anniversary", "occasion_of", "reply", "reply_to", "reply_lag_days",
    "reports", "outlets", "documents",
)  # fmt: skip
REPORT_COLUMNS = (
    "id", "doc", "page_hash", "date", "date_basis", "type", "sender", "sender_id",
    "sender_titles", "recipient", "recipient_id", "recipient_titles", "occasion",
    "anniversary", "occasion_of", "reply", "language", "outlet", "published", "rule",
)  # fmt: skip
_INT_COLUMNS = {"anniversary", "reply_lag_days", "reports"}
_BOOL_COLUMNS = {"reply"}


def event_row(ev: Event) -> dict[str, Any]:
    """Flatten an event to one row of EVENT_COLUMNS."""
    return {
        "id": ev.id,
        "date": ev.date.iso() if ev.date else None,
        "type": ev.type,
        "sender": ev.sender.name,
        "sender_id": ev.sender.actor_id,
        "recipient": ev.recipient.name,
        "recipient_id": ev.recipient.actor_id,
        "occasion": ev.occasion.kind,
        "anniversary": ev.occasion.anniversary,
        "occasion_of": ev.occasion.of,
        "reply": ev.reply,
        "reply_to": ev.reply_to,
        "reply_lag_days": ev.reply_lag_days,
        "reports": len(ev.reports),
        "outlets": "; ".join(sorted({r.outlet for r in ev.reports if r.outlet})),
        "documents": "; ".join(sorted({r.doc for r in ev.reports})),
    }


def report_row(rep: Report) -> dict[str, Any]:
    """Flatten a report to one row of REPORT_COLUMNS (titles joined with '; ')."""
    return {
        "id": rep.id,
        "doc": rep.doc,
        "page_hash": rep.page_hash,
        "date": rep.date.iso() if rep.date else None,
        "date_basis": rep.date_basis,
        "type": rep.type,
        "sender": rep.sender.name,
        "sender_id": rep.sender.actor_id,
        "sender_titles": "; ".join(rep.sender.titles),
        "recipient": rep.recipient.name,
        "recipient_id": rep.recipient.actor_id,
        "recipient_titles": "; ".join(rep.recipient.titles),
        "occasion": rep.occasion.kind,
        "anniversary": rep.occasion.anniversary,
        "occasion_of": rep.occasion.of,
        "reply": rep.reply,
        "language": rep.language,
        "outlet": rep.outlet,
        "published": rep.published.iso() if rep.published else None,
        "rule": rep.rule,
    }


@contextmanager
def _binary(out: str | os.PathLike[str] | IO[bytes] | IO[str]) -> Iterator[IO[bytes]]:
    """A binary stream over a path, a binary stream, or a text stream (e.g. sys.stdout)."""
    if isinstance(out, (str, os.PathLike)):
        with Path(out).open("wb") as fh:
            yield fh
    elif isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        out.flush()
        if hasattr(out, "buffer"):
            yield out.buffer  # type: ignore[union-attr]
            out.buffer.flush()  # type: ignore[union-attr]
        else:  # a text stream with no bytes underneath (StringIO): decode what we wrote
            buf = io.BytesIO()
            yield buf
            out.write(buf.getvalue().decode("utf-8"))  # type: ignore[arg-type]
    else:
        yield out  # type: ignore[misc]


def _write(items: list[Any], rows: list[dict[str, Any]], columns: tuple[str, ...], fmt: str, out: Any) -> int:
    if fmt not in FORMATS:
        raise InputError(f"cannot export as {fmt!r}: choose one of {', '.join(FORMATS)}")
    with _binary(out) as fh:
        if fmt == "jsonl":
            for item in items:
                fh.write((json.dumps(to_dict(item), ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
        elif fmt == "csv":
            text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
            writer = csv.DictWriter(text, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)
            text.detach()  # leave the caller's stream open
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            def kind(col: str) -> Any:
                return pa.int64() if col in _INT_COLUMNS else pa.bool_() if col in _BOOL_COLUMNS else pa.string()

            schema = pa.schema([(c, kind(c)) for c in columns])
            table = pa.Table.from_pylist(rows, schema=schema)
            pq.write_table(table, fh)
    return len(items)


def export_events(store: Store, fmt: str, out: str | os.PathLike[str] | IO[bytes], query: Query = Query()) -> int:
    """Write matching events to ``out`` (path or binary stream) as jsonl/csv/parquet; return the count."""
    events = store.events(replace(query, limit=None, after=None))
    return _write(events, [event_row(e) for e in events], EVENT_COLUMNS, fmt, out)


def export_reports(store: Store, fmt: str, out: str | os.PathLike[str] | IO[bytes], query: Query = Query()) -> int:
    """Write matching reports to ``out`` (path or binary stream) as jsonl/csv/parquet; return the count."""
    reports = store.reports(replace(query, limit=None, after=None))
    return _write(reports, [report_row(r) for r in reports], REPORT_COLUMNS, fmt, out)


def export_records(store: Store, what: str, fmt: str, out: Any, query: Query = Query()) -> int:
    """Export ``what`` (events | reports) for the CLI; ``out`` may be a path or a text/binary stream."""
    if what == "events":
        return export_events(store, fmt, out, query)
    if what == "reports":
        return export_reports(store, fmt, out, query)
    raise InputError(f"cannot export {what!r}: choose events or reports")
