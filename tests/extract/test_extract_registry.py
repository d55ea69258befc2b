"""The actor registry: spellings, titles held on a date, and the data files' schema."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from missive.errors import DataError
from missive.extract import Actor, Registry, load_registry
from missive.extract.registry import Office
from missive.resources import load_data

D = dt.date


@pytest.mark.parametrize(
    "written,on,expected",
    [
        ("Kim Jong Un", None, "kim-jong-un"),
        ("Kim Jong-un", None, "kim-jong-un"),
        ("Kim", None, "kim-jong-un"),
        ("the DPRK leader", D(2021, 5, 1), "kim-jong-un"),
        ("Xi", None, "xi-jinping"),
        ("the Chinese president", D(2021, 1, 1), "xi-jinping"),
        ("the Chinese president", D(2010, 1, 1), "hu-jintao"),
        ("Russian President", D(2010, 1, 1), "dmitry-medvedev"),
        ("the Russian president", D(2022, 10, 7), "vladimir-putin"),
        ("president of the State Affairs", D(2022, 1, 1), "kim-jong-un"),
        ("Chinese foreign minister", D(2023, 3, 1), "qin-gang"),
        ("first secretary of the Communist Party of Cuba", D(2020, 1, 1), "raul-castro"),
        ("first secretary of the Communist Party of Cuba", D(2022, 1, 1), "miguel-diaz-canel"),
    ],
)
def test_resolve(written: str, on: dt.date | None, expected: str) -> None:
    actor = load_registry().resolve(written, on)
    assert actor is not None and actor.id == expected


@pytest.mark.parametrize("written,on", [("the Chinese president", None), ("Chinese President", D(1990, 1, 1)), ("Smith", None)])
def test_unresolved_without_a_single_holder(written: str, on: dt.date | None) -> None:
    assert load_registry().resolve(written, on) is None


def test_every_actor_file_follows_the_schema() -> None:
    registry = load_registry()
    assert len(registry.actors) > 40
    for name in load_data("actors/index.yaml")["files"]:
        for entry in load_data(name):
            assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", entry["id"]), entry["id"]
            actor = registry.get(entry["id"])
            assert actor.name and actor.aliases
            for office in actor.offices:
                assert office.end is None or office.start < office.end, actor.id
                assert all(t == t.lower() for t in office.titles)


def test_duplicate_alias_is_a_data_error() -> None:
    a = Actor(id="a-one", name="Same Name", aliases=("Same Name",))
    b = Actor(id="b-two", name="Other", aliases=("Same Name",))
    with pytest.raises(DataError):
        Registry([a, b])


def test_office_covers_its_term_only() -> None:
    office = Office("X", "president", D(2020, 1, 1), D(2021, 1, 1))
    assert office.covers(D(2020, 6, 1)) and not office.covers(D(2021, 1, 1)) and not office.covers(D(2019, 12, 31))
