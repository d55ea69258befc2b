"""Option decorators and helpers shared by every command."""

from __future__ import annotations

import functools
import sys
from typing import Any, Callable

import click

from ..errors import MissiveError
from ..model import PartialDate, Skip
from ..settings import DB_ENV
from ..store.base import Query

#: Exit code for a run that finished but skipped some items (each reported).
EXIT_SKIPPED = 6


def db_option(func: Callable) -> Callable:
    """``--db``: a SQLite file or a postgresql:// URL (default: $MISSIVE_DB, else per-user file)."""
    return click.option(
        "--db",
        envvar=DB_ENV,
        default=None,
        metavar="FILE|URL",
        help=f"SQLite file or postgresql:// URL [env {DB_ENV}; default: per-user data dir].",
    )(func)


def format_option(*choices: str, default: str = "table") -> Callable:
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True)


def _date_param(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value)
    except (ValueError, TypeError) as exc:
        raise click.BadParameter(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from exc


def filter_options(func: Callable) -> Callable:
    """The listing filters shared by ``reports`` and ``events``."""
    options = [
        click.option("--sender", help="Sender name or actor id."),
        click.option("--recipient", help="Recipient name or actor id."),
        click.option("--party", help="Either side: sender or recipient."),
        click.option("--pair", nargs=2, default=None, metavar="A B", help="Between two actors, either direction."),
        click.option("--type", "type_", help="Message type (congratulatory, greetings, verbal, ...)."),
        click.option("--occasion", help="Occasion kind (anniversary, birthday, ...)."),
        click.option("--since", help="Earliest date, YYYY[-MM[-DD]]."),
        click.option("--until", help="Latest date, YYYY[-MM[-DD]]."),
        click.option("--outlet", help="Reporting outlet."),
        click.option("--language", help="Page language (en, zh, ko, ...)."),
        click.option("--search", "text", help="Full-text search over evidence and page text."),
        click.option("--limit", type=click.IntRange(1), default=None),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def query_from(kw: dict[str, Any]) -> Query:
    return Query(
        sender=kw.pop("sender"),
        recipient=kw.pop("recipient"),
        party=kw.pop("party"),
        pair=tuple(kw.pop("pair") or ()) or None,  # type: ignore[arg-type]
        type=kw.pop("type_"),
        occasion=kw.pop("occasion"),
        since=_date_param(kw.pop("since")),
        until=_date_param(kw.pop("until")),
        outlet=kw.pop("outlet"),
        language=kw.pop("language"),
        text=kw.pop("text"),
        limit=kw.pop("limit"),
    )


def handle_errors(func: Callable) -> Callable:
    """Turn missive errors into a one-line message and their exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MissiveError as exc:
            click.echo(f"missive: {exc}", err=True)
            sys.exit(exc.exit_code)

    return wrapper


def echo_skip(skip: Skip) -> None:
    """Tell the user, on stderr, what was skipped (or ignored as holding no page) and why."""
    verb = "ignored" if skip.ignored else "skipped"
    click.echo(f"{verb} {skip.source} [{skip.stage}]: {skip.reason}", err=True)
