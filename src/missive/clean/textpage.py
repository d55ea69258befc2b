"""The line-based cleaner for plain-text crawls: find the article, drop the furniture.

Steps, in order:

1. Read the crawl-format prefix (" date 2021-09-09 ") off the page, if any.
2. Normalise each line (NFC, no zero-width characters, runs of spaces collapsed)
   and re-join lines a crawler broke inside a sentence ("The respected / Kim Jong Un / sent ...").
3. Find the body: it starts at the first prose line (long, with a sentence end)
   or at a dateline ("BEIJING, Sept. 9 (Xinhua) --"). Lines before it are the header.
4. Title: the first headline-like line of the header. Date line: the first header
   line that carries a full date and little else (or a "Published:"-style label).
5. The body ends at the first `stop` cue (related lists, comment forms, footers)
   or at a list of headline + date lines, whose dates belong to other articles.
6. Inside the body, `drop` and `stamp` cue lines and repeats are removed.

The output text is: title, date line, body lines, one per line. Dates are only
ever read from the header, the first body line or a lone date line closing the
body, never from navigation or related lists.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import DatedValue, Span
from .cues import date_rules, match_cue
from .dates import DateMatch, find_full_dates, parse_crawl_header

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?。！？](?:[\"”’»)\]」』]*)(?:\s|$)|[다요]\.?[\"”’]?$")
_ENDS_SENTENCE = re.compile(r"[.!?。！？:;,，：；\"”’»)\]」』]$")
_NAME_FRAGMENT = re.compile(r"^[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,4}$")

PROSE_MIN = 80  # weighted characters; a CJK character weighs 3
PROSE_MIN_CJK_SENTENCE = 60  # a line ending in 。 is a sentence even when short (ministry lead lines)
PROSE_LONG = 200
HEADER_DATE_LINES = 15
LEAD_DATE_WINDOW = 80
DATE_LINE_RESIDUE = 45
CLOSING_WINDOW = 6  # lines: a labelled date line this near the end closes the article


@dataclass(frozen=True)
class CleanedText:
    """The article text of a crawl, its title and the date the text itself states."""

    text: str
    title: str | None
    published: DatedValue | None
    dropped: tuple[tuple[str, str], ...] = ()  # (line, rule) for every line removed by a cue


def weight(line: str) -> int:
    """Length of a line with CJK characters counted three times (they carry more per char)."""
    return len(line) + 2 * len(_CJK.findall(line))


def normalise_line(line: str) -> str:
    """NFC, no invisible characters, runs of spaces collapsed, ends stripped (CJK kept as is)."""
    line = _INVISIBLE.sub("", unicodedata.normalize("NFC", line))
    return _SPACES.sub(" ", line).strip()


MENU_CELL = 30  # characters: the longest item of a pipe-separated menu ("NATIONAL | N. KOREA | ...")


def cells(line: str) -> list[str]:
    """The pipe-separated cells of a header line ("By X | outlet | Updated: ..."), stripped."""
    return [c.strip() for c in line.split("|")]


def is_menu(line: str) -> bool:
    """Three or more short items split by pipes: a menu or a tool bar, never prose or a headline.

    The drop cue for pipe menus refuses items with a full stop, so "N. KOREA"
    in a section bar made the bar read as a sentence.
    """
    parts = [c for c in cells(line) if c]
    return line.count("|") >= 2 and len(parts) >= 3 and all(len(c) <= MENU_CELL for c in parts)


def is_prose(line: str) -> bool:
    """A paragraph of running text, as opposed to a headline, menu item or label."""
    if is_menu(line):
        return False
    w = weight(line)
    if line.endswith("。") and w >= PROSE_MIN_CJK_SENTENCE:
        return True
    return w >= PROSE_LONG or (w >= PROSE_MIN and bool(_SENTENCE_END.search(line)))


def is_dateline(line: str) -> bool:
    """A news dateline opening the article ("Pyongyang, May 4 (KCNA) --")."""
    return any(cue.regex.search(line) for cue in date_rules().datelines)


def _date_residue(line: str, match: DateMatch) -> str:
    rest = line[: match.start] + " " + line[match.end:]
    rest = date_rules().date_noise.sub(" ", rest)
    rest = re.sub(r"\d{1,2}:\d{2}(:\d{2})?", " ", rest)
    return re.sub(r"[\W\d_]+", " ", rest).strip()


def is_date_only(line: str) -> bool:
    """A line that is a date and nothing else ("Thursday, September 22, 2022 | 2:01 AM")."""
    found = find_full_dates(line)
    return bool(found) and not _date_residue(line, found[0])


def is_trap(line: str) -> bool:
    """A line whose date is never the page's: a crawl or access stamp, a site's "Last modified", a cookie notice."""
    trap = date_rules().trap_labels
    return bool(trap and trap.search(line))


def _published_after_update(line: str) -> DateMatch | None:
    """ "Updated: 2023-11-04 09:00 Published: 2023-11-03": the date after the publication label."""
    found = find_full_dates(line)
    # The publication label comes after the update's own date ("更新时间：" itself holds "时间：").
    label = date_rules().date_labels.search(line, found[0].end) if found else None
    if label is None:
        return None
    return next((m for m in find_full_dates(line) if m.start >= label.end()), None)


def _header_date(line: str) -> DateMatch | None:
    """The publication date a header line gives, if it is a date line (not an update stamp)."""
    rules = date_rules()
    found = find_full_dates(line)
    if not found:
        return None
    if "|" in line and (cell := date_cell(line)) is not None:
        return cell  # "Source: Agency | 2023-11-03 14:05 | Crawled 2024-02-01": each cell read alone
    if is_trap(line):
        return None
    if rules.update_labels.search(line):
        return _published_after_update(line)
    if rules.date_labels.search(line) or weight(_date_residue(line, found[0])) <= DATE_LINE_RESIDUE:
        return found[0]
    return date_cell(line)


def date_cell(line: str) -> DateMatch | None:
    """A date from one pipe-separated cell that is a date line by itself, not an update stamp.

    "All News | 11:02 October 07, 2024", "By A Writer | outlet.com | Published: 2021-03-23",
    "Date: 23/06/2019 | Source: News Agency": the cell carries the date, the
    others a byline or a source. Offsets index ``line``.
    """
    offset = 0
    for cell in line.split("|"):
        lead = len(cell) - len(cell.lstrip())
        m = _cell_date(cell.strip())
        if m is not None:
            return DateMatch(m.date, offset + lead + m.start, offset + lead + m.end, m.rule)
        offset += len(cell) + 1
    return None


def _cell_date(text: str) -> DateMatch | None:
    """The date of a cell that is a date and nothing else, or a short labelled date ("Date: 23/06/2019")."""
    rules = date_rules()
    found = find_full_dates(text)
    if not found or rules.update_labels.search(text) or is_trap(text):
        return None
    residue = _date_residue(text, found[0])
    if not residue or (rules.date_labels.match(text) and weight(rules.date_labels.sub(" ", residue).strip()) <= 12):
        return found[0]
    return None


def _is_headline(line: str) -> bool:
    if find_full_dates(line) or match_cue("drop", line) or match_cue("stamp", line) or is_menu(line):
        return False
    cjk = len(_CJK.findall(line))
    return 15 <= weight(line) <= 400 and (len(line.split()) >= 3 or cjk >= 6)


def _join_broken(raw_lines: list[str]) -> list[str]:
    """Re-join sentences a crawler split around names ("between / Kim Il Sung / and Fidel")."""
    out: list[str] = []
    i = 0
    while i < len(raw_lines):
        cur = raw_lines[i]
        while cur and not _ENDS_SENTENCE.search(cur) and i + 1 < len(raw_lines):
            nxt = raw_lines[i + 1]
            after = raw_lines[i + 2] if i + 2 < len(raw_lines) else ""
            if nxt[:1].islower() and nxt[:1].isascii():
                cur, i = f"{cur} {nxt}", i + 1
            elif cur[-1:].islower() and _NAME_FRAGMENT.match(nxt) and after[:1].islower() \
                    and after[:1].isascii():
                cur, i = f"{cur} {nxt} {after}", i + 2
            else:
                break
        out.append(cur)
        i += 1
    return out


def _list_start(lines: list[str], start: int) -> int | None:
    """Index of the first date line of a related list (two or more date-only lines) after ``start``."""
    dated = [i for i in range(start, len(lines)) if is_date_only(lines[i])]
    return dated[0] if len(dated) >= 2 else None


def clean_text(raw: str) -> CleanedText:
    """Reduce a plain-text crawl to its article (title first) and the date its text states."""
    published: DatedValue | None = None
    header = parse_crawl_header(raw)
    if header:
        published = DatedValue(header[0], None, "crawl-header")
        raw = raw[header[1]:]
    lines = [ln for ln in _join_broken([normalise_line(x) for x in raw.splitlines()]) if ln]
    dropped: list[tuple[str, str]] = []

    # 3. The body starts at the first prose line or dateline that is not furniture.
    body_start = len(lines)
    for i, line in enumerate(lines):
        if (is_prose(line) or is_dateline(line)) and not (
            match_cue("drop", line) or match_cue("stamp", line) or match_cue("stop", line)
        ):
            body_start = i
            break
    if body_start == len(lines):
        # No prose at all (a very short page): the first headline-like line is the
        # title and everything after it is the body, so that nothing real is lost.
        first = next((i for i, ln in enumerate(lines) if _is_headline(ln)), None)
        body_start = 0 if first is None else first + 1
    head = lines[:body_start]

    # 4. Title and date line from the header.
    title = next((ln for ln in head if _is_headline(ln)), None)
    date_line: str | None = None
    date_match: DateMatch | None = None
    for line in head[:HEADER_DATE_LINES]:
        if match_cue("stamp", line):
            continue
        date_match = _header_date(line)
        if date_match:
            date_line = line
            break

    # 5. Where the body ends.
    body_end = len(lines)
    for i in range(body_start, len(lines)):
        rule = match_cue("stop", lines[i])
        if rule and i > body_start:
            dropped.extend((ln, rule) for ln in lines[i:])
            body_end = i
            break
    list_at = _list_start(lines[:body_end], body_start + 1)
    if list_at is not None:
        cut = list_at
        # The list's first headline/teaser lines sit above its first date: no sentence end.
        while cut > body_start + 1 and not _ENDS_SENTENCE.search(lines[cut - 1]):
            cut -= 1
        dropped.extend((ln, "related.dated-list") for ln in lines[cut:body_end])
        body_end = cut

    # 6. The body without furniture and repeats.
    seen = {title.casefold()} if title else set()
    body: list[str] = []
    for line in lines[body_start:body_end]:
        rule = match_cue("drop", line) or match_cue("stamp", line)
        if rule:
            dropped.append((line, rule))
        elif line.casefold() not in seen:
            seen.add(line.casefold())
            body.append(line)
    for line in head:
        if line not in (title, date_line):
            dropped.append((line, match_cue("drop", line) or match_cue("stamp", line) or "header"))

    out = ([title] if title else []) + ([date_line] if date_line and date_line != title else []) + body
    text = "\n".join(out)

    if published is None:
        published = _text_date(out, title, date_line, date_match, len(body))
    return CleanedText(text, title, published, tuple(dropped))


def _span_in(out: list[str], index: int, match: DateMatch) -> Span:
    offset = sum(len(line) + 1 for line in out[:index])
    start, end = offset + match.start, offset + match.end
    text = "\n".join(out)
    return Span(start, end, text[start:end])


def _text_date(out: list[str], title: str | None, date_line: str | None,
               date_match: DateMatch | None, n_body: int) -> DatedValue | None:
    """The date the article text states: header date line, then lead, then a closing date line."""
    first_body = len(out) - n_body
    if date_line is not None and date_match is not None:
        index = out.index(date_line, 1 if title else 0)
        return DatedValue(date_match.date, _span_in(out, index, date_match), f"header.{date_match.rule}")
    if n_body:
        lead = out[first_body]
        blocker = date_rules().sentence_date_prefix
        found = [m for m in find_full_dates(lead)
                 if m.start < LEAD_DATE_WINDOW and not blocker.search(lead[: m.start])]
        if found:
            return DatedValue(found[0].date, _span_in(out, first_body, found[0]), f"lead.{found[0].rule}")
        last = len(out) - 1
        if last > first_body and is_date_only(out[last]):
            match = find_full_dates(out[last])[0]
            return DatedValue(match.date, _span_in(out, last, match), f"closing.{match.rule}")
        labelled = _closing_label(out, first_body + 1)
        if labelled is not None:
            index, match = labelled
            return DatedValue(match.date, _span_in(out, index, match), f"closing.{match.rule}")
    return None


def _closing_label(out: list[str], first: int) -> tuple[int, DateMatch] | None:
    """A labelled date line among the article's last lines ("Date: 23/06/2019 | Source: News Agency").

    Agencies print it under the story, before share bars and a list of related
    headlines whose own dates follow it: so the first such line from the top of
    the closing window is the article's.
    """
    rules = date_rules()
    for index in range(max(first, len(out) - CLOSING_WINDOW), len(out)):
        line = out[index]
        if rules.date_labels.match(line):
            match = date_cell(line)
            if match is not None:
                return index, match
    return None
