"""Registry additions: relatives ("her brother"), organisation words before unknown names, more leaders."""

from __future__ import annotations

import pytest

from missive.errors import DataError
from missive.extract import Actor, Registry, load_registry
from missive.extract.mentions import find_mentions


def _names(text: str) -> list[tuple[str, str | None]]:
    return [(m.name, m.actor_id) for m in find_mentions(text, 0, len(text), load_registry(), None, {})]


def test_kin_resolves_through_the_named_relative() -> None:
    assert ("Kim Jong Un", "kim-jong-un") in _names("Kim Yo Jong handed over a letter from her brother.")
    # no named relative before it: "her brother" stays nobody
    assert _names("She handed over a letter from her brother.") == []


def test_kin_must_name_a_known_actor() -> None:
    with pytest.raises(DataError, match="kin"):
        Registry([Actor("a", "A B", aliases=("A B",), kin={"brother": "nobody"})])


@pytest.mark.parametrize(
    "text,name",
    [
        ("Minister of Foreign Affairs Tran Van Loc said", "Tran Van Loc"),
        ("President of the Lao National Assembly Sone Vilay said", "Sone Vilay"),
        ("Prime Minister Amara Tembo said", "Amara Tembo"),
    ],
)
def test_unknown_official_keeps_the_full_name(text: str, name: str) -> None:
    assert (name, None) in _names(text)


def test_headline_words_are_not_a_name() -> None:
    assert _names("Premier Tran Exchange Congratulatory Messages") == []


@pytest.mark.parametrize("written", ["Shavkat Mirziyoyev", "Modi", "Recep Tayyip Erdogan", "Kim Yong-nam"])
def test_more_leaders_resolve(written: str) -> None:
    assert load_registry().resolve(written) is not None
