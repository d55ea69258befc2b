"""The pre-filter: Page -> keep (None) or the reason it was rejected.

A general news crawl holds few pages about correspondence between leaders;
this stage lets the expensive ones (clean, extract) see only the pages that
could hold an event. It is a cheap scan of the raw text with Aho-Corasick
automata of cue words (``data/screen.yaml``), tuned for recall.
"""

from .cues import CueSet, load_cues
from .filter import page_text, screen_page, screen_text

__all__ = ["CueSet", "load_cues", "page_text", "screen_page", "screen_text"]
