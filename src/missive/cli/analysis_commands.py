"""Analyses over the stored record: ``customary`` (was the recurring message sent, and when)."""

from __future__ import annotations

import sys

import click

from ..analyse import RECURRING, YearRow, customary_messages
from .formats import write_rows
from ..settings import resolve_db
from ..store import open_store
from .app import cli
from .options import db_option, format_option, handle_errors

COLUMNS = ("occasion", "year", "occasion_date", "status", "date", "lag_days", "reverse_date", "first", "messages", "event_id")


def _status(row: YearRow) -> str:
    if not row.sent:
        return "missing"
    return "late" if row.late else "sent"


def customary_row(row: YearRow, sender: str, recipient: str) -> dict:
    """One year as a flat row: dates as ISO text, ``first`` as the actor who sent first."""
    first = {"sender": sender, "recipient": recipient}.get(row.first or "", row.first)
    values = {
        "occasion": row.occasion,
        "year": row.year,
        "occasion_date": row.occasion_date.iso() if row.occasion_date else None,
        "status": _status(row),
        "date": row.date.iso() if row.date else None,
        "lag_days": row.lag_days,
        "reverse_date": row.reverse_date.iso() if row.reverse_date else None,
        "first": first,
        "messages": row.messages,
        "event_id": row.event_id,
    }
    return {k: values[k] for k in COLUMNS}


@cli.command()
@click.argument("sender")
@click.argument("recipient")
@click.option("--occasion", type=click.Choice(sorted(RECURRING)), default="anniversary", show_default=True,
              help="Recurring occasion kind (anniversary and national_day are read together).")
@click.option("--of", "of", default=None, metavar="ID", help="One occasion only, e.g. dprk-founding or new-year.")
@click.option("--since", type=click.IntRange(1, 9999), default=None, help="First year to show.")
@click.option("--until", type=click.IntRange(1, 9999), default=None, help="Last year to show.")
@db_option
@format_option("table", "jsonl", "csv", "json")
@handle_errors
def customary(sender: str, recipient: str, occasion: str, of: str | None, since: int | None, until: int | None,
              db: str | None, fmt: str) -> None:
    """Per year: did SENDER's customary message to RECIPIENT come, how many days late, and who was first.

    Years run from the first to the last message between the two on the occasion
    (either direction), or over --since..--until when both are given; a year with
    no message shows as missing.
    """
    if since is not None and until is not None and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}")
    years = range(since, until + 1) if since is not None and until is not None else None
    with open_store(resolve_db(db)) as store:
        rows = customary_messages(store, sender, recipient, occasion, years=years, of=of)
    rows = [r for r in rows if (since is None or r.year >= since) and (until is None or r.year <= until)]
    write_rows([customary_row(r, sender, recipient) for r in rows], fmt, sys.stdout)
