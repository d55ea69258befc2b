"""Commands over the stored record: list, show, explain, compare, override, export, serve."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from .. import jobs, resolve
from ..codec import to_dict
from ..errors import NotFoundError
from .formats import EVENT_TABLE, REPORT_TABLE, event_contract, event_row, report_contract, report_row, write_rows
from ..settings import DB_ENV, TOKEN_ENV, resolve_db
from ..store import open_store
from .app import cli
from .render import format_comparison, format_explanation
from .options import db_option, filter_options, format_option, handle_errors, query_from


@cli.command()
@db_option
@filter_options
@format_option("table", "jsonl", "csv", "json")
@handle_errors
def reports(db: str | None, fmt: str, **kw: Any) -> None:
    """List stored reports: one per event per page."""
    with open_store(resolve_db(db)) as store:
        found = store.reports(query_from(kw))
    if fmt in ("jsonl", "json"):
        rows = [report_contract(r) | {"doc": r.doc, "outlet": r.outlet} for r in found]
    else:
        rows = [report_row(r, None if fmt == "csv" else REPORT_TABLE) for r in found]
    write_rows(rows, fmt, sys.stdout)


@cli.command()
@db_option
@filter_options
@format_option("table", "jsonl", "csv", "json")
@handle_errors
def events(db: str | None, fmt: str, **kw: Any) -> None:
    """List merged events with their report counts (jsonl follows the resolve contract)."""
    with open_store(resolve_db(db)) as store:
        found = store.events(query_from(kw))
    if fmt in ("jsonl", "json"):
        rows = [event_contract(e) for e in found]
    else:
        rows = [event_row(e, None if fmt == "csv" else EVENT_TABLE) for e in found]
    write_rows(rows, fmt, sys.stdout)


def _show_report(report: Any, store: Any) -> None:
    click.echo(f"report {report.id}  from {report.doc}  (outlet: {report.outlet or '?'})")
    fields = {
        "sender": f"{report.sender.name} [{report.sender.kind}]" + (f" ({'; '.join(report.sender.titles)})" if report.sender.titles else ""),
        "recipient": f"{report.recipient.name} [{report.recipient.kind}]" + (f" ({'; '.join(report.recipient.titles)})" if report.recipient.titles else ""),
        "type": report.type,
        "date": f"{report.date.iso() if report.date else 'unknown'} ({report.date_basis})",
        "occasion": f"{report.occasion.kind}" + (f", {report.occasion.anniversary}th" if report.occasion.anniversary else "") + (f": {report.occasion.of}" if report.occasion.of else ""),
        "reply": "yes" if report.reply else "no",
    }
    for name, value in fields.items():
        click.echo(f"\n{name:10} {value}")
        ev = report.evidence_for(name)
        if ev:
            s = ev.sentence
            rel = ev.span.start - s.start
            marked = s.text[:rel] + "[" + ev.span.text + "]" + s.text[rel + len(ev.span.text):]
            click.echo(f"{'':10} evidence ({ev.rule}, chars {ev.span.start}-{ev.span.end}): {marked}")
    if report.occasion.check:
        click.echo(f"\nnote: {report.occasion.check}")


@cli.command()
@click.argument("item_id")
@db_option
@handle_errors
def show(item_id: str, db: str | None) -> None:
    """Show a report (or every report of an event) field by field beside its evidence."""
    with open_store(resolve_db(db)) as store:
        try:
            reports_ = [store.report(item_id)]
        except NotFoundError:
            event = store.event(item_id)
            click.echo(f"event {event.id}: {len(event.reports)} report(s)\n")
            reports_ = list(event.reports)
        for report in reports_:
            _show_report(report, store)
            click.echo("")


@cli.command()
@click.argument("event_id")
@db_option
@format_option("text", "json", default="text")
@handle_errors
def explain(event_id: str, db: str | None, fmt: str) -> None:
    """Explain an event: which reports were merged, why, and where they disagree."""
    with open_store(resolve_db(db)) as store:
        explanation = resolve.explain_event(store.event(event_id))
    if fmt == "json":
        write_rows([to_dict(explanation)], "json", sys.stdout)
    else:
        click.echo(format_explanation(explanation))


@cli.command()
@click.argument("event_id")
@db_option
@format_option("text", "json", default="text")
@handle_errors
def compare(event_id: str, db: str | None, fmt: str) -> None:
    """Compare the readouts of one event: what each report has that the others lack."""
    with open_store(resolve_db(db)) as store:
        event = store.event(event_id)
        documents = {r.page_hash: store.document(r.page_hash) for r in event.reports}
    comparison = resolve.compare_readouts(event, documents)
    if fmt == "json":
        write_rows([to_dict(comparison)], "json", sys.stdout)
    else:
        click.echo(format_comparison(comparison))


def _override(kind: str, report_ids: tuple[str, ...], note: str, db: str | None) -> None:
    with open_store(resolve_db(db)) as store:
        for rid in report_ids:
            store.report(rid)  # raises NotFoundError for an unknown id
        override = store.add_override(kind, report_ids, note)
        count = jobs.resolve_store(store)
    click.echo(f"override {override.id} stored ({kind} of {len(report_ids)} reports); events: {count}", err=True)


@cli.command()
@click.argument("report_ids", nargs=-1, required=True)
@click.option("--note", default="", help="Why (kept with the override).")
@db_option
@handle_errors
def merge(report_ids: tuple[str, ...], note: str, db: str | None) -> None:
    """Force REPORT_IDS into one event; survives re-resolution."""
    if len(report_ids) < 2:
        raise click.UsageError("merge needs at least two report ids")
    _override("merge", report_ids, note, db)


@cli.command()
@click.argument("report_ids", nargs=-1, required=True)
@click.option("--note", default="", help="Why (kept with the override).")
@db_option
@handle_errors
def split(report_ids: tuple[str, ...], note: str, db: str | None) -> None:
    """Force REPORT_IDS out of their event into one of their own; survives re-resolution."""
    _override("split", report_ids, note, db)


@cli.command()
@db_option
@handle_errors
def skips(db: str | None) -> None:
    """List every item that was skipped, with its stage and reason."""
    with open_store(resolve_db(db)) as store:
        rows = [{"source": s.source, "stage": s.stage, "reason": s.reason} for s in store.skips()]
    write_rows(rows, "table", sys.stdout)


@cli.command()
@db_option
@click.option("--what", type=click.Choice(["events", "reports"]), default="events", show_default=True)
@format_option("jsonl", "csv", "parquet", default="jsonl")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Output file (required for parquet; default stdout).")
@handle_errors
def export(db: str | None, what: str, fmt: str, output: str | None) -> None:
    """Export all events or reports as JSON lines, CSV or Parquet."""
    from ..analyse import export_records

    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs --output FILE")
    with open_store(resolve_db(db)) as store:
        count = export_records(store, what, fmt, output or sys.stdout)
    click.echo(f"exported {count} {what}", err=True)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--token", envvar=TOKEN_ENV, default=None,
              help=f"Token that allows writes through the API [env {TOKEN_ENV}]; read-only without one.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Server processes (each with its own store connection and read cache).")
@click.option("--access-log/--no-access-log", default=True, show_default=True, help="Log every request.")
@handle_errors
def serve(db: str | None, host: str, port: int, token: str | None, workers: int, access_log: bool) -> None:
    """Serve the REST API and the web app over the store."""
    import uvicorn

    # Worker processes build the app themselves from the environment (app_from_env),
    # so the store and token travel there; the token never appears on a command line.
    os.environ[DB_ENV] = resolve_db(db)
    if token:
        os.environ[TOKEN_ENV] = token
    else:
        os.environ.pop(TOKEN_ENV, None)
    from ..web.serving import NoDelayHTTP

    uvicorn.run(f"{__name__}:app_from_env", factory=True, host=host, port=port, workers=workers,
                access_log=access_log, http=NoDelayHTTP)  # fmt: skip


def app_from_env() -> Any:
    """The desk app over ``$MISSIVE_DB`` with ``$MISSIVE_API_TOKEN``: the factory uvicorn workers import."""
    import gc

    from ..web import create_app

    app = create_app(resolve_db(None), token=os.environ.get(TOKEN_ENV) or None,
                     ingest=jobs.ingest_uploads, resolve=jobs.resolve_store)  # fmt: skip
    # The pipeline's modules and data (~125,000 objects) live as long as the server: a full
    # collection walking them stalled every request of a worker for ~80 ms. Frozen, they
    # are left out of collections; what requests allocate is collected as usual.
    gc.collect()
    gc.freeze()
    return app
