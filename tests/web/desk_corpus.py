"""A small record for the desk's tests: pages, documents, reports and events we write.

Every sentence here is the team's own. One page and one actor name carry
script markup, so every view can be checked for escaping.
"""

from __future__ import annotations

from pathlib import Path

from missive.model import ActorRef, Document, Event, Evidence, Occasion, Page, PartialDate, Report, Span, DatedValue
from missive.store import Batch, open_store

TOKEN = "test-token-0123456789abcdef"  # the write token of the desks the tests start
XSS_SCRIPT = "<script>alert('page')</script>"
XSS_IMG = '<img src=x onerror="alert(1)">'
XSS_ACTOR = "<script>alert('actor')</script> Bad Name"

KIM = ActorRef("Kim Jong Un", actor_id="kim-jong-un", titles=("General Secretary",))
XI = ActorRef("Xi Jinping", actor_id="xi-jinping", titles=("President",))
PUTIN = ActorRef("Vladimir Putin", actor_id="vladimir-putin", titles=("President",))
MOON = ActorRef("Moon Jae-in", actor_id="moon-jae-in")
EVIL = ActorRef(XSS_ACTOR, actor_id=None)


def _span(text: str, needle: str, within: Span | None = None) -> Span:
    base = within.start if within else 0
    hay = within.text if within else text
    i = hay.index(needle) + base
    return Span(i, i + len(needle), needle)


def _sentence(text: str, needle: str) -> Span:
    """The sentence (ended by '. ' or the text's end) that contains ``needle``."""
    i = text.index(needle)
    start = text.rfind(". ", 0, i)
    start = 0 if start < 0 else start + 2
    end = text.find(". ", i)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def _evidence(text: str, **fields: str) -> tuple[Evidence, ...]:
    out = []
    for name, needle in fields.items():
        sentence = _sentence(text, needle)
        out.append(Evidence(name, sentence, _span(text, needle, sentence), f"test:{name}"))
    return tuple(out)


def _page(name: str, text: str, title: str, outlet: str, language: str, published: PartialDate) -> tuple[Page, Document]:
    raw = f"{title}\n{text}\n".encode()
    page = Page(source=name, raw=raw, text=raw.decode(), media_type="text", encoding="utf-8", container="txt")
    doc = Document(page.hash, name, text, title, outlet, language, DatedValue(published, None, "test"), None)
    return page, doc


def _report(doc: Document, frm: ActorRef, to: ActorRef, type_: str, date: PartialDate | None,
            occasion: Occasion, is_reply: bool = False, /, **ev: str) -> Report:
    return Report(doc=doc.source, page_hash=doc.page_hash, sender=frm, recipient=to, type=type_, date=date,
                  occasion=occasion, reply=is_reply, language=doc.language, evidence=_evidence(doc.text, **ev),
                  rule="test", outlet=doc.outlet, published=doc.published.date if doc.published else None)


def build(path: Path | str) -> dict[str, object]:
    """Fill a fresh store at ``path`` and return the ids the tests look for."""
    t1 = ("Pyongyang, October 1 -- Kim Jong Un sent a congratulatory message to Xi Jinping on October 1, 2021. "
          "The message marked the 72nd founding anniversary of the People's Republic of China. "
          "It wished the Chinese people greater successes.")
    t2 = ("Beijing, October 2 -- President Xi Jinping received a message of congratulation from General Secretary Kim Jong Un. "
          "Kim Jong Un sent the congratulatory message on October 1, 2021 for the national day. "
          "Both sides praised their long friendship.")
    t3 = ("Pyongyang, October 12 -- Xi Jinping sent a message of thanks to Kim Jong Un on October 10, 2021. "
          "He thanked Kim Jong Un for his warm congratulations on the national day.")
    t4 = ("Moscow, January 1 -- Vladimir Putin sent New Year greetings to Kim Jong Un on January 1, 2022. "
          "The greetings wished the Korean people peace and prosperity.")
    t5 = (f"Nowhere, March 5 -- {XSS_ACTOR} sent a condolence message to Kim Jong Un on March 5, 2023. "
          f"The page also carried {XSS_SCRIPT} and {XSS_IMG} in its text.")
    t6 = ("Seoul, September 20 -- Moon Jae-in sent a letter to Kim Jong Un in September 2018. "
          "The letter proposed further talks.")
    p1, d1 = _page("kcna-2021-10-01.txt", t1, "Message to Xi Jinping", "Example News Agency", "en", PartialDate(2021, 10, 1))
    p2, d2 = _page("daily-2021-10-02.txt", t2, "Xi receives greetings", "Example Daily", "en", PartialDate(2021, 10, 2))
    p3, d3 = _page("kcna-2021-10-12.txt", t3, "Reply from Xi Jinping", "Example News Agency", "en", PartialDate(2021, 10, 12))
    p4, d4 = _page("tass-2022-01-01.txt", t4, "New Year greetings", "Example Wire", "en", PartialDate(2022, 1, 1))
    p5, d5 = _page("evil-2023-03-05.txt", t5, f"Title {XSS_SCRIPT}", f"Outlet {XSS_IMG}", "en", PartialDate(2023, 3, 5))
    p6, d6 = _page("yonhap-2018-09-20.txt", t6, "Letter to Pyongyang", "Example Yonhap", "en", PartialDate(2018, 9, 20))
    national = Occasion("national_day", 72, "the People's Republic of China")
    r1 = _report(d1, KIM, XI, "congratulatory", PartialDate(2021, 10, 1), national,
                 sender="Kim Jong Un", recipient="Xi Jinping", type="congratulatory message", date="October 1, 2021",
                 occasion="72nd founding anniversary")
    r2 = _report(d2, KIM, XI, "congratulatory", PartialDate(2021, 10, 1), Occasion("national_day"),
                 sender="General Secretary Kim Jong Un", recipient="President Xi Jinping", type="message of congratulation",
                 date="October 1, 2021", occasion="national day")
    r3 = _report(d3, XI, KIM, "thanks", PartialDate(2021, 10, 10), Occasion("thanks"), True,
                 sender="Xi Jinping", recipient="Kim Jong Un", type="message of thanks", date="October 10, 2021",
                 reply="thanked Kim Jong Un for his warm congratulations")
    r4 = _report(d4, PUTIN, KIM, "greetings", PartialDate(2022, 1, 1), Occasion("new_year"),
                 sender="Vladimir Putin", recipient="Kim Jong Un", type="New Year greetings", date="January 1, 2022")
    r5 = _report(d5, EVIL, KIM, "condolence", PartialDate(2023, 3, 5), Occasion("condolence"),
                 sender=XSS_ACTOR, recipient="Kim Jong Un", type="condolence message", date="March 5, 2023")
    r6 = _report(d6, MOON, KIM, "letter", PartialDate(2018, 9), Occasion("none"),
                 sender="Moon Jae-in", recipient="Kim Jong Un", type="letter", date="September 2018")
    events = [
        Event("ev-kim-xi-2021", KIM, XI, "congratulatory", PartialDate(2021, 10, 1), national, False, (r1, r2)),
        Event("ev-xi-kim-2021", XI, KIM, "thanks", PartialDate(2021, 10, 10), Occasion("thanks"), True, (r3,),
              reply_to="ev-kim-xi-2021", reply_lag_days=9),
        Event("ev-putin-kim-2022", PUTIN, KIM, "greetings", PartialDate(2022, 1, 1), Occasion("new_year"), False, (r4,)),
        Event("ev-evil-2023", EVIL, KIM, "condolence", PartialDate(2023, 3, 5), Occasion("condolence"), False, (r5,)),
        Event("ev-moon-kim-2018", MOON, KIM, "letter", PartialDate(2018, 9), Occasion("none"), False, (r6,)),
    ]
    pages = [p1, p2, p3, p4, p5, p6]
    docs = [d1, d2, d3, d4, d5, d6]
    reports = [r1, r2, r3, r4, r5, r6]
    with open_store(str(path)) as store:
        store.write_batch(Batch(pages=pages, documents=docs, reports=reports))
        store.replace_events(events)
    return {
        "events": {e.id: e for e in events},
        "reports": {r.id: r for r in reports},
        "pages": {p.source: p.hash for p in pages},
        "evil_page": p5.hash,
        "kim_xi": "ev-kim-xi-2021",
    }
