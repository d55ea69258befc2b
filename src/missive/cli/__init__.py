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

from . import analysis_commands, pipeline_commands, record_commands  # noqa: F401 - attach the commands
from .app import cli

__all__ = ["cli", "main"]


def main() -> None:
    """Console entry point."""
    cli()
