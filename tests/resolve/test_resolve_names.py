"""Name keys: spelling variants of one person share a key; different people do not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from missive.model import ActorRef
from missive.resolve.names import actor_key, name_keys
from missive.resolve.rules import name_tokens

SAME = [
    ("Kim Jong Un", "Kim Jong-un"),
    ("Kim Jong Un", "KimJongUn"),
    ("Alexander Lukashenko", "Alexander Lukashenka"),
    ("Nguyễn Phú Trọng", "Nguyen Phu Trong"),
    ("Vladimir Putin", "Putin"),
]
APART = [
    ("Kim Jong Un", "Kim Jong Il"),
    ("Xi Jinping", "Li Jinping"),
    ("Raul Castro", "Fidel Castro"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_spelling_variants_share_a_key(a, b):
    keys = name_keys([ActorRef(a), ActorRef(b)])
    assert keys[a] == keys[b]


@pytest.mark.parametrize("a,b", APART)
def test_different_people_keep_their_keys(a, b):
    keys = name_keys([ActorRef(a), ActorRef(b)])
    assert keys[a] != keys[b]


def test_lone_surname_shared_by_two_people_stays_alone():
    keys = name_keys([ActorRef("Castro"), ActorRef("Raul Castro"), ActorRef("Fidel Castro")])
    assert len({keys["Castro"], keys["Raul Castro"], keys["Fidel Castro"]}) == 3


def test_registry_id_wins_over_name():
    keys = name_keys([ActorRef("Kim Jong Un")])
    assert actor_key(ActorRef("Kim Jong Un", actor_id="kim-jong-un"), keys) == "id:kim-jong-un"


@given(st.lists(st.sampled_from(["Kim Jong Un", "Kim Jong-un", "Putin", "Vladimir Putin", "Kim", "Kim Jong Il"]),
                min_size=1, unique=True), st.randoms(use_true_random=False))
def test_keys_do_not_depend_on_order(names, rnd):
    shuffled = list(names)
    rnd.shuffle(shuffled)
    assert name_keys([ActorRef(n) for n in names]) == name_keys([ActorRef(n) for n in shuffled])


@given(st.text(max_size=40))
def test_name_tokens_are_lowercase_words(text):
    for token in name_tokens(text):
        assert token == token.lower() and token.strip() and " " not in token
