"""Compare the readouts of one event: what each outlet's version says that the others do not.

Versions in one language are aligned sentence by sentence (rapidfuzz ratio);
a sentence with no counterpart in any other version of its language, and a
salient phrase (a quotation, a number, a capitalised name) found in no other
version, is what that version adds. Versions in different languages cannot be
aligned by string similarity, so they are compared on the report's fields.

Which sentences are "about the event": the evidence sentences, the sentences
naming the sender or the recipient, and any short run (up to two sentences)
between two such sentences. Their share of the article tells a full report
(share >= ``full_text_share``) from a mention in a round-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from rapidfuzz import fuzz, process

from ..model import ActorRef, Document, Event, Report
from .rules import config

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])|\n+")
_QUOTED = re.compile(r"[\"“«「『]([^\"”»」』]{3,200})[\"”»」』]")
_NUMBER = re.compile(r"\b\d+(?:st|nd|rd|th)?\b|\d+(?:周年|주년)")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:of\s+the\s+|of\s+|the\s+)?[A-Z][\w'-]+)+")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document with its place in the text."""

    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split on . ! ? (before a space), 。！？ and line breaks; keep offsets."""
    out, pos = [], 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Sentence(pos + lead, pos + len(chunk.rstrip()), chunk.strip()))
        if m:
            pos = m.end()
    return out


@dataclass(frozen=True)
class Version:
    """One report's readout: the outlet, how much of its page is about the event, its fields."""

    report_id: str
    doc: str
    outlet: str
    language: str
    published: str | None
    evidence: tuple[str, ...]
    sentences: tuple[str, ...]  # the sentences about the event, in page order
    share: float  # their share of the page's sentences
    coverage: str  # full | mention | no text (document not given)
    fields: dict[str, str]


@dataclass(frozen=True)
class Alignment:
    """Two sentences, in two versions of one language, judged to say the same thing."""

    a: str  # report id
    a_sentence: str
    b: str
    b_sentence: str
    score: float


@dataclass(frozen=True)
class Addition:
    """What one version carries that no other version of its language does."""

    report_id: str
    outlet: str
    sentences: tuple[str, ...]
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    """The readouts of one event side by side."""

    event_id: str
    versions: tuple[Version, ...]
    alignments: tuple[Alignment, ...]
    additions: tuple[Addition, ...]
    # field -> value -> docs giving it; only fields where the versions disagree (any language).
    field_differences: dict[str, dict[str, tuple[str, ...]]]
    first_reports: dict[str, tuple[str, str]]  # outlet -> (earliest published date, report id)
    missing_documents: tuple[str, ...]  # page hashes of reports whose document was not given


def _party_patterns(actors: list[ActorRef]) -> list[re.Pattern[str]]:
    words: set[str] = set()
    for a in actors:
        for w in (a.name, a.mention):
            if w.strip():
                words.add(w.strip())
        tokens = a.name.split()
        if len(tokens) > 1:
            # "Putin", "Lukashenko" alone; a family name first ("Xi", "Kim") only where it is short.
            words.add(tokens[0])
            if len(tokens[-1]) >= 4:
                words.add(tokens[-1])
    out = []
    for w in sorted(words):
        if re.search(r"[A-Za-z]", w):
            out.append(re.compile(r"\b" + re.escape(w) + r"\b", re.IGNORECASE))
        else:
            out.append(re.compile(re.escape(w)))
    return out


def _about(sentences: list[Sentence], report: Report) -> list[int]:
    """Indices of the sentences about the report's event (see the module docstring)."""
    spans = [(e.sentence.start, e.sentence.end) for e in report.evidence]
    patterns = _party_patterns([report.sender, report.recipient])
    hits = [
        n for n, s in enumerate(sentences)
        if any(s.start < end and start < s.end for start, end in spans) or any(p.search(s.text) for p in patterns)
    ]
    about = set(hits)
    for x, y in zip(hits, hits[1:]):
        if y - x <= 3:
            about.update(range(x, y))
    return sorted(about)


def _fields(r: Report) -> dict[str, str]:
    return {
        "sender": r.sender.name,
        "recipient": r.recipient.name,
        "date": r.date.iso() if r.date else "unknown",
        "type": r.type,
        "occasion": r.occasion.kind if r.occasion.anniversary is None else f"{r.occasion.kind} {r.occasion.anniversary}",
    }


def _version(report: Report, doc: Document | None) -> Version:
    outlet = report.outlet or (doc.outlet if doc else None) or "unknown outlet"
    published = report.published or (doc.published.date if doc and doc.published else None)
    evidence = tuple(dict.fromkeys(e.sentence.text for e in report.evidence))
    if doc is None:
        return Version(report.id, report.doc, outlet, report.language, published.iso() if published else None,
                       evidence, evidence, 0.0, "no text", _fields(report))
    sentences = split_sentences(doc.text)
    about = _about(sentences, report)
    share = len(about) / len(sentences) if sentences else 0.0
    coverage = "full" if share >= config().compare["full_text_share"] else "mention"
    language = doc.language if doc.language != "und" else report.language
    return Version(report.id, report.doc, outlet, language, published.iso() if published else None,
                   evidence, tuple(sentences[n].text for n in about), round(share, 3), coverage, _fields(report))


def salient_phrases(sentence: str) -> list[str]:
    """Quotations, numbers and capitalised names in a sentence: what a reader would quote."""
    found = [m.group(1) for m in _QUOTED.finditer(sentence)]
    found += [m.group(0) for m in _CAPITALISED.finditer(sentence)]
    found += [m.group(0) for m in _NUMBER.finditer(sentence)]
    return list(dict.fromkeys(p.strip() for p in found if p.strip()))


def _present(phrase: str, text: str, cutoff: float) -> bool:
    if phrase.lower() in text.lower():
        return True
    return len(phrase) >= 8 and fuzz.partial_ratio(phrase.lower(), text.lower()) >= cutoff


def compare_readouts(event: Event, documents: Mapping[str, Document]) -> Comparison:
    """Lay an event's readouts side by side; ``documents`` maps page_hash -> Document."""
    cfg = config().compare
    reports = sorted(event.reports, key=lambda r: r.id)
    versions = [_version(r, documents.get(r.page_hash)) for r in reports]
    alignments: list[Alignment] = []
    additions: list[Addition] = []
    for v in versions:
        peers = [w for w in versions if w.report_id != v.report_id and w.language == v.language and w.sentences]
        if not peers or not v.sentences:
            continue  # nothing of its language to compare with: see field_differences
        lonely = []
        for s in v.sentences:
            matched = False
            for w in peers:
                best = process.extractOne(s, w.sentences, scorer=fuzz.ratio, processor=str.lower,
                                          score_cutoff=cfg["align_score"])
                if best:
                    matched = True
                    if v.report_id < w.report_id:
                        alignments.append(Alignment(v.report_id, s, w.report_id, best[0], round(best[1], 1)))
            if not matched:
                lonely.append(s)
        others = " ".join(" ".join(w.sentences) for w in peers)
        phrases = [p for s in v.sentences for p in salient_phrases(s) if not _present(p, others, cfg["phrase_score"])]
        if lonely or phrases:
            additions.append(Addition(v.report_id, v.outlet, tuple(lonely), tuple(dict.fromkeys(phrases))))
    differences: dict[str, dict[str, tuple[str, ...]]] = {}
    for name in ("sender", "recipient", "date", "type", "occasion"):
        values: dict[str, list[str]] = {}
        for v in versions:
            values.setdefault(v.fields[name], []).append(f"{v.doc} ({v.language})")
        if len(values) > 1:
            differences[name] = {k: tuple(sorted(d)) for k, d in sorted(values.items())}
    first: dict[str, tuple[str, str]] = {}
    for v in sorted(versions, key=lambda v: (v.published or "9999", v.report_id)):
        if v.published:
            first.setdefault(v.outlet, (v.published, v.report_id))
    return Comparison(
        event_id=event.id,
        versions=tuple(versions),
        alignments=tuple(alignments),
        additions=tuple(additions),
        field_differences=differences,
        first_reports=dict(sorted(first.items())),
        missing_documents=tuple(sorted({r.page_hash for r in reports if r.page_hash not in documents})),
    )
