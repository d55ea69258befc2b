"""A second small record for the desk: years of customary messages, reported by several sides.

Kim Jong Un writes to Xi Jinping on the PRC's founding day in 2019 and (late) in
2021, not in 2020; Xi writes to Kim on the treaty's anniversary. Each report comes
from a real outlet name, so the event page can group them by side. All sentences
are the team's own.
"""

from __future__ import annotations

from pathlib import Path

from missive.model import ActorRef, DatedValue, Document, Event, Evidence, Occasion, Page, PartialDate, Report, Span
from missive.store import Batch, open_store

KIM = ActorRef("Kim Jong Un", actor_id="kim-jong-un")
XI = ActorRef("Xi Jinping", actor_id="xi-jinping")
PRC = Occasion("anniversary", None, "the founding of the People's Republic of China")
TREATY = Occasion("anniversary", None, "the Treaty of Friendship, Cooperation and Mutual Assistance")

# event id -> (sender, recipient, date, occasion, [(outlet, language)])
EVENTS = {
    "cu-kim-xi-2019": (KIM, XI, PartialDate(2019, 10, 1), PRC, [("KCNA", "en"), ("Xinhua", "zh"), ("Yonhap", "ko")]),
    "cu-kim-xi-2021": (KIM, XI, PartialDate(2021, 10, 4), PRC, [("Rodong Sinmun", "en"), ("Example Daily", "en")]),
    "cu-xi-kim-2021": (XI, KIM, PartialDate(2021, 7, 11), TREATY, [("Xinhua", "en")]),
    "cu-kim-xi-treaty-2021": (KIM, XI, PartialDate(2021, 7, 12), TREATY, [("KCNA", "en")]),
}


def _report(eid: str, n: int, sender: ActorRef, recipient: ActorRef, date: PartialDate, occasion: Occasion,
            outlet: str, language: str) -> tuple[Page, Document, Report]:
    text = f"{sender.name} sent a congratulatory message to {recipient.name} on {date.iso()} (story {eid}-{n})."
    page = Page(source=f"{eid}-{n}.txt", raw=text.encode(), text=text, media_type="text", encoding="utf-8", container="txt")
    doc = Document(page.hash, page.source, text, f"Message {eid}", outlet, language, DatedValue(date, None, "test"))
    whole = Span(0, len(text), text)
    evidence = (Evidence("sender", whole, Span(0, len(sender.name), sender.name), "test:sender"),)
    rep = Report(doc=page.source, page_hash=page.hash, sender=sender, recipient=recipient, type="congratulatory",
                 date=date, occasion=occasion, language=language, evidence=evidence, outlet=outlet, published=date)
    return page, doc, rep


def build(path: Path | str) -> dict[str, object]:
    """Fill a fresh store at ``path``; return the event ids and page hashes."""
    pages, docs, reports, events = [], [], [], []
    for eid, (sender, recipient, date, occasion, sources) in EVENTS.items():
        made = [_report(eid, n, sender, recipient, date, occasion, o, lang) for n, (o, lang) in enumerate(sources)]
        pages += [m[0] for m in made]
        docs += [m[1] for m in made]
        reports += [m[2] for m in made]
        events.append(Event(eid, sender, recipient, "congratulatory", date, occasion, False, tuple(m[2] for m in made)))
    with open_store(str(path)) as store:
        store.write_batch(Batch(pages=pages, documents=docs, reports=reports))
        store.replace_events(events)
    return {"events": sorted(EVENTS), "pages": {p.source: p.hash for p in pages}}
