"""What a message marks: the occasion's kind, anniversary number, and known date.

Kinds follow GUIDELINES.md. Known dates (foundings, treaties, congresses) come
from ``data/occasions.yaml`` and let an anniversary's number fix the year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from ..errors import DataError
from ..model import Occasion
from ..resources import load_data, require_keys

@functools.cache
def _ordinal_words() -> tuple[str, dict[str, int]]:
    """``ordinal_words`` of occasions.yaml: a regex alternation of written-out ordinals, and word -> number."""
    data = load_data("occasions.yaml").get("ordinal_words") or {}
    require_keys("occasions.yaml ordinal_words", data, ("units", "tens", "tens_cardinal"))
    units, tens, cardinal = data["units"], data["tens"], data["tens_cardinal"]
    values = {**units, **tens, **cardinal}
    alt = lambda words: "|".join(sorted(words, key=len, reverse=True))  # noqa: E731
    nine = "|".join(w for w, n in units.items() if n < 10)
    words = rf"(?:(?:one\s+)?hundred(?:th|\s+(?:and\s+)?))?(?:(?:{alt(cardinal)})[-\s](?:{nine})|{alt(tens)}|{alt(units)})|(?:one\s+)?hundredth"
    return words, {str(k): int(v) for k, v in values.items()}


def _ordinal_value(written: str) -> int:
    """70 for "70th", "seventieth"; 75 for "seventy-fifth"; 100 for "one hundredth"; 105 for "hundred and fifth"."""
    digits = re.match(r"\d+", written)
    if digits:
        return int(digits.group(0))
    _, values = _ordinal_words()
    parts = [w for w in re.split(r"[-\s]+", written.lower()) if w not in ("one", "and")]
    total = 0
    for w in parts:
        total += 100 if w.startswith("hundred") else values.get(w, 0)
    return total


@functools.cache
def _ordinal() -> re.Pattern:
    """A numbered anniversary, birthday or national day, the number in digits or in words."""
    words, _ = _ordinal_words()
    return re.compile(
        rf"\b(?P<n>\d{{1,3}}(?:st|nd|rd|th)|{words})\s+(?P<what>(?:founding\s+|foundation\s+)?anniversary|birthday|national day)\b"
        r"(?P<rest>[^.;]{0,140})",
        re.I,
    )
# "N years of" names an anniversary only where a known founding or ties follow (checked by the caller).
_YEARS_OF = re.compile(r"\b(?:celebrat\w+|mark\w*|commemorat\w+)\s+(?:the\s+)?(?P<n>\d{1,3})\s+years\s+of\b(?P<rest>[^.;]{0,100})", re.I)
_ANNIV_OF = re.compile(r"\banniversary of\b(?P<rest>[^.;]{0,140})", re.I)
# Cue words per kind, tried in this order on the message's own sentence.
_CUES: tuple[tuple[str, re.Pattern], ...] = (
    ("election", re.compile(r"\b(?:re-?elect\w*|elected|election|\w+-elect|appoint\w*|inaugurat\w+|sworn in|took office|assum\w+ (?:office|the (?:post|presidency|heavy))|third term|fifth term|new term|taking office|assumption of (?:the )?(?:office|post|presidency)|(?:became|becoming) (?:the )?(?:new )?(?:general secretary|president|prime minister|premier|chairman|leader|head of state))\b", re.I)),
    ("birthday", re.compile(r"\bbirthday\b", re.I)),
    ("condolence", re.compile(r"\b(?:death|died|passed away|demise|earthquake|flood\w*|disaster|crash|typhoon|casualt\w+|condolen\w+|sympathy|victims?|illness|tragic)\b", re.I)),
    # A people's congress is a legislature ("the National People's Congress"), not a party congress.
    ("congress", re.compile(r"\b(?<!People's )(?<!People’s )(?:congress|plenary (?:meeting|session)|session of the)\b", re.I)),
    ("new_year", re.compile(r"\bnew year\b", re.I)),
    ("victory", re.compile(r"\b(?:victory|win|won|launch\w*|success(?:ful)? (?:launch|test))\b", re.I)),
    ("thanks", re.compile(r"\b(?:thank\w*|gratitude|appreciation)\b", re.I)),
)


_AHEAD = re.compile(r"\b(?:ahead of|before|prior to|in the run-up to)\s+(?:the\s+|his\s+|her\s+)?(?:\w+\s+)?$", re.I)


@dataclass(frozen=True)
class Known:
    """A dated thing an occasion can refer to (a founding, a congress)."""

    id: str
    kind: str  # founding | congress | national_day
    match: re.Pattern
    date: dt.date | None
    end: dt.date | None = None
    countries: tuple[str, ...] = ()  # for kind "ties": the two countries


@functools.cache
def known_occasions() -> tuple[Known, ...]:
    """Load ``occasions.yaml``: foundings, national days, congresses (cached, checked)."""
    data = load_data("occasions.yaml")
    if not isinstance(data, dict):
        raise DataError("occasions.yaml: expected a mapping")
    out: list[Known] = []
    for section, kind, keys in (
        ("foundings", "founding", ("id", "date", "match")),
        ("national_days", "national_day", ("id", "match")),
        ("congresses", "congress", ("id", "start", "end", "match")),
    ):
        for entry in data.get(section) or []:
            require_keys("occasions.yaml", entry, keys)
            try:
                rx = re.compile(entry["match"], re.I)
            except re.error as exc:
                raise DataError(f"occasions.yaml: {entry['id']}: bad regex: {exc}") from exc
            start = entry.get("date", entry.get("start"))
            if start is not None and not isinstance(start, dt.date):
                raise DataError(f"occasions.yaml: {entry['id']}: bad date {start!r}")
            out.append(Known(entry["id"], kind, rx, start, entry.get("end")))
    return tuple(out) + _ties(data)


_TIES_CUE = re.compile(r"\b(?:diplomatic (?:ties|relations(?:hip)?)|establishment of (?:diplomatic )?(?:ties|relations))\b", re.I)


def _ties(data: dict) -> tuple[Known, ...]:
    """The ``ties`` section: one Known per pair of countries, matching any of its names."""
    countries = country_names_of(data)
    out = []
    for entry in data.get("ties") or []:
        require_keys("occasions.yaml", entry, ("id", "countries", "date"))
        pair = tuple(entry["countries"])
        if len(pair) != 2 or any(c not in countries for c in pair):
            raise DataError(f"occasions.yaml: {entry['id']}: countries must be two of {sorted(countries)}")
        if not isinstance(entry["date"], dt.date):
            raise DataError(f"occasions.yaml: {entry['id']}: bad date {entry['date']!r}")
        out.append(Known(entry["id"], "ties", _TIES_CUE, entry["date"], None, pair))
    return tuple(out)


def country_names_of(data: dict) -> dict[str, re.Pattern]:
    """The ``countries`` section compiled: country id -> a regex of its names."""
    out = {}
    for cid, pattern in (data.get("countries") or {}).items():
        try:
            out[str(cid)] = re.compile(rf"\b(?:{pattern})\b", re.I)
        except re.error as exc:
            raise DataError(f"occasions.yaml: countries: {cid}: bad regex: {exc}") from exc
    return out


@functools.cache
def _country_names() -> dict[str, re.Pattern]:
    return country_names_of(load_data("occasions.yaml"))


@functools.cache
def elections() -> dict[str, tuple[dt.date, ...]]:
    """The ``elections`` section: actor id -> the days that person was elected, sorted."""
    out: dict[str, tuple[dt.date, ...]] = {}
    for entry in load_data("occasions.yaml").get("elections") or []:
        require_keys("occasions.yaml", entry, ("actor", "dates"))
        days = entry["dates"]
        if not isinstance(days, list) or not all(isinstance(d, dt.date) for d in days):
            raise DataError(f"occasions.yaml: elections: {entry['actor']}: dates must be a list of dates")
        out[str(entry["actor"])] = tuple(sorted(days))
    return out


def election_year(actor_id: str, month: int, day: int, within: int = 60, weekday: int | None = None) -> int | None:
    """The year a yearless day falls in when it follows one of the actor's known elections by ``within`` days at most.

    "MOSCOW, March 24" over a message on Putin's re-election is 2018 or 2024:
    only a unique answer is given. ``weekday`` (0 = Monday), the day of the week the
    page gives that day ("MOSCOW, March 18 ... on Monday"), keeps only the years where
    it falls on that weekday.
    """
    years = set()
    for held in elections().get(actor_id, ()):
        for year in (held.year, held.year + 1):
            try:
                on = dt.date(year, month, day)
            except ValueError:
                continue
            if dt.timedelta(0) <= on - held <= dt.timedelta(days=within) and weekday in (None, on.weekday()):
                years.add(year)
    return years.pop() if len(years) == 1 else None


def ties_in(text: str, passage: str) -> Known | None:
    """The pair of countries whose diplomatic ties ``passage`` names: named there, else named first on the page.

    "the 45th anniversary of diplomatic relations between the two countries"
    names no country; the page's own first-named pair is the one meant.
    """
    if not _TIES_CUE.search(passage):
        return None
    names = _country_names()
    ties = [k for k in known_occasions() if k.kind == "ties"]

    def first(where: str, country: str) -> int | None:
        m = names[country].search(where)
        return m.start() if m else None

    for where in (passage, text):
        scored = []
        for k in ties:
            pos = [first(where, c) for c in k.countries]
            if None not in pos:
                scored.append((max(pos), sum(pos), k.id, k))
        if scored:
            return min(scored)[3]
    return None


@dataclass(frozen=True)
class Found:
    """An occasion read from text, with the date it implies, if any."""

    occasion: Occasion
    start: int
    end: int
    implied: dt.date | None = None  # the anniversary day, the congress's last day, ...
    precision: str = "day"


@functools.cache
def _known_of(kind: str) -> tuple[Known, ...]:
    """The known occasions of one kind, in file order (looked up per sentence: filtered once)."""
    return tuple(k for k in known_occasions() if k.kind == kind)


def _known(text: str, kind: str) -> Known | None:
    for k in _known_of(kind):
        if k.match.search(text):
            return k
    return None


def anniversary_in(text: str, start: int, end: int, born: dt.date | None = None) -> Found | None:
    """A numbered anniversary or birthday in ``text[start:end]``, checked against what is known."""
    for m in _ordinal().finditer(text, start, end):
        n = _ordinal_value(m.group("n"))
        what = m.group("what").lower()
        window = text[max(start, m.start() - 80) : m.end()]
        founding = _known(window, "founding")
        if what == "birthday" and not founding and not re.search(r"birthday of the (?:dprk|republic|country)", window, re.I):
            day = dt.date(born.year + n, born.month, born.day) if born else None
            return Found(Occasion("birthday", n, text[m.start() : m.end("what")]), m.start(), m.end(), day)
        known = founding or ties_in(text, window)
        if known is None:
            return Found(Occasion("anniversary", n, window[-120:].strip()), m.start(), m.end())
        day = known.date.replace(year=known.date.year + n)
        return Found(Occasion("anniversary", n, known.id), m.start(), m.end(), day)
    for m in _YEARS_OF.finditer(text, start, end):  # "celebrated 70 years of diplomatic relations"
        known = _known(m.group(0), "founding") or ties_in(text, m.group(0))
        if known is not None and known.date is not None:
            n = int(m.group("n"))
            return Found(Occasion("anniversary", n, known.id), m.start(), m.end(), known.date.replace(year=known.date.year + n))
    for m in _ANNIV_OF.finditer(text, start, end):
        known = _known(m.group(0), "founding") or ties_in(text, m.group(0))
        return Found(Occasion("anniversary", None, known.id if known else m.group("rest").strip()), m.start(), m.end())
    return None


def occasion_in(text: str, start: int, end: int, born: dt.date | None = None) -> Found | None:
    """The occasion a stretch of text names, or None; anniversaries first, then cue words."""
    found = anniversary_in(text, start, end, born)
    if found:
        return found
    chunk = text[start:end]
    # The national day is looked up only where it decides the answer (most sentences name no occasion).
    nat: Known | None = None
    nat_read = False
    for kind, rx in _CUES:
        m = rx.search(chunk)
        if m and kind == "election" and _AHEAD.search(chunk[max(0, m.start() - 30) : m.start()]):
            m = None  # a call "ahead of the inauguration" is about what comes next, not on the election
        if not m:
            continue
        if kind in ("election", "congress"):
            congress = _known(chunk, "congress")
            if congress:
                precision = "month" if kind == "election" else "year"
                return Found(Occasion(kind, None, congress.id), start + m.start(), start + m.end(), congress.end, precision)
        if kind in ("victory", "thanks"):
            nat, nat_read = _known(chunk, "national_day"), True
            if nat:
                break
        return Found(Occasion(kind, None, m.group(0)), start + m.start(), start + m.end())
    if not nat_read:
        nat = _known(chunk, "national_day")
    if nat:
        m = nat.match.search(chunk)
        return Found(Occasion("national_day", None, m.group(0)), start + m.start(), start + m.end())
    return None


def check_number(found: Found, year: int | None) -> Occasion:
    """Note in ``check`` when the anniversary number disagrees with the known founding date."""
    occ = found.occasion
    if occ.kind != "anniversary" or occ.anniversary is None or found.implied is None or year is None:
        return occ
    if found.implied.year != year:
        expected = occ.anniversary + (year - found.implied.year)
        return Occasion(occ.kind, occ.anniversary, occ.of, f"{year} would be the {expected}th anniversary of {occ.of}")
    return occ


@functools.cache
def known_events() -> tuple[tuple[str, dt.date, re.Pattern], ...]:
    """The ``events`` section: (id, day, pattern) of dated attacks, disasters and summits (cached, checked)."""
    out = []
    for entry in load_data("occasions.yaml").get("events") or []:
        require_keys("occasions.yaml", entry, ("id", "date", "match"))
        if not isinstance(entry["date"], dt.date):
            raise DataError(f"occasions.yaml: events: {entry['id']}: bad date {entry['date']!r}")
        try:
            out.append((str(entry["id"]), entry["date"], re.compile(entry["match"], re.I)))
        except re.error as exc:
            raise DataError(f"occasions.yaml: events: {entry['id']}: bad regex: {exc}") from exc
    return tuple(out)


@functools.cache
def _any_event() -> re.Pattern:
    """All event patterns in one: a text that names none (nearly every page) is passed over in one scan."""
    return re.compile("|".join(f"(?:{rx.pattern})" for _, _, rx in known_events()), re.I)


def event_day(text: str) -> dt.date | None:
    """The day of the one known event ``text`` names (several different ones: None)."""
    if not _any_event().search(text):
        return None
    days = {day for _, day, rx in known_events() if rx.search(text)}
    return days.pop() if len(days) == 1 else None


def event_year(text: str, dateline: tuple[int, int] | None) -> int | None:
    """The year a page naming a known event reports from: the event's, or the next when the dateline falls before it."""
    day = event_day(text)
    if day is None:
        return None
    if dateline and dateline < (day.month, day.day):
        return day.year + 1
    return day.year
