"""Reports grouped by side (the country an outlet speaks for), and the outlets file's countries."""

from __future__ import annotations

import pytest

from missive.analyse import UNKNOWN_SIDE, outlet_country, sides
from missive.analyse.sides import read_countries
from missive.errors import DataError
from missive.model import ActorRef, Occasion, PartialDate, Report
from missive.resources import load_data


@pytest.mark.parametrize(
    "outlet, country",
    [("KCNA", "KP"), ("Rodong Sinmun", "KP"), ("xinhua", "CN"), ("People's Daily", "CN"), ("Yonhap", "KR"),
     ("TASS", "RU"), ("OANA", None), ("Unheard-of Gazette", None), (None, None)],
)  # fmt: skip
def test_outlet_country(outlet, country):
    assert outlet_country(outlet) == country


def test_every_outlet_in_the_file_names_a_country_or_none():
    entries = load_data("outlets.yaml")["outlets"]
    countries = read_countries(load_data("outlets.yaml"))
    assert len(countries) == len(entries)
    assert all(c is None or (len(c) == 2 and c.isupper()) for c in countries.values())


@pytest.mark.parametrize(
    "entry",
    [{"name": "A Wire"}, {"name": "A Wire", "country": "Korea"}, {"name": "A Wire", "country": "kp"}, {"country": "KP"}],
)
def test_a_bad_country_entry_is_a_data_error(entry):
    with pytest.raises(DataError):
        read_countries({"outlets": [entry]})


def _report(n: int, outlet: str | None, language: str = "en") -> Report:
    return Report(doc=f"page-{n}", page_hash=f"{n:064x}", sender=ActorRef("A"), recipient=ActorRef("B"),
                  type="letter", date=PartialDate(2021), occasion=Occasion(), outlet=outlet, language=language)


def test_sides_group_by_country_then_outlet_and_language():
    reps = [_report(1, "Yonhap", "ko"), _report(2, "KCNA"), _report(3, None), _report(4, "Xinhua", "zh"),
            _report(5, "Rodong Sinmun", "ko"), _report(6, "KCNA"), _report(7, "Xinhua", "en"), _report(8, "Unknown Daily")]
    got = [(s.country, [(g.label, [r.doc for r in g.reports]) for g in s.outlets]) for s in sides(reps)]
    assert got == [
        ("CN", [("Xinhua · en", ["page-7"]), ("Xinhua · zh", ["page-4"])]),
        ("KP", [("KCNA · en", ["page-2", "page-6"]), ("Rodong Sinmun · ko", ["page-5"])]),
        ("KR", [("Yonhap · ko", ["page-1"])]),
        (UNKNOWN_SIDE, [("Unknown Daily · en", ["page-8"]), ("unknown outlet · en", ["page-3"])]),
    ]
    assert sum(s.size for s in sides(reps)) == len(reps)
