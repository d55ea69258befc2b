"""Commands that run the pipeline: extract (stateless), ingest, resolve."""

from __future__ import annotations

import sys
import time

import click

from .. import jobs
from .formats import page_contract, write_rows
from ..model import Skip
from ..settings import Limits, resolve_db
from ..store import open_store
from .app import cli
from .options import EXIT_SKIPPED, db_option, echo_skip, format_option, handle_errors


def page_timeout_option(f):  # type: ignore[no-untyped-def]
    """--page-timeout: the per-page limit on cleaning and extraction (a slower page becomes a skip)."""
    return click.option(
        "--page-timeout", "page_timeout", type=click.FloatRange(min=0, min_open=True), metavar="SECONDS",
        default=Limits.page_timeout_s, show_default=True,
        help="Abandon a page whose cleaning and extraction take longer than this; it is reported as skipped.",
    )(f)


def _contract_row(doc: str, event: dict) -> dict:
    return {
        "doc": doc,
        "date": event["date"],
        "sender": event["sender"]["name"],
        "recipient": event["recipient"]["name"],
        "type": event["type"],
        "occasion": event["occasion"]["kind"],
        "reply": event["reply"],
    }


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@format_option("jsonl", "json", "table", default="jsonl")
@page_timeout_option
@handle_errors
def extract(paths: tuple[str, ...], fmt: str, page_timeout: float) -> None:
    """Extract events from PATHS (files, folders, '-' for stdin); nothing is stored.

    With --format jsonl, one line per page: doc, published, events (with evidence).
    """
    skipped = 0
    lines = []
    for item in jobs.extract_paths(paths, Limits(page_timeout_s=page_timeout)):
        skip = item if isinstance(item, Skip) else item.skip
        if skip:
            skipped += not skip.ignored
            echo_skip(skip)
        if isinstance(item, Skip):
            continue
        line = page_contract(item.page.name, item.document, item.reports)
        if fmt == "jsonl":
            write_rows([line], "jsonl", sys.stdout)
            sys.stdout.flush()
        else:
            lines.append(line)
    if fmt == "json":
        write_rows(lines, "json", sys.stdout)
    elif fmt == "table":
        write_rows([_contract_row(line["doc"], ev) for line in lines for ev in line["events"]], "table", sys.stdout)
    if skipped:
        sys.exit(EXIT_SKIPPED)


class _Progress:
    """A one-line progress display on stderr, shown only on a terminal."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()
        self.last = 0.0

    def __call__(self, s: jobs.IngestSummary) -> None:
        now = time.monotonic()
        if self.live and now - self.last > 0.3:
            self.last = now
            click.echo(
                f"\rpages read {s.read}  new {s.new}  known {s.known}  skipped {s.skipped}  reports {s.reports}",
                err=True,
                nl=False,
            )

    def done(self) -> None:
        if self.live:
            click.echo("", err=True)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--batch-size", type=click.IntRange(1), default=Limits.batch_size, show_default=True,
              help="Pages per atomic write.")
@click.option("--no-resolve", is_flag=True, help="Store reports only; run 'missive resolve' later.")
@click.option("--workers", type=click.IntRange(1), default=None,
              help="Process pages on N local Dask worker processes.")
@click.option("--dask", "scheduler", metavar="ADDRESS", default=None,
              help="Process pages on the Dask cluster at ADDRESS (e.g. tcp://host:8786).")
@page_timeout_option
@handle_errors
def ingest(
    paths: tuple[str, ...], db: str | None, batch_size: int, no_resolve: bool, workers: int | None, scheduler: str | None,
    page_timeout: float,
) -> None:
    """Read PATHS into the store, extract reports and merge them into events.

    Feeding a page twice changes nothing; an interrupted run resumes where it
    stopped when run again.
    """
    progress = _Progress()
    limits = Limits(batch_size=batch_size, page_timeout_s=page_timeout)
    with open_store(resolve_db(db)) as store:
        if workers or scheduler:
            from ..jobs.dask_executor import ingest_paths_dask  # Dask loads only when asked for

            summary = ingest_paths_dask(
                paths, store, scheduler=scheduler, workers=workers, limits=limits,
                on_progress=progress, resolve=not no_resolve,
            )
        else:
            summary = jobs.ingest_paths(
                paths, store, limits, on_progress=progress, resolve=not no_resolve
            )
    progress.done()
    for skip in summary.ignored + summary.skips:
        echo_skip(skip)
    ignored = f", ignored (no page): {len(summary.ignored)}" if summary.ignored else ""
    click.echo(
        f"pages read: {summary.read}, new: {summary.new}, already known: {summary.known}, "
        f"screened out: {summary.screened}, skipped: {summary.skipped}{ignored}, "
        f"reports found: {summary.reports}, events: {summary.events}",
        err=True,
    )
    if summary.read and not summary.new:
        click.echo("nothing new: every page read was already in the store", err=True)
    if summary.skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@db_option
@handle_errors
def resolve(db: str | None) -> None:
    """Re-merge every stored report into events (after overrides or new pages)."""
    with open_store(resolve_db(db)) as store:
        count = jobs.resolve_store(store)
    click.echo(f"events: {count}", err=True)


class _ReprocessProgress:
    """A one-line count of re-processed pages on stderr, shown only on a terminal."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def __call__(self, s: jobs.ReprocessSummary) -> None:
        if self.live:
            click.echo(f"\rpages re-processed {s.pages}  reports added {s.added}  removed {s.removed}", err=True, nl=False)

    def done(self, s: jobs.ReprocessSummary) -> None:
        if self.live and s.pages:
            click.echo("", err=True)


@cli.command()
@db_option
@click.option("--all", "all_pages", is_flag=True,
              help="Re-process every stored page, not only those an older pipeline processed.")
@click.option("--batch-size", type=click.IntRange(1), default=Limits.batch_size, show_default=True,
              help="Pages per atomic write.")
@handle_errors
def reprocess(db: str | None, all_pages: bool, batch_size: int) -> None:
    """Re-run the current cleaner and extractor over the pages already stored.

    Only pages processed by an older pipeline (or of unknown version) are
    re-processed, unless --all; events are then re-resolved. Overrides are
    kept; those naming reports that are gone are listed. Running it twice
    changes nothing; an interrupted run finishes when run again.
    """
    progress = _ReprocessProgress()
    with open_store(resolve_db(db)) as store:
        summary = jobs.reprocess_store(store, Limits(batch_size=batch_size), all_pages=all_pages, on_progress=progress)
    progress.done(summary)
    for skip in summary.skips:
        echo_skip(skip)
    for o in summary.orphaned_overrides:
        click.echo(
            f"override {o.id} ({o.kind}) names reports no longer stored: kept, the missing ids are ignored "
            f"({', '.join(o.report_ids)})",
            err=True,
        )
    if not summary.pages:
        click.echo(f"nothing to re-process: every page was processed by pipeline {summary.version}", err=True)
    events = "unchanged" if summary.events is None else summary.events
    click.echo(
        f"pages re-processed: {summary.pages}, screened out: {summary.screened}, skipped: {summary.skipped}, "
        f"reports: {summary.reports_before} -> {summary.reports_after} (added {summary.added}, removed {summary.removed}), "
        f"events: {events}, pipeline: {summary.version}",
        err=True,
    )
    if summary.skipped:
        sys.exit(EXIT_SKIPPED)
