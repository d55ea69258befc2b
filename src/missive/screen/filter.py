"""Decide per page, cheaply, whether it can hold an act of correspondence."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser as HTMLParser

from ..model import Page
from .cues import load_cues

#: Reason given for a rejected page, per missing cue group.
REASONS: dict[str, str] = {
    "correspondence": "no correspondence cue",
    "office": "no cue of a person in office",
    "near": "no correspondence cue near a person in office",
}

#: Elements whose text no reader sees; skipping them avoids matching "call" in code.
_INVISIBLE = ["script", "style", "noscript", "template"]


def page_text(page: Page) -> str:
    """The page's text as the screen sees it: HTML rendered to all visible text (fast, no boilerplate removal)."""
    title = page.title_hint or ""
    if page.media_type != "html":
        return f"{title}\n{page.text}" if title else page.text
    tree = HTMLParser(page.text)
    tree.strip_tags(_INVISIBLE)
    # A separator keeps words of adjacent elements apart, so word-start checks still hold.
    body = tree.root.text(separator=" ") if tree.root is not None else ""
    return f"{title}\n{body}" if title else body


def screen_text(text: str) -> str | None:
    """Return None when ``text`` holds a cue of every group, else why it is rejected."""
    missing = load_cues().first_missing(text.lower())
    return REASONS[missing] if missing else None


def screen_page(page: Page) -> str | None:
    """Return None to keep the page, or the reason it was rejected (e.g. "no correspondence cue")."""
    return screen_text(page_text(page))
