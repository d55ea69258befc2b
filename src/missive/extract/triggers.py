"""Message cues of one language, from ``data/triggers/<lang>.yaml``: kinds, replies, negatives."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import DataError
from ..literals import Prefilter
from ..model import MESSAGE_TYPES
from ..resources import load_data, require_keys


@dataclass(frozen=True)
class Trigger:
    """One cue found in text: where, which rule, which message type."""

    start: int
    end: int
    text: str
    id: str
    type: str


@dataclass(frozen=True)
class Cues:
    """The compiled cue table of one language."""

    kinds: tuple[tuple[str, str, re.Pattern], ...]
    qualifiers: tuple[tuple[str, str, re.Pattern], ...]
    reply: tuple[tuple[str, re.Pattern], ...]
    receive: re.Pattern
    negative: tuple[tuple[str, re.Pattern], ...]
    not_recipient: re.Pattern
    # Words read around a cue, not cues themselves (optional section ``context``): name -> pattern.
    context: tuple[tuple[str, re.Pattern], ...] = ()

    def word(self, name: str) -> re.Pattern:
        """The ``context`` pattern called ``name``; a missing one is a data error, never a silent no-match."""
        for key, rx in self.context:
            if key == name:
                return rx
        raise DataError(f"triggers: no context pattern {name!r}")

    @functools.cached_property
    def kind_filter(self) -> Prefilter:
        """Which kinds may match a sentence, from the words each needs: most sentences need none run."""
        return Prefilter([rx for _, _, rx in self.kinds])


def _compile(where: str, pattern: str, flags: int = re.I) -> re.Pattern:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise DataError(f"{where}: bad pattern {pattern!r}: {exc}") from exc


@functools.cache
def load_cues(language: str = "en") -> Cues:
    """Load and check ``triggers/<language>.yaml`` (cached)."""
    name = f"triggers/{language}.yaml"
    data = load_data(name)
    if not isinstance(data, dict):
        raise DataError(f"{name}: expected a mapping")
    require_keys(name, data, ("kinds", "qualifiers", "reply", "receive", "negative", "not_recipient"))
    ids: set[str] = set()

    def entries(section: str, typed: bool) -> list[dict]:
        out = []
        for e in data[section]:
            require_keys(name, e, ("id", "pattern", *(("type",) if typed else ())))
            if e["id"] in ids:
                raise DataError(f"{name}: duplicate id {e['id']!r}")
            ids.add(e["id"])
            if typed and e["type"] not in MESSAGE_TYPES:
                raise DataError(f"{name}: {e['id']}: unknown type {e['type']!r}")
            out.append(e)
        return out

    kinds = tuple(
        (e["id"], e["type"], _compile(name, r"(?<![\w-])(?:" + e["pattern"] + r")(?![\w-])"))
        for e in entries("kinds", True)
    )
    quals = tuple((e["id"], e["type"], _compile(name, e["pattern"])) for e in entries("qualifiers", True))
    return Cues(
        kinds=kinds,
        qualifiers=quals,
        reply=tuple((e["id"], _compile(name, e["pattern"])) for e in entries("reply", False)),
        receive=_compile(name, data["receive"]),
        negative=tuple((e["id"], _compile(name, e["pattern"])) for e in entries("negative", False)),
        not_recipient=_compile(name, data["not_recipient"]),
        context=tuple(sorted((str(k), _compile(name, v)) for k, v in (data.get("context") or {}).items())),
    )


def find_triggers(text: str, start: int, end: int, cues: Cues) -> list[Trigger]:
    """Message cues in ``text[start:end]``, overlaps resolved longest-then-leftmost."""
    kinds = cues.kinds
    found = [
        Trigger(m.start(), m.end(), m.group(0), kinds[k][0], kinds[k][1])
        for k in cues.kind_filter.candidates(text[start:end])
        for m in kinds[k][2].finditer(text, start, end)
    ]
    found.sort(key=lambda t: (-(t.end - t.start), t.start, t.id))
    kept: list[Trigger] = []
    for t in found:
        if all(t.end <= k.start or k.end <= t.start for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)
