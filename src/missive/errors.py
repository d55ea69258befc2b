"""One exception tree for missive; each error carries its CLI exit code.

    MissiveError (exit 1)
    ├── InputError (exit 2)        a path, a file or a request that cannot be read
    ├── ConfigError (exit 2)       bad settings, an unknown database URL
    ├── DataError (exit 3)         a data file under data/ fails its schema
    ├── StoreError (exit 4)        the database refused or is corrupt
    └── NotFoundError (exit 5)     an id that names nothing

Foreign exceptions are translated where they enter (``raise ... from exc``);
messages become text only at the CLI and HTTP edges.
"""

from __future__ import annotations


class MissiveError(Exception):
    """Base of every error missive raises on purpose."""

    exit_code = 1
    code = "error"


class InputError(MissiveError):
    """An input (path, file, record, request) cannot be read."""

    exit_code = 2
    code = "bad_input"


class ConfigError(MissiveError):
    """Settings are wrong: an unknown database URL, a bad option."""

    exit_code = 2
    code = "bad_config"


class DataError(MissiveError):
    """A knowledge file under ``data/`` does not match its schema."""

    exit_code = 3
    code = "bad_data"


class StoreError(MissiveError):
    """The store refused an operation or is inconsistent."""

    exit_code = 4
    code = "store_error"


class NotFoundError(MissiveError):
    """An id or name that refers to nothing in the store."""

    exit_code = 5
    code = "not_found"
