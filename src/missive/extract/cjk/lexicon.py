"""The cue table of Chinese or Korean, from ``data/triggers/{zh,ko}.yaml``: compiled and checked on load."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ...errors import DataError
from ...model import MESSAGE_TYPES, OCCASION_KINDS
from ...resources import load_data, require_keys
from ..occasions import known_occasions

RELS = ("last_month", "last_year", "same_day", "today", "yesterday", "this_month")


@dataclass(frozen=True)
class Kind:
    """A word that names a message, with its type."""

    id: str
    type: str
    rx: re.Pattern
    reply: bool = False
    verb: bool = False  # zh: the word is itself the verb, its addressee follows ("致电 Y")
    marker: bool = False  # ko: thanks said in a sentence ("사의를 표했다"), not a message of its own


@dataclass(frozen=True)
class DateForm:
    """A date phrase: groups y/m/d, and a relation to the page's date (``rel``)."""

    id: str
    rx: re.Pattern
    rel: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """Everything one language's extractor matches, compiled."""

    language: str
    kinds: tuple[Kind, ...]
    content_after: re.Pattern
    content_before: re.Pattern
    negative: tuple[tuple[str, re.Pattern], ...]
    reply_markers: tuple[tuple[str, re.Pattern], ...]
    qualifiers: tuple[tuple[str, re.Pattern], ...]
    roles: dict[str, object]
    stop: re.Pattern
    dates: tuple[DateForm, ...]
    report_after: re.Pattern
    report_before: re.Pattern
    anniversary: re.Pattern
    ahead: re.Pattern  # right before an anniversary: one still to come (明年, 내년), not the message's occasion
    birthday: re.Pattern
    cues: tuple[tuple[str, re.Pattern], ...]
    national_day: re.Pattern
    foundings: tuple[tuple[str, re.Pattern], ...]
    congresses: tuple[tuple[str, re.Pattern], ...]


def _rx(where: str, pattern: object, flags: int = 0) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise DataError(f"{where}: expected a pattern, got {pattern!r}")
    try:
        return re.compile(pattern, flags | re.M)
    except re.error as exc:
        raise DataError(f"{where}: bad pattern {pattern!r}: {exc}") from exc


@functools.cache
def load_lexicon(language: str) -> Lexicon:
    """Load and check ``triggers/<language>.yaml`` for ``zh`` or ``ko`` (cached)."""
    name = f"triggers/{language}.yaml"
    data = load_data(name)
    if not isinstance(data, dict):
        raise DataError(f"{name}: expected a mapping")
    require_keys(name, data, ("kinds", "content", "negative", "reply_markers", "qualifiers", "roles", "stop", "dates",
                              "report_after", "report_before", "occasions"))
    kinds = []
    for e in data["kinds"]:
        require_keys(name, e, ("id", "pattern", "type"))
        if e["type"] not in MESSAGE_TYPES:
            raise DataError(f"{name}: {e['id']}: unknown type {e['type']!r}")
        kinds.append(Kind(e["id"], e["type"], _rx(f"{name}: {e['id']}", e["pattern"]),
                          bool(e.get("reply")), bool(e.get("verb")), bool(e.get("marker"))))
    if len({k.id for k in kinds}) != len(kinds):
        raise DataError(f"{name}: duplicate kind ids")

    def pairs(section: str, key: str = "id") -> tuple[tuple[str, re.Pattern], ...]:
        out = []
        for e in data[section] if section in data else []:
            require_keys(name, e, (key, "pattern"))
            out.append((e[key], _rx(f"{name}: {section}", e["pattern"])))
        return tuple(out)

    quals = []
    for e in data["qualifiers"]:
        require_keys(name, e, ("id", "pattern", "type"))
        if e["type"] not in MESSAGE_TYPES:
            raise DataError(f"{name}: {e['id']}: unknown type {e['type']!r}")
        quals.append((e["type"], _rx(f"{name}: {e['id']}", e["pattern"])))
    dates = []
    for e in data["dates"]:
        require_keys(name, e, ("id", "pattern"))
        if e.get("rel") is not None and e["rel"] not in RELS:
            raise DataError(f"{name}: {e['id']}: unknown rel {e['rel']!r}")
        dates.append(DateForm(e["id"], _rx(f"{name}: {e['id']}", e["pattern"]), e.get("rel")))
    occ = data["occasions"]
    require_keys(name, occ, ("anniversary", "birthday", "cues", "national_day", "foundings", "congresses"))
    cues = []
    for e in occ["cues"]:
        require_keys(name, e, ("kind", "pattern"))
        if e["kind"] not in OCCASION_KINDS:
            raise DataError(f"{name}: unknown occasion kind {e['kind']!r}")
        cues.append((e["kind"], _rx(f"{name}: cue {e['kind']}", e["pattern"])))
    known = {k.id for k in known_occasions()}
    linked = []
    for section in ("foundings", "congresses"):
        items = []
        for e in occ[section]:
            require_keys(name, e, ("id", "pattern"))
            if e["id"] not in known:
                raise DataError(f"{name}: {section}: {e['id']!r} is not in occasions.yaml")
            items.append((e["id"], _rx(f"{name}: {e['id']}", e["pattern"])))
        linked.append(tuple(items))
    roles = dict(data["roles"])
    for key, value in roles.items():
        if isinstance(value, str):
            roles[key] = _rx(f"{name}: roles.{key}", value)
    return Lexicon(
        language=language,
        kinds=tuple(kinds),
        content_after=_rx(f"{name}: content.after", (data["content"] or {}).get("after")),
        content_before=_rx(f"{name}: content.before", (data["content"] or {}).get("before")),
        negative=pairs("negative"),
        reply_markers=pairs("reply_markers"),
        qualifiers=tuple(quals),
        roles=roles,
        stop=_rx(f"{name}: stop", data["stop"]),
        dates=tuple(dates),
        report_after=_rx(f"{name}: report_after", data["report_after"]),
        report_before=_rx(f"{name}: report_before", data["report_before"]),
        anniversary=_rx(f"{name}: anniversary", occ["anniversary"]),
        ahead=_rx(f"{name}: ahead", occ.get("ahead") or "(?!)"),
        birthday=_rx(f"{name}: birthday", occ["birthday"]),
        cues=tuple(cues),
        national_day=_rx(f"{name}: national_day", occ["national_day"]),
        foundings=linked[0],
        congresses=linked[1],
    )
