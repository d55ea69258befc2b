"""A dateline with no year ("MOSCOW, March 19.") over messages on a known election.

Two of Putin's elections could be meant (2018 and 2024, data/occasions.yaml); the weekday
the lede gives keeps the one year where that day falls on it, for every message of the page.
"""

from __future__ import annotations

from missive.extract import extract_reports
from missive.model import Document


def _dates(text: str) -> list[tuple[str, str | None]]:
    doc = Document(page_hash="h", source="t.txt", text=text, language="en")
    return sorted((r.sender.name, r.date.iso() if r.date else None) for r in extract_reports(doc))


ROUNDUP = ("MOSCOW, March 19. /AGENCY/. Kassym-Jomart Tokayev congratulated Vladimir Putin on his re-election "
           "in a telegram on {weekday}. Alexander Lukashenko also sent a message hailing the convincing victory.")


def test_the_weekday_of_the_lede_fixes_the_year_for_the_whole_round_up():
    # March 19 was a Tuesday in 2024 only (of the years after an election of Putin's)
    assert _dates(ROUNDUP.format(weekday="Tuesday")) == [("Alexander Lukashenko", "2024-03-19"), ("Kassym-Jomart Tokayev", "2024-03-19")]


def test_a_weekday_two_election_years_share_leaves_the_year_unknown():
    # a Monday in 2012 (after the March 4 election) and in 2018: no guess
    assert _dates(ROUNDUP.format(weekday="Monday")) == [("Alexander Lukashenko", None), ("Kassym-Jomart Tokayev", None)]


def test_with_no_weekday_the_year_stays_unknown():
    text = ROUNDUP.format(weekday="Tuesday").replace(" on Tuesday", "")
    assert _dates(text) == [("Alexander Lukashenko", None), ("Kassym-Jomart Tokayev", None)]
