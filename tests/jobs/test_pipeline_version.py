"""The pipeline version changes exactly when what a page yields can change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from missive.jobs import pipeline_version
from missive.jobs.version import tree_digest


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A package tree shaped like missive's: knowledge, stage sources, other code."""
    files = {
        "data/actors/people.yaml": "- name: Someone\n",
        "data/triggers/en.yaml": "letter: [sent a letter]\n",
        "extract/rules.py": "RULES = 1\n",
        "clean/main.py": "KEEP = True\n",
        "screen/cues.py": "CUES = ()\n",
        "jobs/pipeline.py": "def process_page(): ...\n",
        "web/app.py": "APP = None\n",
        "extract/__pycache__/rules.cpython-311.pyc": "bytecode",
        "extract/README.md": "notes\n",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


@pytest.mark.parametrize(
    "name, counts",
    [
        ("data/actors/people.yaml", True),  # knowledge
        ("data/triggers/en.yaml", True),
        ("extract/rules.py", True),  # stage sources
        ("clean/main.py", True),
        ("screen/cues.py", True),
        ("jobs/pipeline.py", True),  # the runner
        ("web/app.py", False),  # does not touch a page's results
        ("extract/__pycache__/rules.cpython-311.pyc", False),  # bytecode follows the source
        ("extract/README.md", False),  # not code
    ],
)
def test_a_change_counts_only_in_files_that_shape_results(tree, name, counts):
    before = tree_digest(tree)
    (tree / name).write_text((tree / name).read_text() + "# changed\n")
    assert (tree_digest(tree) != before) is counts


def test_a_new_or_renamed_knowledge_file_counts(tree):
    before = tree_digest(tree)
    (tree / "data/triggers/en.yaml").rename(tree / "data/triggers/zh.yaml")
    renamed = tree_digest(tree)
    (tree / "data/triggers/ko.yaml").write_text("{}\n")
    assert len({before, renamed, tree_digest(tree)}) == 3


def test_the_digest_is_the_same_for_the_same_tree(tree):
    assert tree_digest(tree) == tree_digest(tree)


def test_the_installed_version_names_the_package_and_a_digest():
    version = pipeline_version()
    assert re.fullmatch(r"[0-9][0-9A-Za-z.+-]*\+[0-9a-f]{12}", version), version
    assert pipeline_version() is version, "computed once per process"
