"""List the files under the given paths: sorted, recursive, safe from symlink loops."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator

from ..model import Skip
from .pages import skip

STDIN = "-"


def _stat_error(path: str, exc: OSError) -> Skip:
    if isinstance(exc, FileNotFoundError):
        return skip(path, "no such file or directory (or a broken symlink)")
    if isinstance(exc, PermissionError):
        return skip(path, "permission denied")
    return skip(path, f"cannot read: {exc.strerror or exc}")


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str | Skip]:
    """Yield file paths (and ``-``) in reading order, or a Skip for each path that cannot be listed.

    Folders are walked depth-first, entries sorted by name; hidden entries
    (``.git``, ``.DS_Store``) inside folders are passed over, but a hidden file
    named explicitly is read. Each folder is entered once, so symlink loops end.
    """
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = os.fspath(given)
        if path == STDIN:
            yield STDIN
            continue
        try:
            info = os.stat(path)
        except OSError as exc:
            yield _stat_error(path, exc)
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, info, seen)
        else:
            yield path  # named explicitly: read even a pipe such as <(zcat dump.gz)


def _walk(folder: str, info: os.stat_result, seen: set[tuple[int, int]]) -> Iterator[str | Skip]:
    """Yield the files under one folder, depth-first by name, entering each folder once."""
    key = (info.st_dev, info.st_ino)
    if key in seen:
        yield skip(folder, "folder already read (a symlink loop or a second link to it)")
        return
    seen.add(key)
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        yield _stat_error(folder, exc)
        return
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(folder, name)
        try:
            child = os.stat(path)
        except OSError as exc:
            yield _stat_error(path, exc)
            continue
        if stat.S_ISDIR(child.st_mode):
            yield from _walk(path, child, seen)
        elif stat.S_ISREG(child.st_mode):
            yield path
        else:
            yield skip(path, "not a regular file (a pipe, socket or device)")
