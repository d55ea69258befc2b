"""The clean stage: Page -> Document (article text, title, outlet, language, publication date).

Plain-text crawls go through our line cleaner (textpage.py, cues in
data/boilerplate/); HTML through trafilatura and htmldate (htmlpage.py).
"""

from .dates import date_from_url, find_dateline, find_full_dates
from .language import detect_language
from .outlet import find_outlet
from .page import clean_page
from .textpage import clean_text

__all__ = [
    "clean_page",
    "clean_text",
    "date_from_url",
    "detect_language",
    "find_dateline",
    "find_full_dates",
    "find_outlet",
]
