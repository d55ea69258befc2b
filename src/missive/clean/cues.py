"""Compiled knowledge for cleaning: boilerplate cues and date formats from data/boilerplate/.

Both files are validated on load (DataError names the bad entry) and compiled once.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import DataError
from ..literals import Prefilter
from ..resources import load_data, require_keys

CUES_FILE = "boilerplate/cues.yaml"
DATES_FILE = "boilerplate/dates.yaml"
CUE_GROUPS = ("drop", "stop", "stamp")


@dataclass(frozen=True)
class Cue:
    """One boilerplate pattern with its stable rule id."""

    id: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class DateRules:
    """The date formats of dates.yaml, compiled."""

    months: dict[str, int]
    crawl_header: re.Pattern[str]
    full_dates: tuple[Cue, ...]
    date_labels: re.Pattern[str]
    update_labels: re.Pattern[str]
    date_noise: re.Pattern[str]
    sentence_date_prefix: re.Pattern[str]
    datelines: tuple[Cue, ...]
    url_dates: tuple[Cue, ...]
    title_date_prefix: re.Pattern[str] | None = None  # "Regular Press Conference on <date>"
    trap_labels: re.Pattern[str] | None = None  # "Retrieved", "Last modified", "Today:": never the page's date


def _compile(name: str, pattern: object, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    if not isinstance(pattern, str):
        raise DataError(f"{name}: pattern {pattern!r} is not a string")
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataError(f"{name}: bad pattern {pattern!r}: {exc}") from exc


def _cue_list(name: str, entries: object, month_alt: str = "") -> tuple[Cue, ...]:
    if not isinstance(entries, list) or not entries:
        raise DataError(f"{name}: expected a non-empty list of {{id, pattern}}")
    cues = []
    seen: set[str] = set()
    for entry in entries:
        if not isinstance(entry, dict):
            raise DataError(f"{name}: entry {entry!r} is not a mapping")
        require_keys(name, entry, ("id", "pattern"))
        if entry["id"] in seen:
            raise DataError(f"{name}: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        pattern = str(entry["pattern"]).replace("{MONTH}", month_alt)
        cues.append(Cue(str(entry["id"]), _compile(f"{name}:{entry['id']}", pattern)))
    return tuple(cues)


@functools.cache
def boilerplate_cues() -> dict[str, tuple[Cue, ...]]:
    """Return the drop/stop/stamp line cues of cues.yaml, compiled."""
    data = load_data(CUES_FILE)
    if not isinstance(data, dict):
        raise DataError(f"{CUES_FILE}: expected a mapping of cue groups")
    unknown = sorted(set(data) - set(CUE_GROUPS))
    if unknown:
        raise DataError(f"{CUES_FILE}: unknown cue groups {unknown}")
    return {group: _cue_list(f"{CUES_FILE}:{group}", data.get(group)) for group in CUE_GROUPS}


@functools.cache
def date_rules() -> DateRules:
    """Return the date formats of dates.yaml, compiled."""
    data = load_data(DATES_FILE)
    if not isinstance(data, dict):
        raise DataError(f"{DATES_FILE}: expected a mapping")
    require_keys(DATES_FILE, data, ("months", "crawl_header", "full_dates", "date_labels",
                                    "update_labels", "date_noise", "sentence_date_prefix",
                                    "datelines", "url_dates"))
    months: dict[str, int] = {}
    for number, names in data["months"].items():
        if not (isinstance(number, int) and 1 <= number <= 12 and isinstance(names, list)):
            raise DataError(f"{DATES_FILE}: bad month entry {number!r}: {names!r}")
        for month_name in names:
            months[str(month_name).lower()] = number
    if sorted(set(months.values())) != list(range(1, 13)):
        raise DataError(f"{DATES_FILE}: months must name all twelve months")
    # Longest names first so that "sept" wins over "sep" inside the alternation.
    month_alt = "|".join(sorted((re.escape(m) for m in months), key=lambda m: (-len(m), m)))
    return DateRules(
        months=months,
        crawl_header=_compile(f"{DATES_FILE}:crawl_header", data["crawl_header"]),
        full_dates=_cue_list(f"{DATES_FILE}:full_dates", data["full_dates"], month_alt),
        date_labels=_compile(f"{DATES_FILE}:date_labels", data["date_labels"]),
        update_labels=_compile(f"{DATES_FILE}:update_labels", data["update_labels"]),
        date_noise=_compile(f"{DATES_FILE}:date_noise", data["date_noise"]),
        sentence_date_prefix=_compile(f"{DATES_FILE}:sentence_date_prefix",
                                      data["sentence_date_prefix"]),
        datelines=_cue_list(f"{DATES_FILE}:datelines", data["datelines"], month_alt),
        url_dates=_cue_list(f"{DATES_FILE}:url_dates", data["url_dates"], month_alt),
        title_date_prefix=_compile(f"{DATES_FILE}:title_date_prefix", data["title_date_prefix"])
        if "title_date_prefix" in data else None,
        trap_labels=_compile(f"{DATES_FILE}:trap_labels", data["trap_labels"]) if "trap_labels" in data else None,
    )


@functools.cache
def _group_filter(group: str) -> Prefilter:
    """The cues of ``group`` a line can match, by the words each cue needs (most lines need few run)."""
    return Prefilter([cue.regex for cue in boilerplate_cues()[group]])


def match_cue(group: str, line: str) -> str | None:
    """Return the id of the first cue of ``group`` that matches ``line``, else None."""
    cues = boilerplate_cues()[group]
    for i in _group_filter(group).candidates(line):
        if cues[i].regex.search(line):
            return cues[i].id
    return None
