"""Was the customary message sent this year, and was it late?

Leaders send each other a message on recurring occasions: national days and
founding anniversaries, birthdays, the New Year. A year without the message,
or a message days late, is news to an analyst. For one sender, one recipient
and one kind of occasion this view gives a row per occasion and year: the
message (if any), its lag from the occasion's day, and whether the other side
sent theirs first. Occasion days come from ``data/occasions.yaml`` (foundings)
and ``data/actors/*.yaml`` (``born``); both are read through ``missive.resources``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Literal

from ..errors import DataError, InputError
from ..model import ActorRef, Event, PartialDate
from ..resources import load_data
from ..store.base import Query, Store
from .counts import actor_key
from .registry import registry_actor

#: Occasion kinds that come back every year. Pages call the same day a "national day"
#: or a "founding anniversary" indifferently, so those two kinds are read together.
RECURRING: dict[str, tuple[str, ...]] = {
    "anniversary": ("anniversary", "national_day"),
    "national_day": ("anniversary", "national_day"),
    "birthday": ("birthday",),
    "new_year": ("new_year",),
}
OCCASIONS_FILE = "occasions.yaml"
#: A customary message bears the occasion's date (or the eve's); more than this many
#: days after it, the desk marks it late (a day of grace for dating by publication).
LATE_AFTER_DAYS = 1
First = Literal["sender", "recipient", "same day"]


@dataclass(frozen=True)
class Anchor:
    """The recurring day an occasion falls on; month/day None when no file knows it."""

    key: str
    label: str
    month: int | None = None
    day: int | None = None

    def on(self, year: int) -> dt.date | None:
        """The occasion's day in ``year`` (29 February falls on the 28th in other years)."""
        if self.month is None or self.day is None:
            return None
        day = 28 if (self.month, self.day) == (2, 29) and not _leap(year) else self.day
        return dt.date(year, self.month, day)


@dataclass(frozen=True)
class YearRow:
    """One occasion in one year: the message from sender to recipient, and the other side's."""

    year: int
    occasion: str  # the anchor's key: a founding id, "birthday:<actor>", "new-year", "of:<text>"
    label: str
    occasion_date: PartialDate | None  # the day the occasion fell on that year, where known
    sent: bool
    date: PartialDate | None = None  # the earliest message that year
    event_id: str | None = None
    messages: int = 0  # messages found that year (more than one: the others were extra)
    lag_days: int | None = None  # days after the occasion (negative: sent ahead), day-dated only
    reverse_date: PartialDate | None = None  # the recipient's message to the sender that year
    reverse_event_id: str | None = None
    first: First | None = None  # who sent first, when both sides sent and both are day-dated

    @property
    def late(self) -> bool:
        """Sent more than LATE_AFTER_DAYS after the occasion (False when the lag is unknown)."""
        return self.lag_days is not None and self.lag_days > LATE_AFTER_DAYS


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


@dataclass(frozen=True)
class _Founding:
    id: str
    date: dt.date
    match: re.Pattern[str]


@functools.cache
def _foundings() -> tuple[_Founding, ...]:
    """The dated foundings of ``occasions.yaml``, in file order (DataError on a bad entry)."""
    data = load_data(OCCASIONS_FILE)
    entries = data.get("foundings") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataError(f"{OCCASIONS_FILE}: expected a 'foundings' list")
    out = []
    for entry in entries:
        try:
            day = entry["date"] if isinstance(entry["date"], dt.date) else dt.date.fromisoformat(str(entry["date"]))
            out.append(_Founding(str(entry["id"]), day, re.compile(str(entry["match"]), re.IGNORECASE)))
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise DataError(f"{OCCASIONS_FILE}: founding {entry!r} is invalid: {exc}") from exc
    return tuple(out)


_ORDINAL = re.compile(r"\b\d+(st|nd|rd|th)?\b|\([^)]*\)", re.IGNORECASE)


def anchor_of(ev: Event) -> Anchor:
    """The recurring occasion an event marks: a known founding, a birthday, New Year, or its text."""
    occ = ev.occasion
    if occ.kind == "new_year":
        return Anchor("new-year", "New Year", 1, 1)
    if occ.kind == "birthday":
        return _birthday(ev.recipient)
    for founding in _foundings():
        if occ.of and founding.match.search(occ.of):
            # The same founding date is the same occasion ("National Day of China" = PRC founding).
            same = next(f for f in _foundings() if f.date == founding.date)
            return Anchor(same.id, same.id.replace("-", " "), same.date.month, same.date.day)
    if occ.of:
        # Unknown to the file: group by the text without its numbers ("73rd", "(joint message)").
        text = " ".join(_ORDINAL.sub(" ", occ.of).split()).casefold()
        return Anchor(f"of:{text}", text)
    return Anchor(f"kind:{occ.kind}", occ.kind.replace("_", " "))


def _birthday(ref: ActorRef) -> Anchor:
    entry = registry_actor(ref.actor_id) if ref.actor_id else None
    key, label = f"birthday:{actor_key(ref)}", f"birthday of {ref.name}"
    if entry is None or not entry.born:
        return Anchor(key, label)
    born = PartialDate.parse(entry.born)
    return Anchor(key, label, born.month, born.day)


def _occasion_year(anchor: Anchor, date: PartialDate) -> int:
    """The year of the occasion a message marks: the nearest occurrence to a day-dated message.

    New Year greetings dated 31 December are for the year that follows.
    """
    if date.precision != "day" or anchor.on(date.year) is None:
        return date.year
    day = date.to_date()
    return min((date.year - 1, date.year, date.year + 1), key=lambda y: abs((day - anchor.on(y)).days))  # type: ignore[operator]


def _is(ref: ActorRef, who: str) -> bool:
    wanted = who.casefold()
    return (ref.actor_id or "").casefold() == wanted or ref.name.casefold() == wanted


def _first(ours: Event, theirs: Event) -> First | None:
    if not (ours.date and theirs.date and ours.date.precision == theirs.date.precision == "day"):
        return None
    a, b = ours.date.to_date(), theirs.date.to_date()
    return "same day" if a == b else ("sender" if a < b else "recipient")


def _lag(anchor: Anchor, year: int, ev: Event) -> int | None:
    day = anchor.on(year)
    if day is None or ev.date is None or ev.date.precision != "day":
        return None
    return (ev.date.to_date() - day).days


def _earliest(events: list[Event]) -> Event:
    return min(events, key=lambda e: (e.date is None, e.date.to_date() if e.date else dt.date.max, e.id))


def customary_messages(
    store: Store,
    sender: str,
    recipient: str,
    occasion_kind: str,
    *,
    years: Iterable[int] | None = None,
    of: str | None = None,
) -> list[YearRow]:
    """Per occasion and year: did ``sender`` write to ``recipient``, when, how late, and who was first.

    ``occasion_kind`` is one of RECURRING; ``of`` keeps one occasion (an anchor key
    such as ``dprk-founding``). Years default to the span of the messages found in
    either direction. Undated messages cannot be placed in a year and are left out.
    """
    if occasion_kind not in RECURRING:
        raise InputError(f"{occasion_kind!r} is not a recurring occasion: choose one of {', '.join(RECURRING)}")
    kinds = RECURRING[occasion_kind]
    ours: dict[tuple[str, int], list[Event]] = defaultdict(list)
    theirs: dict[tuple[str, int], list[Event]] = defaultdict(list)
    anchors: dict[str, Anchor] = {}
    own_anchors: set[str] = set()
    for ev in store.events(Query(pair=(sender, recipient))):
        if ev.occasion.kind not in kinds or ev.date is None:
            continue
        forward = _is(ev.sender, sender) and _is(ev.recipient, recipient)
        anchor = anchor_of(ev)
        anchors.setdefault(anchor.key, anchor)
        (ours if forward else theirs)[(anchor.key, _occasion_year(anchor, ev.date))].append(ev)
        if forward:
            own_anchors.add(anchor.key)
    expected = _expected(occasion_kind, recipient)
    if expected is not None:
        anchors.setdefault(expected.key, expected)
        own_anchors.add(expected.key)
    keys = sorted(k for k in own_anchors if of is None or k == of)
    span = sorted(set(years)) if years is not None else _span(ours, theirs, keys)
    rows = []
    for key in keys:
        anchor = anchors[key]
        for year in span:
            day = anchor.on(year)
            mine, other = ours.get((key, year), []), theirs.get((key, year), [])
            first = _earliest(mine) if mine else None
            back = _earliest(other) if other else None
            rows.append(
                YearRow(
                    year=year,
                    occasion=key,
                    label=anchor.label,
                    occasion_date=PartialDate.from_date(day) if day else None,
                    sent=first is not None,
                    date=first.date if first else None,
                    event_id=first.id if first else None,
                    messages=len(mine),
                    lag_days=_lag(anchor, year, first) if first else None,
                    reverse_date=back.date if back else None,
                    reverse_event_id=back.id if back else None,
                    first=_first(first, back) if first and back else None,
                )
            )
    return rows


def _expected(occasion_kind: str, recipient: str) -> Anchor | None:
    """The occasion a kind implies without any message: New Year, or the recipient's birthday."""
    if occasion_kind == "new_year":
        return Anchor("new-year", "New Year", 1, 1)
    entry = registry_actor(recipient) if occasion_kind == "birthday" else None
    if entry is not None:
        return _birthday(ActorRef(entry.name, entry.kind, entry.id))
    return None


def _span(ours: dict, theirs: dict, keys: list[str]) -> list[int]:
    """Every year from the first to the last message on these occasions, either direction."""
    found = [year for (key, year) in (*ours, *theirs) if key in keys]
    return list(range(min(found), max(found) + 1)) if found else []
