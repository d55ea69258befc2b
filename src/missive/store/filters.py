"""Turn a ``Query`` into WHERE/ORDER BY clauses, the same for both backends.

SQL here uses ``?`` placeholders; the PostgreSQL backend rewrites them. User
values only ever travel as parameters. Full-text matching differs per dialect,
so the caller passes a ``text_clause(alias, text)`` that returns (sql, params).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ..errors import InputError
from .base import SEARCH_CANDIDATES, SEARCH_ORDERS, Query, SearchHit
from .rows import date_bounds, decode_cursor

TextClause = Callable[[str, str], tuple[str, list[Any]]]

#: A search held by at most this many pages and evidence texts is rare: an event listing
#: filtered by it starts from the matching reports (``event_where(from_reports=True)``).
RARE_MATCHES = 2000

ORDERS = ("date", "-date")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _plain(value: str, what: str) -> str:
    """A filter value as given; NUL can reach neither backend, so it is refused here."""
    if "\x00" in value:
        raise InputError(f"the {what} filter contains a NUL character")
    return value


def _actor(alias: str, side: str, value: str) -> tuple[str, list[Any]]:
    # A name matches case-insensitively; an actor id as given or casefolded.
    value = _plain(value, side)
    key = value.casefold()
    sql = f"({alias}.{side}_key = ? OR {alias}.{side}_id = ? OR {alias}.{side}_id = ?)"
    return sql, [key, value, key]


def _pair(alias: str, pair: tuple[str, str]) -> tuple[str, list[Any]]:
    """Either direction between two actors: A to B or B to A."""
    if len(pair) != 2 or not all(pair):
        raise InputError(f"the pair filter needs two actors, got {list(pair)!r}")
    a, b = pair
    ab = [_actor(alias, "sender", a), _actor(alias, "recipient", b)]
    ba = [_actor(alias, "sender", b), _actor(alias, "recipient", a)]
    sql = f"(({ab[0][0]} AND {ab[1][0]}) OR ({ba[0][0]} AND {ba[1][0]}))"
    return sql, [p for _, params in ab + ba for p in params]


def _own(q: Query, alias: str) -> tuple[list[str], list[Any]]:
    """Conditions on the columns reports and events both have."""
    where: list[str] = []
    params: list[Any] = []

    def add(sql: str, values: list[Any]) -> None:
        where.append(sql)
        params.extend(values)

    if q.sender:
        add(*_actor(alias, "sender", q.sender))
    if q.recipient:
        add(*_actor(alias, "recipient", q.recipient))
    if q.party:
        s_sql, s_params = _actor(alias, "sender", q.party)
        r_sql, r_params = _actor(alias, "recipient", q.party)
        add(f"({s_sql} OR {r_sql})", s_params + r_params)
    if q.pair:
        add(*_pair(alias, q.pair))
    if q.type:
        add(f"{alias}.type = ?", [_plain(q.type, "type")])
    if q.occasion:
        add(f"{alias}.occasion_kind = ?", [_plain(q.occasion, "occasion")])
    # A partial date is a span of days; a row is in range when its span overlaps it,
    # so "2021-09" is within since=2021-09-15. Undated rows fall out of any range.
    if q.since:
        add(f"{alias}.date_end >= ?", [date_bounds(q.since)[0]])
    if q.until:
        add(f"{alias}.date_start <= ?", [date_bounds(q.until)[1]])
    return where, params


def _report_only(q: Query, alias: str, text_clause: TextClause) -> tuple[list[str], list[Any]]:
    """Conditions on what only reports carry: page, outlet, language, text."""
    where: list[str] = []
    params: list[Any] = []
    if q.page_hash:
        where.append(f"{alias}.page_hash = ?")
        params.append(_plain(q.page_hash, "page"))
    if q.outlet:
        where.append(f"lower({alias}.outlet) = lower(?)")
        params.append(_plain(q.outlet, "outlet"))
    if q.language:
        where.append(f"{alias}.language = ?")
        params.append(_plain(q.language, "language").lower())
    if q.text and q.text.strip():
        sql, values = text_clause(alias, q.text)
        where.append(f"({sql})")
        params.extend(values)
    return where, params


def report_where(q: Query, text_clause: TextClause, alias: str = "r") -> tuple[str, list[Any]]:
    """The WHERE clause (with its leading keyword, or empty) for a report listing."""
    w1, p1 = _own(q, alias)
    w2, p2 = _report_only(q, alias, text_clause)
    return _join(w1 + w2), p1 + p2


def event_where(q: Query, text_clause: TextClause, alias: str = "e", from_reports: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause for an event listing; page/outlet/language/text match any of its reports.

    By default each event (in listing order) is checked for such a report, which stops
    as soon as a page is full. ``from_reports``: the events are those of the matching
    reports, found first; the right plan when few reports match (a rare search word),
    where walking the events would read all of them.
    """
    where, params = _own(q, alias)
    inner, inner_params = _report_only(q, "r", text_clause)
    if inner and from_reports:
        where.append(
            f"{alias}.id IN (SELECT er.event_id FROM event_reports er JOIN reports r ON r.id = er.report_id"
            " WHERE " + " AND ".join(inner) + ")"
        )
        params.extend(inner_params)
    elif inner:
        where.append(
            "EXISTS (SELECT 1 FROM event_reports er JOIN reports r ON r.id = er.report_id"
            f" WHERE er.event_id = {alias}.id AND " + " AND ".join(inner) + ")"
        )
        params.extend(inner_params)
    return _join(where), params


def page_clauses(q: Query, alias: str) -> tuple[str, list[Any], str]:
    """(extra WHERE condition for the cursor, its params, ORDER BY clause) of one listing."""
    if q.order not in ORDERS:
        raise InputError(f"order must be one of {', '.join(ORDERS)}, not {q.order!r}")
    if q.limit is not None and q.limit < 1:
        raise InputError(f"limit must be positive, not {q.limit}")
    cmp, direction = (">", "") if q.order == "date" else ("<", " DESC")
    # Undated rows come last in both orders; within the dated ones, (date, id) in the order.
    order_by = f" ORDER BY {alias}.undated, {alias}.sort_date{direction}, {alias}.id{direction}"
    if not q.after:
        return "", [], order_by
    undated, sort_date, row_id = decode_cursor(q.after, q.order)
    cond = (
        f"({alias}.undated > ? OR ({alias}.undated = ? AND"
        f" ({alias}.sort_date {cmp} ? OR ({alias}.sort_date = ? AND {alias}.id {cmp} ?))))"
    )
    return cond, [undated, undated, sort_date, sort_date, row_id], order_by


def _join(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def add_condition(where_sql: str, cond: str) -> str:
    """Append one more AND condition to a WHERE clause from :func:`report_where`."""
    if not cond:
        return where_sql
    return f"{where_sql} AND {cond}" if where_sql else f" WHERE {cond}"


#: Han, kana and Hangul: scripts written without spaces between words (or with particles
#: glued on), which the word tokenizers of FTS5 and to_tsvector cannot split.
_UNSPACED = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\u3040-\u30ff\u3130-\u318f\uac00-\ud7af\uf900-\ufaff]")


def split_terms(text: str) -> tuple[list[str], list[str]]:
    """(word terms for the full-text index, casefolded terms matched as substrings).

    A term in an unspaced script (习近平, 김정은) is matched as a substring so that
    it is found inside a longer run of text; every other term goes to the index.
    """
    words: list[str] = []
    subs: list[str] = []
    for term in fts_terms(text):
        (subs if _UNSPACED.search(term) else words).append(term)
    return words, [t.casefold() for t in subs]


def substring_snippet(text: str, terms: list[str], width: int = 60) -> str:
    """A short stretch of ``text`` around the first term found, the term in brackets."""
    for term in terms:
        found = re.search(re.escape(term), text, re.IGNORECASE)
        if found:
            at, stop = found.span()
            start, end = max(0, at - width), min(len(text), stop + width)
            inner = f"{text[start:at]}[{text[at:stop]}]{text[stop:end]}"
            return ("…" if start else "") + " ".join(inner.split()) + ("…" if end < len(text) else "")
    return " ".join(text[: 2 * width].split())


def fts_terms(text: str) -> list[str]:
    """Split user search text into plain terms; an empty search is an InputError."""
    # Control characters end an FTS5 query string early and PostgreSQL refuses NUL.
    terms = _CONTROL.sub(" ", text).split()
    if not terms:
        raise InputError("the search text is empty")
    return terms


def search_window(limit: int, order: str) -> int:
    """How many of the most recently stored matches a search reads (its candidates); checks its arguments.

    "relevance" ranks ``SEARCH_CANDIDATES`` of them. "newest" reads as many: asked for
    only 20 rows in store order, PostgreSQL walks the table backwards even for a rare
    word (150-400 ms at 250,000 pages) where the word's index finds it in under 1 ms.
    """
    if limit < 1:
        raise InputError(f"limit must be positive, not {limit}")
    if order not in SEARCH_ORDERS:
        raise InputError(f"order must be one of {', '.join(SEARCH_ORDERS)}, not {order!r}")
    return max(SEARCH_CANDIDATES, int(limit))


def search_order(order: str, rank: str, newest: str) -> str:
    """The ORDER BY of a search's hits among its candidates (equal ranks: most recently stored first)."""
    return f"{rank} DESC, {newest} DESC" if order == "relevance" else f"{newest} DESC"


def substring_hits(cur: Any, conds: list[str], params: list[Any], subs: list[str], limit: int) -> list[SearchHit]:
    """Search hits for substring-only terms, most recently stored first (no index rank; the
    snippet is cut here), on either backend. The scan stops at the ``limit``-th match."""
    cur.execute(
        "SELECT d.page_hash, d.source, d.text FROM documents d WHERE " + " AND ".join(conds) +
        f" ORDER BY d.doc_id DESC LIMIT {int(limit)}",
        params,
    )
    return [SearchHit(h, s, substring_snippet(t, subs)) for h, s, t in cur.fetchall()]
