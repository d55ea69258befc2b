"""The pipeline version: which cleaner, extractor and knowledge made a page's results.

``missive reprocess`` re-runs the pipeline over stored pages whose stamp differs
from the current one, so the stamp must change whenever what a page yields can:
the package version, every knowledge file under ``missive/data/``, and the
source of the stages a page goes through after it is read (screen, clean,
extract) and of the runner that chains them.
"""

from __future__ import annotations

import functools
import hashlib
from importlib import metadata, resources
from importlib.resources.abc import Traversable
from typing import Iterator

#: Sub-packages (and modules) of ``missive`` whose source shapes a page's results.
SOURCE_PACKAGES = ("screen", "clean", "extract")
SOURCE_MODULES = ("jobs/pipeline.py",)
DATA_DIR = "data"


def _walk(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    """(relative path, file) for every file under ``folder``, bytecode caches left out."""
    for entry in folder.iterdir():
        path = f"{prefix}/{entry.name}"
        if entry.is_dir():
            if entry.name != "__pycache__":
                yield from _walk(entry, path)
        elif not entry.name.endswith((".pyc", ".pyo")):
            yield path, entry


def _inputs(root: Traversable) -> list[tuple[str, Traversable]]:
    found = list(_walk(root / DATA_DIR, DATA_DIR))
    for package in SOURCE_PACKAGES:
        found += [(p, f) for p, f in _walk(root / package, package) if p.endswith(".py")]
    found += [(name, root.joinpath(*name.split("/"))) for name in SOURCE_MODULES]
    return sorted(found, key=lambda item: item[0])


def tree_digest(root: Traversable) -> str:
    """Hex SHA-256 over the paths and bytes of the files under ``root`` that shape results."""
    digest = hashlib.sha256()
    for path, entry in _inputs(root):
        data = entry.read_bytes()
        digest.update(path.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def _package_version() -> str:
    try:
        return metadata.version("missive")
    except metadata.PackageNotFoundError:
        return "0+unknown"  # running from a source tree that was never installed


@functools.cache
def pipeline_version() -> str:
    """``<package version>+<12 hex digits>``: the same code and data give the same string.

    Computed once per process (hashing ~200 kB of files takes milliseconds).
    """
    return f"{_package_version()}+{tree_digest(resources.files('missive'))[:12]}"
