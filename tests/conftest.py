"""Shared test fixtures: paths to the repo's example corpus and the shared eval pages."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The read-only evaluation pages (../shared/eval); skip where they are absent."""
    path = SHARED / "eval"
    if not path.is_dir():
        pytest.skip("../shared/eval is not present on this machine")
    return path
