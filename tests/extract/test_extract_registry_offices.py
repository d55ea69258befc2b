"""Leaders named by title alone resolve to whoever held the office on the page's date."""

from __future__ import annotations

import datetime as dt

import pytest

from missive.extract.registry import load_registry

HOLDERS = [
    ("the uzbek president", "2023-05-01", "Shavkat Mirziyoyev"),
    ("the kazakh leader", "2022-01-10", "Kassym-Jomart Tokayev"),
    ("president of kazakhstan", "2018-06-01", "Nursultan Nazarbayev"),
    ("the turkmen president", "2021-06-01", "Gurbanguly Berdimuhamedow"),
    ("the turkmen president", "2023-06-01", "Serdar Berdimuhamedow"),
    ("russian prime minister", "2019-06-01", "Dmitry Medvedev"),
    ("russian prime minister", "2021-06-01", "Mikhail Mishustin"),
    ("chinese premier", "2010-06-01", "Wen Jiabao"),
    ("chairman of the npc standing committee", "2020-06-01", "Li Zhanshu"),
    ("chairman of the npc standing committee", "2024-06-01", "Zhao Leji"),
    ("dprk premier", "2019-06-01", "Kim Jae Ryong"),
    ("vietnamese president", "2023-06-01", "Vo Van Thuong"),
    ("vietnamese president", "2024-07-01", "To Lam"),
    ("vietnamese president", "2025-01-01", "Luong Cuong"),
    ("vietnamese prime minister", "2022-01-01", "Pham Minh Chinh"),
    ("lao prime minister", "2023-06-01", "Sonexay Siphandone"),
    ("south korean president", "2015-06-01", "Park Geun-hye"),
    ("japanese prime minister", "2022-06-01", "Fumio Kishida"),
    ("us president", "2012-06-01", "Barack Obama"),
    ("indonesian president", "2025-01-01", "Prabowo Subianto"),
    ("cuban prime minister", "2022-06-01", "Manuel Marrero Cruz"),
    # a title over the years, and a title that names its country after it
    ("the dprk leader", "1990-05-01", "Kim Il Sung"),
    ("the dprk leader", "2010-05-01", "Kim Jong Il"),
    ("the dprk leader", "2020-05-01", "Kim Jong Un"),
    ("general secretary of the workers' party of korea", "2005-01-01", "Kim Jong Il"),
    ("general secretary of the workers' party of korea", "2022-01-01", "Kim Jong Un"),
    ("supreme leader of iran", "2024-05-20", "Ali Khamenei"),
    ("iran's supreme leader", "2015-01-01", "Ali Khamenei"),
    ("pakistani president", "2021-05-21", "Arif Alvi"),
]


@pytest.mark.parametrize("title,on,name", HOLDERS, ids=[f"{t}@{d}" for t, d, _ in HOLDERS])
def test_title_names_the_holder_on_the_date(title: str, on: str, name: str) -> None:
    actor = load_registry().resolve(title, dt.date.fromisoformat(on))
    assert actor is not None and actor.name == name


def test_no_title_names_two_holders_at_once() -> None:
    """Two people holding one title on one day would make the title unreadable on that day."""
    registry = load_registry()
    clashes = []
    for title, terms in sorted(registry.by_title.items()):
        for i, (a, aid) in enumerate(terms):
            for b, bid in terms[i + 1 :]:
                overlap = a.start < (b.end or dt.date.max) and b.start < (a.end or dt.date.max)
                if aid != bid and overlap:
                    clashes.append((title, aid, bid))
    assert clashes == []
