"""The one migration history both backends share.

Migrations are files ``NNNN_name.sql`` under ``store/migrations/``; where the
dialects differ, ``NNNN_name.sqlite.sql`` and ``NNNN_name.postgres.sql`` stand
in for the plain file. Each backend applies the missing ones in order, inside
one locked transaction, and records them in ``schema_migrations``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources

from ..errors import StoreError

DIALECTS = ("sqlite", "postgres")
_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)(?:\.(sqlite|postgres))?\.sql$")

CREATE_TABLE = (
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations(dialect: str) -> list[Migration]:
    """The migrations for one dialect, in version order (dialect files win over plain ones)."""
    if dialect not in DIALECTS:
        raise ValueError(f"unknown dialect {dialect!r}")
    chosen: dict[int, tuple[int, str, str]] = {}  # version -> (specificity, name, file)
    folder = resources.files("missive.store") / "migrations"
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        version, name, file_dialect = int(match[1]), match[2], match[3]
        if file_dialect not in (None, dialect):
            continue
        specificity = 1 if file_dialect else 0
        if version not in chosen or chosen[version][0] < specificity:
            chosen[version] = (specificity, name, entry.name)
    out = []
    for version in sorted(chosen):
        _, name, file_name = chosen[version]
        out.append(Migration(version, name, (folder / file_name).read_text(encoding="utf-8")))
    expected = list(range(1, len(out) + 1))
    if [m.version for m in out] != expected:
        raise StoreError(f"migration versions must run 1..n without gaps, found {[m.version for m in out]}")
    return out


def pending(applied: set[int], migrations: list[Migration]) -> list[Migration]:
    """The migrations not yet applied; a database newer than this code is refused."""
    known = {m.version for m in migrations}
    newer = sorted(applied - known)
    if newer:
        raise StoreError(
            f"the database has schema versions {newer} that this missive does not know; upgrade missive"
        )
    return [m for m in migrations if m.version not in applied]


def split_sqlite(script: str) -> list[str]:
    """Split a SQLite script into statements (trigger bodies kept whole).

    ``executescript`` would commit the open transaction, so migrations run
    statement by statement inside it instead.
    """
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        if not current and (not line.strip() or line.lstrip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        raise StoreError(f"unterminated statement in a migration: {current[:80]!r}")
    return statements
