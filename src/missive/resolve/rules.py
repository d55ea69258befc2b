"""When two reports may state the same act: names, dates, types, occasions.

Every rule here is a pure predicate over two reports; ``pair_rules`` says
which rules made a pair match (or why it did not), so that the clustering and
the explanation of an event use one and the same reasoning.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..errors import DataError
from ..model import MESSAGE_TYPES, OCCASION_KINDS, PartialDate, Report
from ..resources import load_data, require_keys

_DATA = "resolve.yaml"


@dataclass(frozen=True)
class Config:
    """The settings of resolve.yaml, checked."""

    same_basis_lag: int
    cross_basis_lag: int
    coarse_dates: str  # contain | exact
    message_matches: frozenset[str]
    type_pairs: frozenset[frozenset[str]]
    vague_occasions: frozenset[str]
    occasion_pairs: frozenset[frozenset[str]]
    reply_window_days: int
    near_duplicates: dict[str, float]
    compare: dict[str, float]


def _pairs(raw: Any, allowed: tuple[str, ...], what: str) -> frozenset[frozenset[str]]:
    if not isinstance(raw, list):
        raise DataError(f"{_DATA}: {what} must be a list of pairs")
    out = set()
    for pair in raw:
        if not (isinstance(pair, list) and len(pair) == 2 and all(p in allowed for p in pair)):
            raise DataError(f"{_DATA}: {what} entry {pair!r} is not a pair of {allowed}")
        out.add(frozenset(pair))
    return frozenset(out)


def _names(raw: Any, allowed: tuple[str, ...], what: str) -> frozenset[str]:
    if not isinstance(raw, list) or any(x not in allowed for x in raw):
        raise DataError(f"{_DATA}: {what} must list values of {allowed}, got {raw!r}")
    return frozenset(raw)


@functools.cache
def config() -> Config:
    """Load and check resolve.yaml (cached); raise DataError when it is malformed."""
    raw = load_data(_DATA)
    if not isinstance(raw, dict):
        raise DataError(f"{_DATA}: expected a mapping at the top")
    require_keys(_DATA, raw, ("lag_days", "coarse_dates", "message_matches", "type_pairs", "vague_occasions",
                              "occasion_pairs", "reply_window_days", "near_duplicates", "compare"))
    lags = raw["lag_days"]
    require_keys(_DATA, lags, ("same_basis", "cross_basis"))
    if raw["coarse_dates"] not in ("contain", "exact"):
        raise DataError(f"{_DATA}: coarse_dates must be 'contain' or 'exact', got {raw['coarse_dates']!r}")
    numbers = {**raw["near_duplicates"], **raw["compare"], **lags, "reply": raw["reply_window_days"]}
    if not all(isinstance(v, (int, float)) and v >= 0 for v in numbers.values()):
        raise DataError(f"{_DATA}: lags, windows and thresholds must be non-negative numbers")
    require_keys(_DATA, raw["near_duplicates"], ("num_perm", "lsh_threshold", "word_shingle", "char_shingle",
                                                 "min_containment", "min_jaccard", "min_shingles"))
    require_keys(_DATA, raw["compare"], ("align_score", "phrase_score", "full_text_share"))
    return Config(
        same_basis_lag=int(lags["same_basis"]),
        cross_basis_lag=int(lags["cross_basis"]),
        coarse_dates=raw["coarse_dates"],
        message_matches=_names(raw["message_matches"], MESSAGE_TYPES, "message_matches"),
        type_pairs=_pairs(raw["type_pairs"], MESSAGE_TYPES, "type_pairs"),
        vague_occasions=_names(raw["vague_occasions"], OCCASION_KINDS, "vague_occasions"),
        occasion_pairs=_pairs(raw["occasion_pairs"], OCCASION_KINDS, "occasion_pairs"),
        reply_window_days=int(raw["reply_window_days"]),
        near_duplicates=dict(raw["near_duplicates"]),
        compare=dict(raw["compare"]),
    )


# -- names -----------------------------------------------------------------

def name_tokens(name: str) -> tuple[str, ...]:
    """Lowercase ASCII-folded word tokens of a name: 'Kim Jong-un' -> ('kim', 'jong', 'un')."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return tuple(re.findall(r"[^\W_]+", text))


# -- dates -----------------------------------------------------------------

def date_span(d: PartialDate) -> tuple[dt.date, dt.date]:
    """First and last day a partial date can stand for."""
    start = d.to_date()
    if d.day is not None:
        return start, start
    if d.month is not None:
        nxt = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return start, nxt - dt.timedelta(days=1)
    return start, dt.date(d.year, 12, 31)


def date_rule(a: Report, b: Report) -> str | None:
    """Name the rule under which two reports' dates fit one act, or None if they cannot.

    Two days fit when they are at most the allowed lag apart (larger when one
    date is the day received or published rather than sent); a month or a
    year fits the same month or year, and, where ``coarse_dates`` is
    "contain", any date inside it; an unknown date fits anything.
    """
    if a.date is None or b.date is None:
        return "date unknown"
    if a.date.precision == "day" and b.date.precision == "day":
        gap = abs((a.date.to_date() - b.date.to_date()).days)
        if gap == 0:
            return "same day"
        cfg = config()
        lag = cfg.same_basis_lag if a.date_basis == b.date_basis else cfg.cross_basis_lag
        return f"{gap}-day lag" if gap <= lag else None
    if a.date == b.date:
        return "same month" if a.date.precision == "month" else "same year"
    if config().coarse_dates == "exact":
        return None
    (a0, a1), (b0, b1) = date_span(a.date), date_span(b.date)
    if a0 <= b1 and b0 <= a1:
        return "same month" if "year" not in (a.date.precision, b.date.precision) else "same year"
    return None


def date_distance(a: PartialDate | None, b: PartialDate | None) -> int:
    """Days between the middles of two partial dates (a large number if one is unknown)."""
    if a is None or b is None:
        return 10_000
    (a0, a1), (b0, b1) = date_span(a), date_span(b)
    return abs(((a0 - b0) + (a1 - b1)).days) // 2


# -- types and occasions ---------------------------------------------------

def type_rule(a: str, b: str) -> str | None:
    """Name the rule under which two message types fit one act, or None."""
    if a == b:
        return "same type"
    cfg = config()
    if "message" in (a, b) and {a, b} <= cfg.message_matches:
        return "message fits any type"
    if frozenset((a, b)) in cfg.type_pairs:
        return f"{min(a, b)} ~ {max(a, b)}"
    return None


def occasion_rule(a: Report, b: Report) -> str | None:
    """Name the rule under which two occasions fit one act, or None.

    Kinds must agree (or be listed together, or one be vague); anniversary
    numbers must agree where both are known.
    """
    oa, ob = a.occasion, b.occasion
    if oa.anniversary is not None and ob.anniversary is not None and oa.anniversary != ob.anniversary:
        return None
    cfg = config()
    if oa.kind == ob.kind:
        return "same occasion"
    if oa.kind in cfg.vague_occasions or ob.kind in cfg.vague_occasions:
        return "occasion unstated on one side"
    if frozenset((oa.kind, ob.kind)) in cfg.occasion_pairs:
        return f"{min(oa.kind, ob.kind)} ~ {max(oa.kind, ob.kind)}"
    return None


@dataclass(frozen=True)
class PairVerdict:
    """Whether two reports (same sender and recipient) fit one act, and by which rules."""

    compatible: bool
    rules: tuple[str, ...]  # the rules that matched, or the one that failed


def pair_verdict(a: Report, b: Report) -> PairVerdict:
    """Judge two reports of the same sender and recipient: may they state one act?"""
    if a.page_hash == b.page_hash:
        # Extraction states each act once per page, so two reports of one page are two acts.
        return PairVerdict(False, ("same page: two acts",))
    checks = (("date", date_rule(a, b)), ("type", type_rule(a.type, b.type)), ("occasion", occasion_rule(a, b)))
    failed = [f"{what} differs" for what, rule in checks if rule is None]
    if failed:
        return PairVerdict(False, tuple(failed))
    return PairVerdict(True, tuple(rule for _, rule in checks if rule))


def affinity(a: Report, b: Report) -> int:
    """How strongly two compatible reports agree: more shared specifics, higher."""
    score = 0
    if a.date and b.date and a.date == b.date:
        score += 3 if a.date.precision == "day" else 1
    elif a.date and b.date and a.date.precision == b.date.precision == "day":
        score += 2
    score += (a.type == b.type) + (a.occasion.kind == b.occasion.kind) + (a.reply == b.reply)
    score += a.occasion.anniversary is not None and a.occasion.anniversary == b.occasion.anniversary
    return score
