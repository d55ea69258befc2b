"""compare_readouts on versions written for the test: paraphrases align, dropped phrases show."""

from __future__ import annotations

import pytest

from missive.model import ActorRef, DatedValue, Document, Event, Occasion, PartialDate, Report, Span
from missive.resolve import compare_readouts
from missive.resolve.align import idf_weights, similarity
from missive.resolve.readout_text import content_words, is_furniture, party_forms, rules

XI = ActorRef("Xi Jinping", actor_id="xi-jinping")
KIM = ActorRef("Kim Jong Un", actor_id="kim-jong-un")

# Paraphrases that must align (same content, other words), and sentences of
# the same kind of readout that must not (same topic, different content).
SAME = [
    ("Xi said he stands ready to work with Kim to keep close strategic communication and push bilateral ties forward.",
     "Xi Jinping said in the message that he is ready to work with Kim Jong Un to strengthen strategic communication "
     "and lead the relations between the two countries forward."),
    ("Chinese President Xi Jinping on Monday sent a congratulatory message to Kim Jong Un on the 70th anniversary of "
     "the founding of the DPRK.",
     "Kim Jong Un received a message of congratulations from Xi Jinping, president of the People's Republic of China, "
     "on the 70th founding anniversary of the Democratic People's Republic of Korea."),
    ("China and the DPRK are close neighbours linked by mountains and rivers, Xi said.",
     "The message said that the two countries are friendly neighbors sharing mountains and rivers."),
    ("Kim wished Xi good health and greater success in his work.",
     "The message wished Xi Jinping good health and fresh successes in his responsible work."),
    ("Xi extended warm congratulations on behalf of the CPC Central Committee, the Chinese government and people.",
     "On behalf of the Central Committee of the Communist Party of China, the Chinese government and people, Xi "
     "conveyed his warm congratulations."),
    ("Under the leadership of the WPK, the Korean people have achieved great successes in building the country, Xi noted.",
     "The message noted that the Korean people have made great achievements in national construction under the "
     "leadership of the Workers' Party of Korea."),
    ("Kim expressed the hope that the friendly relations between the two parties and countries would grow stronger in "
     "the new era.",
     "Kim Jong Un expressed his hope that the friendship between the two parties and the two countries would be further "
     "strengthened in the new era."),
    ("The traditional friendship between China and the DPRK, forged by the leaders of the older generation, is a "
     "valuable asset of both peoples.",
     "Xi said the traditional China-DPRK friendship forged by the older generation of leaders is a precious treasure of "
     "the two peoples."),
]
DIFFERENT = [
    ("Xi said he stands ready to work with Kim to keep close strategic communication.",
     "The message wished Xi Jinping good health and fresh successes in his responsible work."),
    ("Chinese President Xi Jinping on Monday sent a congratulatory message to Kim Jong Un on the 70th anniversary of "
     "the founding of the DPRK.",
     "Xi extended warm congratulations on behalf of the CPC Central Committee, the Chinese government and people."),
    ("China and the DPRK are close neighbours linked by mountains and rivers, Xi said.",
     "Under the leadership of the WPK, the Korean people have achieved great successes in building the country, Xi noted."),
    ("Kim expressed the hope that the friendly relations between the two parties and countries would grow stronger.",
     "The message said the two countries would contribute to peace and stability in the region."),
    ("The traditional friendship between China and the DPRK is a valuable asset of both peoples.",
     "Xi said he stands ready to work with Kim to keep close strategic communication and push bilateral ties forward."),
    ("Kim wished Xi good health and greater success in his work.",
     "Kim Jong Un received a message of congratulations from Xi Jinping on the 70th founding anniversary."),
    ("The message said the two countries would contribute to peace and stability in the region.",
     "The two countries have supported each other through changing times, the message said."),
    ("Xi also spoke of the socialist cause pursued by the Korean people.",
     "Under the leadership of the WPK, the Korean people have achieved great successes in building the country, Xi noted."),
]


def _scores(pairs):
    parties = party_forms([XI, KIM])
    bag = {s: frozenset(w.key for w in content_words(s, "en", parties)) for p in SAME + DIFFERENT for s in p}
    weights = idf_weights([bag[s] for s in sorted(bag)])
    return [similarity(bag[a], bag[b], weights) for a, b in pairs]


def test_threshold_separates_paraphrases_from_other_sentences():
    """The calibration of readouts.yaml align_score: every paraphrase above it, every other pair below."""
    threshold = rules().align_score
    assert min(_scores(SAME)) >= threshold > max(_scores(DIFFERENT))


def test_party_names_count_as_one_word_whatever_the_page_calls_them():
    parties = party_forms([XI, KIM])
    keys = [w.key for w in content_words("Xi Jinping wrote to Kim Jong-un; Xi thanked Comrade Kim.", "en", parties)]
    assert keys.count("@xi-jinping") == 2 and keys.count("@kim-jong-un") == 2


# -- whole readouts ----------------------------------------------------------

# Two outlets' versions of one message: B paraphrases A sentence by sentence and
# drops A's clause on the "socialist cause". A's page has a headline, a date and
# time line and a credit line, which are furniture.
PAGE_A = (
    "Xi greets Kim on anniversary of the republic\n"
    "(Daily Wire) 09:15, October 10, 2025\n"
    "BEIJING, Oct. 10 (Daily Wire) -- Chinese President Xi Jinping on Friday sent a congratulatory message to Kim Jong "
    "Un on the 80th founding anniversary of the DPRK.\n"
    "Xi said the Korean people, led by the WPK, have advanced the socialist cause and achieved great successes.\n"
    "China and the DPRK are close neighbours linked by mountains and rivers, Xi said.\n"
    "Xi said he stands ready to work with Kim to keep close strategic communication and push bilateral ties forward.\n"
    "(Editor: Wang Min)"
)
PAGE_B = (
    "Kim Jong Un receives greetings from Xi Jinping\n"
    "Date: 10/10/2025 | Source: Northern Agency\n"
    "PYONGYANG, October 10 (NA) -- Kim Jong Un received a message of congratulations from Xi Jinping, president of "
    "the People's Republic of China, on the 80th founding anniversary of the Democratic People's Republic of Korea.\n"
    "Xi Jinping said in the message that he is ready to work with Kim Jong Un to strengthen strategic communication "
    "and lead the relations between the two countries forward.\n"
    "The message said that the Korean people have achieved great successes under the leadership of the WPK.\n"
    "The message said that the two countries are friendly neighbors sharing mountains and rivers."
)
ROUNDUP = (
    "News in brief\n"
    "Grain prices fell on Friday. A new ferry line opened on the east coast. "
    "Xi Jinping sent a message to Kim Jong Un. Heavy rain is expected next week. "
    "The national football team won its match. A museum of modern art opened downtown.\n"
)
CHINESE = (
    "习近平致电祝贺朝鲜建国80周年\n"
    "习近平致电金正恩，祝贺朝鲜民主主义人民共和国成立80周年。习近平表示，中朝是山水相连的友好邻邦，愿同总书记同志一道，加强战略沟通。"
)
KOREAN = "시진핑 주석은 김정은 총비서에게 축전을 보내 창건 80주년을 축하했다. 시진핑 주석은 두 나라 관계를 발전시키고 싶다고 밝혔다."


def _report(name: str, doc: Document, language: str = "en", **changes) -> Report:
    fields = dict(doc=f"{name}.txt", page_hash=doc.page_hash, sender=XI, recipient=KIM, type="congratulatory",
                  date=PartialDate(2025, 10, 10), occasion=Occasion("anniversary", 80), language=language,
                  outlet=doc.outlet, published=doc.published.date if doc.published else None)
    fields.update(changes)
    return Report(**fields)


def _doc(name: str, text: str, outlet: str, language: str = "en", title: str | None = None,
         dated: str = "October 10, 2025") -> Document:
    at = text.find(dated)
    span = Span(at, at + len(dated), dated) if at >= 0 else None
    return Document(page_hash=f"hash-{name}", source=f"{name}.txt", text=text, title=title or text.split("\n")[0],
                    outlet=outlet, language=language, published=DatedValue(PartialDate(2025, 10, 10), span, "test"))


def _compare(*pages: tuple[str, Document, dict]):
    reports = [_report(name, doc, doc.language, **extra) for name, doc, extra in pages]
    event = Event("ev-test", XI, KIM, "congratulatory", PartialDate(2025, 10, 10), Occasion("anniversary", 80), False,
                  tuple(reports))
    cmp = compare_readouts(event, {doc.page_hash: doc for _, doc, _ in pages})
    outlet = {r.id: r.outlet for r in reports}
    return cmp, outlet


@pytest.fixture
def pair():
    return _compare(("a", _doc("a", PAGE_A, "Daily Wire"), {}), ("b", _doc("b", PAGE_B, "Northern Agency"), {}))


def test_paraphrases_align_one_to_one(pair):
    cmp, outlet = pair
    pairs = {}
    for al in cmp.alignments:
        a, b = (al.a_sentence, al.b_sentence) if outlet[al.a] == "Daily Wire" else (al.b_sentence, al.a_sentence)
        pairs[a[:20]] = b[:20]
    assert pairs == {
        "BEIJING, Oct. 10 (Da": "PYONGYANG, October 1",
        "Xi said the Korean p": "The message said tha",
        "China and the DPRK a": "The message said tha",
        "Xi said he stands re": "Xi Jinping said in t",
    }
    assert len(cmp.alignments) == 4  # each sentence at most once


def test_the_dropped_phrase_is_reported_and_nothing_else(pair):
    cmp, outlet = pair
    additions = {outlet[a.report_id]: a for a in cmp.additions}
    assert set(additions) == {"Daily Wire"}, additions
    assert additions["Daily Wire"].sentences == ()  # every sentence has its paraphrase
    assert additions["Daily Wire"].phrases == ("socialist cause",)
    assert additions["Daily Wire"].cues == ("socialist cause",)
    [finding] = cmp.cue_differences
    assert finding.cue == "socialist cause" and [outlet[r] for r in finding.absent] == ["Northern Agency"]


def test_furniture_is_left_out_and_datelines_do_not_split(pair):
    cmp, outlet = pair
    sentences = {outlet[v.report_id]: v.sentences for v in cmp.versions}
    assert len(sentences["Daily Wire"]) == 4 and len(sentences["Northern Agency"]) == 4
    assert sentences["Daily Wire"][0].startswith("BEIJING, Oct. 10 (Daily Wire) -- Chinese President")
    assert not any("Editor" in s or "09:15" in s or "Source:" in s for v in sentences.values() for s in v)


def test_first_report_carries_the_time_when_the_page_shows_one(pair):
    cmp, outlet = pair
    times = {outlet[v.report_id]: v.published_time for v in cmp.versions}
    assert times == {"Daily Wire": "09:15", "Northern Agency": None}
    assert {o: d for o, (d, _) in cmp.first_reports.items()} == {"Daily Wire": "2025-10-10",
                                                                 "Northern Agency": "2025-10-10"}


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("(Daily Wire) 09:15, October 10, 2025", True),
        ("Date: 10/10/2025 | Source: Northern Agency", True),
        ("(Editor: Wang Min)", True),
        ("BEIJING, Oct. 10 (Daily Wire) --", True),
        ("Leader greets counterpart on national day", True),
        ("2025年10月10日09:15 | 来源：新华社", True),
        ("Copyright 2025 Daily Wire. All rights reserved.", True),
        ("The message wished him good health. -0-", False),
        ("Xi said the two sides will keep in touch.", False),
        ("习近平表示，愿同总书记同志一道，加强战略沟通。", False),
        ("김정은 총비서에게 축전을 보냈다.", False),
    ],
)
def test_what_counts_as_page_furniture(line, furniture):
    assert is_furniture(line) is furniture


def test_a_roundup_is_a_mention():
    cmp, outlet = _compare(("a", _doc("a", PAGE_A, "Daily Wire"), {}), ("c", _doc("c", ROUNDUP, "Digest"), {}))
    coverage = {outlet[v.report_id]: (v.coverage, v.share) for v in cmp.versions}
    assert coverage["Daily Wire"] == ("full", 1.0)
    assert coverage["Digest"][0] == "mention" and coverage["Digest"][1] < 0.2


def test_across_languages_fields_and_cues_never_strings():
    cmp, outlet = _compare(
        ("a", _doc("a", PAGE_A, "Daily Wire"), {}),
        ("z", _doc("z", CHINESE, "Chinese Wire", "zh"), {"date": PartialDate(2025, 10, 9)}),
        ("k", _doc("k", KOREAN, "Korean Wire", "ko"), {"type": "greetings"}),
    )
    assert cmp.alignments == ()  # one version per language: nothing is aligned across scripts
    assert set(cmp.field_differences) == {"date", "type"}
    findings = {c.cue: ({outlet[r] for r in c.present}, {outlet[r] for r in c.absent}) for c in cmp.cue_differences}
    # the Korean version has neither phrase; English and Chinese both have both
    assert findings["strategic communication"] == ({"Daily Wire", "Chinese Wire"}, {"Korean Wire"})
    assert findings["good neighbours"] == ({"Daily Wire", "Chinese Wire"}, {"Korean Wire"})
    # "socialist cause" is only in the English page; Chinese and Korean lack it
    assert findings["socialist cause"] == ({"Daily Wire"}, {"Chinese Wire", "Korean Wire"})
    additions = {outlet[a.report_id]: a for a in cmp.additions}
    assert additions["Daily Wire"].phrases == () and additions["Daily Wire"].sentences == ()


def test_three_versions_a_sentence_aligned_with_any_is_not_lonely():
    a = _doc("a", PAGE_A, "Daily Wire")
    b = _doc("b", PAGE_B, "Northern Agency")
    c = _doc("c", PAGE_A.replace("Daily Wire", "Coast Post"), "Coast Post")
    cmp, outlet = _compare(("a", a, {}), ("b", b, {}), ("c", c, {}))
    additions = {outlet[x.report_id]: x for x in cmp.additions}
    assert all(not additions[o].sentences and not additions[o].phrases for o in ("Daily Wire", "Coast Post"))
    assert sum(1 for x in cmp.alignments if {outlet[x.a], outlet[x.b]} == {"Daily Wire", "Coast Post"}) == 4
