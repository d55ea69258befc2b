"""Reports grouped by side: the country an outlet speaks for, then the outlet.

Analysts read a readout as Pyongyang's, Beijing's, Seoul's or Moscow's version;
which country an outlet belongs to is knowledge kept in ``data/outlets.yaml``
(``country``, an ISO 3166-1 alpha-2 code), read here through ``missive.resources``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Iterable

from ..errors import DataError
from ..model import Report
from ..resources import load_data

OUTLETS_FILE = "outlets.yaml"
UNKNOWN_SIDE = "unknown"
_ISO = re.compile(r"^[A-Z]{2}$")


@functools.cache
def outlet_countries() -> dict[str, str | None]:
    """Casefolded outlet name -> ISO country code (None: the outlet speaks for no one country)."""
    return read_countries(load_data(OUTLETS_FILE))


def read_countries(data: Any) -> dict[str, str | None]:
    """Check the outlets file's ``country`` fields and map names to them (DataError when wrong)."""
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise DataError(f"{OUTLETS_FILE}: expected a mapping with an 'outlets' list")
    out: dict[str, str | None] = {}
    for entry in data["outlets"]:
        if not isinstance(entry, dict) or not entry.get("name"):
            raise DataError(f"{OUTLETS_FILE}: every outlet needs a name, got {entry!r}")
        if "country" not in entry:
            raise DataError(f"{OUTLETS_FILE}: outlet {entry['name']!r} has no country (write null for none)")
        country = entry["country"]
        if country is not None and not (isinstance(country, str) and _ISO.match(country)):
            raise DataError(f"{OUTLETS_FILE}: outlet {entry['name']!r}: country {country!r} is not an ISO alpha-2 code")
        out[str(entry["name"]).casefold()] = country
    return out


def outlet_country(outlet: str | None) -> str | None:
    """The country an outlet speaks for, or None when unknown (no outlet, or not in the file)."""
    if not outlet:
        return None
    return outlet_countries().get(outlet.casefold())


@dataclass(frozen=True)
class OutletGroup:
    """One outlet's reports on an event, in one language."""

    outlet: str
    language: str
    reports: tuple[Report, ...]

    @property
    def label(self) -> str:
        return f"{self.outlet} · {self.language}"


@dataclass(frozen=True)
class Side:
    """All reports from one country's outlets (``country`` is UNKNOWN_SIDE when none is known)."""

    country: str
    outlets: tuple[OutletGroup, ...]

    @property
    def size(self) -> int:
        return sum(len(g.reports) for g in self.outlets)


def sides(reports: Iterable[Report]) -> list[Side]:
    """Group reports by side, then by outlet and language, in a stable order.

    Sides come in alphabetical order of their country code, the unknown side last;
    within a side, outlets by name; within an outlet, reports in the order given.
    """
    grouped: dict[str, dict[tuple[str, str], list[Report]]] = defaultdict(lambda: defaultdict(list))
    for rep in reports:
        country = outlet_country(rep.outlet) or UNKNOWN_SIDE
        grouped[country][(rep.outlet or "unknown outlet", rep.language)].append(rep)
    out = []
    for country in sorted(grouped, key=lambda c: (c == UNKNOWN_SIDE, c)):
        groups = grouped[country]
        out.append(
            Side(country, tuple(OutletGroup(o, lang, tuple(groups[(o, lang)])) for o, lang in sorted(groups)))
        )
    return out
