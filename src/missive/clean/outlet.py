"""Which outlet a page comes from: its URL's domain first, else credit cues in its text."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from ..errors import DataError
from ..resources import load_data, require_keys

OUTLETS_FILE = "outlets.yaml"
CUE_WINDOW = 1500  # characters from the top: a credit further down may quote another outlet


@functools.cache
def _outlets() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    data = load_data(OUTLETS_FILE)
    if not isinstance(data, dict) or not isinstance(data.get("outlets"), list):
        raise DataError(f"{OUTLETS_FILE}: expected a mapping with an 'outlets' list")
    out = []
    for entry in data["outlets"]:
        require_keys(OUTLETS_FILE, entry, ("name", "domains", "cues"))
        if not isinstance(entry["domains"], list) or not isinstance(entry["cues"], list):
            raise DataError(f"{OUTLETS_FILE}: domains and cues of {entry['name']!r} must be lists")
        domains = tuple(str(d).lower() for d in entry["domains"])
        out.append((str(entry["name"]), domains, tuple(str(c) for c in entry["cues"] if c)))
    return tuple(out)


def outlet_from_url(url: str | None) -> str | None:
    """Return the outlet whose domain the URL's host is (or is a subdomain of)."""
    if not url:
        return None
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    for name, domains, _ in _outlets():
        if any(host == d or host.endswith("." + d) for d in domains):
            return name
    return None


def outlet_from_text(text: str) -> str | None:
    """Return the outlet credited earliest near the top of the text ("(KCNA)", "/TASS/", "新华社")."""
    head = text[:CUE_WINDOW]
    best: tuple[int, str] | None = None
    for name, _, cues in _outlets():
        for cue in cues:
            pos = head.find(cue)
            if pos >= 0 and (best is None or pos < best[0]):
                best = (pos, name)
    return best[1] if best else None


def find_outlet(url: str | None, text: str) -> str | None:
    """The page's outlet: from the URL's domain first, else from credit cues in the text."""
    return outlet_from_url(url) or outlet_from_text(text)
