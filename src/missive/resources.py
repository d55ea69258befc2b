"""The only reader of ``missive/data``: knowledge files, loaded once, checked on load.

Knowledge (actors, occasions, outlets, trigger words, boilerplate cues) lives
in YAML files so that it can be read and extended without touching code.
"""

from __future__ import annotations

import functools
from importlib import resources as _res
from typing import Any

import yaml

from .errors import DataError

_PACKAGE = "missive.data"


@functools.cache
def load_data(name: str) -> Any:
    """Load ``data/NAME`` (YAML), cached; raise DataError if it is missing or invalid."""
    try:
        text = _res.files(_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise DataError(f"data file {name!r} is missing") from exc
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataError(f"data file {name!r} is not valid YAML: {exc}") from exc


def require_keys(name: str, entry: dict, keys: tuple[str, ...]) -> None:
    """Raise DataError when an entry of a data file lacks one of ``keys``."""
    missing = [k for k in keys if k not in entry]
    if missing:
        raise DataError(f"{name}: entry {entry!r} lacks {', '.join(missing)}")


def list_data(directory: str) -> list[str]:
    """Return the sorted ``directory/NAME.yaml`` names under ``data/`` (empty if absent)."""
    folder = _res.files(_PACKAGE).joinpath(directory)
    if not folder.is_dir():
        return []
    return sorted(f"{directory}/{p.name}" for p in folder.iterdir() if p.name.endswith((".yaml", ".yml")))
