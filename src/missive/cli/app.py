"""The ``missive`` click group; command modules attach their commands to it."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="missive")
def cli() -> None:
    """Track the correspondence between world leaders from raw news pages.

    Read pages (text, HTML, JSONL, WARC, stdin), extract who sent which message
    to whom, when and on what occasion, with evidence, and keep a merged record.
    """
