"""The actor registry as the desk reads it (data/actors/*.yaml via missive.resources)."""

from __future__ import annotations

import pytest

from missive.analyse import registry, registry_actor
from missive.analyse.registry import _actor
from missive.errors import DataError


def test_every_registry_file_loads_and_ids_are_unique_keys():
    actors = registry()
    assert actors, "data/actors/*.yaml yielded no actors"
    assert list(actors) == sorted(actors)
    assert all(a.id == key and a.name for key, a in actors.items())


def test_offices_over_time_are_ordered_by_start():
    kim = registry_actor("kim-jong-un")
    if kim is None:
        pytest.skip("the registry has no kim-jong-un entry")
    starts = [o.start or "" for o in kim.offices]
    assert starts == sorted(starts) and any(o.end for o in kim.offices)


@pytest.mark.parametrize(
    ("entry", "office"),
    [
        ({"id": "a", "name": "A", "offices": [{"office": "president", "org": "X", "start": "2001"}]}, ("president", "X", "2001", None)),
        ({"id": "a", "name": "A", "offices": [{"title": "premier", "from": "1999", "to": "2003"}]}, ("premier", None, "1999", "2003")),
        ({"id": "a", "name": "A", "offices": ["king"]}, ("king", None, None, None)),
    ],
)
def test_office_spellings(entry, office):
    o = _actor("test.yaml", entry).offices[0]
    assert (o.title, o.country, o.start, o.end) == office


@pytest.mark.parametrize("entry", [{"name": "no id"}, {"id": "x"}, {"id": "x", "name": "X", "offices": [{"org": "no title"}]}])
def test_bad_entries_raise_data_error(entry):
    with pytest.raises(DataError):
        _actor("test.yaml", entry)
