"""The ``missive`` command: a thin skin over the library.

Exit codes (also in the README):
  0  done, nothing skipped
  1  internal error
  2  bad usage, input or configuration
  3  a knowledge file under data/ is invalid
  4  the store failed
  5  an id that names nothing
  6  done, but some items were skipped (each reported with its reason)
"""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="missive")
def cli() -> None:
    """Track the correspondence between world leaders from raw news pages.

    Read pages (text, HTML, JSONL, WARC, stdin), extract who sent which message
    to whom, when and on what occasion, with evidence, and keep a merged record.
    """


def main() -> None:
    """Console entry point."""
    from . import pipeline_commands, record_commands  # noqa: F401 - they register on ``cli``

    cli()

