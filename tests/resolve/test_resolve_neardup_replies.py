"""Near-duplicate pages and reply linking."""

from __future__ import annotations

from missive.model import ActorRef, Event, Occasion, PartialDate
from missive.resolve import find_near_duplicates, independent_pages, link_replies, resolve_events

ARTICLE = (
    "Pyongyang, September 9. The leader of the island republic sent a warm message of greetings to the "
    "chairman of the mountain federation on the seventy-third anniversary of its founding. The message said "
    "that the friendship between the two peoples, forged in the years of hardship, would grow stronger with "
    "every passing season, and wished the chairman good health and fresh successes in building a prosperous "
    "country. It recalled the visit of the chairman to the capital last spring and the agreements signed on "
    "trade, culture and the exchange of students between the universities of both countries."
)
NAV_A = "Home | World | Politics | Business | Sports\nMost read: Storm closes harbour; Wheat prices fall\n"
NAV_B = "Menu\nLatest news\nSubscribe to our newsletter\nShare on social media\nRelated: Festival opens downtown\n"
REWORDED = (
    "The head of the island republic congratulated the federation's chairman in a message on Thursday, marking "
    "73 years since the federation was founded. In the message he praised ties built during difficult times "
    "and hoped the chairman stays healthy, adding that students and traders of both nations gained from the "
    "deals reached when the chairman came to the capital in the spring."
)
CJK_ARTICLE = (
    "新华社北京九月九日电，岛国领导人致电山地联邦主席，热烈祝贺联邦成立七十三周年。"
    "贺电说，两国人民在艰苦岁月中结下的友谊历久弥坚，愿同主席一道推动两国关系不断向前发展。"
    "贺电还回顾了主席去年春天访问首都时双方签署的贸易、文化和教育交流协议。"
)


def test_same_article_with_different_navigation_is_a_near_duplicate():
    dups = find_near_duplicates([("h2", NAV_B + ARTICLE + "\nCopyright 2021"), ("h1", NAV_A + ARTICLE)])
    assert dups == {"h2": "h1"}


def test_reworded_article_is_not_a_near_duplicate():
    assert find_near_duplicates([("h1", ARTICLE), ("h2", REWORDED)]) == {}


def test_chinese_repost_found_with_character_shingles():
    dups = find_near_duplicates([("h1", CJK_ARTICLE), ("h2", "首页 国际 要闻\n" + CJK_ARTICLE + "\n责任编辑：王")])
    assert dups == {"h2": "h1"}


def test_short_texts_are_never_called_duplicates():
    assert find_near_duplicates([("h1", "A short note."), ("h2", "A short note.")]) == {}


def test_reports_of_near_duplicate_pages_stay_but_do_not_confirm(rep):
    a, b, c = rep("a"), rep("b"), rep("c")
    [event] = resolve_events([a, b, c], duplicates={b.page_hash: a.page_hash})
    assert len(event.reports) == 3
    assert event.duplicate_reports == (b.id,)
    assert independent_pages(event) == 2


def test_reply_is_linked_to_the_message_it_answers(rep):
    msg = rep("a", date="2023-06-15", occasion="birthday", anniversary=70)
    older = rep("b", date="2022-06-15", occasion="birthday", anniversary=69)
    reply = rep("c", sender="Kim Jong Un", recipient="Xi Jinping", type="message", date="2023-06-20",
                occasion="thanks", anniversary=None, reply=True)
    events = {e.reports[0].doc: e for e in resolve_events([msg, older, reply])}
    assert events["c.txt"].reply_to == events["a.txt"].id
    assert events["c.txt"].reply_lag_days == 5


def test_reply_is_not_linked_to_a_later_message(rep):
    later = rep("a", date="2023-06-25", occasion="birthday", anniversary=70)
    reply = rep("c", sender="Kim Jong Un", recipient="Xi Jinping", type="message", date="2023-06-20",
                occasion="thanks", anniversary=None, reply=True)
    events = {e.reports[0].doc: e for e in resolve_events([later, reply])}
    assert events["c.txt"].reply_to is None


def test_reply_with_specific_occasion_needs_a_fitting_message(rep):
    condolence = rep("a", type="condolence", date="2023-01-02", occasion="condolence", anniversary=None)
    greetings = rep("b", type="greetings", date="2023-01-01", occasion="new_year", anniversary=None)
    reply = rep("c", sender="Kim Jong Un", recipient="Xi Jinping", type="greetings", date="2023-01-03",
                occasion="new_year", anniversary=None, reply=True)
    events = {e.reports[0].doc: e for e in resolve_events([condolence, greetings, reply])}
    assert events["c.txt"].reply_to == events["b.txt"].id
    assert events["c.txt"].reply_lag_days == 2


def test_month_dated_reply_links_without_a_lag():
    def ev(id_, sender, recipient, date, reply):
        return Event(id_, ActorRef(sender), ActorRef(recipient), "message", PartialDate.parse(date),
                     Occasion("thanks" if reply else "election"), reply)

    linked = link_replies([ev("m", "A Lee", "B Park", "2022-10-23", False), ev("r", "B Park", "A Lee", "2022-11", True)])
    assert (linked[1].reply_to, linked[1].reply_lag_days) == ("m", None)
