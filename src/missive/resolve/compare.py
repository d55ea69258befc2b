"""Compare the readouts of one event: what each outlet's version says that the others do not.

Only content sentences count: headlines, date/source lines, credits and bare
datelines are page furniture (``readout_text.is_furniture``). Of the content,
the sentences about the event are the evidence sentences, those naming the
sender or the recipient, a short run between two such sentences, and the one
or two after them that refer back to the message ("The message noted...").
Their share of the page's content tells a full report from a mention.

Versions in one language are aligned sentence by sentence on their content
words (``align``), so that a paraphrase still pairs up; what is left over, and
the phrases no other version of the language has (``phrases``), is what a
version adds. Versions in different languages are never compared by string:
they are compared on the report's fields and on the set-phrase cues that the
data file gives in each language (readouts.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping, Sequence

from ..model import Document, Event, Report, Span
from ..sentences import split_sentences
from .align import assign, idf_weights
from .phrases import SentenceWords, missing_phrases
from .readout_text import (
    content_words,
    cue_languages,
    cue_surface,
    cues_in,
    is_furniture,
    is_party,
    party_forms,
    refers_back,
    rules,
)

_TIME = re.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")
_FIELDS = ("sender", "recipient", "date", "type", "occasion", "anniversary", "reply")


@dataclass(frozen=True)
class Version:
    """One report's readout: the outlet, how much of its page is about the event, its fields."""

    report_id: str
    doc: str
    outlet: str
    language: str
    published: str | None
    evidence: tuple[str, ...]
    sentences: tuple[str, ...]  # the content sentences about the event, in page order
    share: float  # their share of the page's content sentences
    coverage: str  # full | mention | no text (document not given)
    fields: dict[str, str]
    published_time: str | None = None  # HH:MM on the page's date line, when it shows one
    cues: tuple[str, ...] = ()  # set phrases (readouts.yaml) this version uses


@dataclass(frozen=True)
class Alignment:
    """Two sentences, in two versions of one language, judged to say the same thing."""

    a: str  # report id
    a_sentence: str
    b: str
    b_sentence: str
    score: float  # weighted word overlap, 0-100


@dataclass(frozen=True)
class Addition:
    """What one version carries that no other version of its language does."""

    report_id: str
    outlet: str
    sentences: tuple[str, ...]
    phrases: tuple[str, ...]
    cues: tuple[str, ...] = ()  # set phrases here that another version (any language) lacks


@dataclass(frozen=True)
class CueFinding:
    """A set phrase that some versions use and others, able to say it in their language, do not."""

    cue: str
    present: tuple[str, ...]  # report ids
    absent: tuple[str, ...]


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
    cue_differences: tuple[CueFinding, ...] = ()


@dataclass(frozen=True)
class _Text:
    """A version's sentences about the event, with their words: the working copy for alignment."""

    version: Version
    about: tuple[SentenceWords, ...]


def _fields(r: Report) -> dict[str, str]:
    return {
        "sender": r.sender.name,
        "recipient": r.recipient.name,
        "date": r.date.iso() if r.date else "unknown",
        "type": r.type,
        "occasion": r.occasion.kind,
        "anniversary": str(r.occasion.anniversary) if r.occasion.anniversary is not None else "none",
        "reply": "yes" if r.reply else "no",
    }


def _about(content: Sequence[Span], words: Sequence[SentenceWords], report: Report, language: str) -> list[int]:
    """Indices of the content sentences about the report's event (see the module docstring)."""
    spans = [(e.sentence.start, e.sentence.end) for e in report.evidence]
    hits = [
        n for n, (s, w) in enumerate(zip(content, words))
        if any(s.start < end and start < s.end for start, end in spans) or any(is_party(x) for x in w.words)
    ]
    about = set(hits)
    for x, y in zip(hits, hits[1:]):
        if y - x <= 3:
            about.update(range(x, y))
    for x in hits:  # "The message noted ...", "He said ..." right after
        for n in range(x + 1, min(x + 1 + rules().follow_on, len(content))):
            if n in about or not refers_back(content[n].text, language):
                break
            about.add(n)
    return sorted(about)


def _published_time(doc: Document) -> str | None:
    """HH:MM on the line that gave the page's date (the wire's time stamp), if there is one."""
    if not doc.published or not doc.published.span:
        return None
    start = doc.text.rfind("\n", 0, doc.published.span.start) + 1
    end = doc.text.find("\n", doc.published.span.end)
    m = _TIME.search(doc.text[start : end if end >= 0 else len(doc.text)])
    return f"{int(m.group(1)):02d}:{m.group(2)}" if m else None


def _version(report: Report, doc: Document | None, event: Event) -> _Text:
    outlet = report.outlet or (doc.outlet if doc else None) or "unknown outlet"
    published = report.published or (doc.published.date if doc and doc.published else None)
    evidence = tuple(dict.fromkeys(e.sentence.text for e in report.evidence))
    if doc is None:
        version = Version(report.id, report.doc, outlet, report.language, published.iso() if published else None,
                          evidence, evidence, 0.0, "no text", _fields(report))
        return _Text(version, ())
    language = doc.language if doc.language != "und" else report.language
    parties = party_forms([event.sender, event.recipient, report.sender, report.recipient])
    content = [s for s in split_sentences(doc.text, language) if not is_furniture(s.text, doc.title)]
    words = [SentenceWords(s.text, tuple(content_words(s.text, language, parties))) for s in content]
    about = _about(content, words, report, language)
    share = len(about) / len(content) if content else 0.0
    coverage = "full" if share >= rules().full_text_share else "mention"
    chosen = [content[n] for n in about]
    version = Version(
        report.id, report.doc, outlet, language, published.iso() if published else None, evidence,
        tuple(s.text for s in chosen), round(share, 3), coverage, _fields(report),
        published_time=_published_time(doc), cues=cues_in(chosen, language),
    )
    return _Text(version, tuple(words[n] for n in about))


def _align_language(texts: Sequence[_Text]) -> tuple[list[Alignment], list[Addition]]:
    """Align every pair of same-language versions; what stays unaligned, and new phrases, are additions."""
    r = rules()
    bags = {t.version.report_id: [frozenset(w.key for w in s.words) for s in t.about] for t in texts}
    weights = idf_weights([b for t in texts for b in bags[t.version.report_id]])
    alignments: list[Alignment] = []
    matched: dict[str, set[int]] = {t.version.report_id: set() for t in texts}
    for n, a in enumerate(texts):
        for b in texts[n + 1 :]:
            ida, idb = a.version.report_id, b.version.report_id
            for i, j, score in assign(bags[ida], bags[idb], weights, r.align_score):
                matched[ida].add(i)
                matched[idb].add(j)
                alignments.append(Alignment(ida, a.about[i].text, idb, b.about[j].text, round(100 * score, 1)))
    additions = []
    for t in texts:
        rid = t.version.report_id
        others = [o.about for o in texts if o.version.report_id != rid]
        lonely = tuple(s.text for k, s in enumerate(t.about) if k not in matched[rid])
        # The set phrases no peer has come first, then the n-grams no peer has.
        peer_cues = {c for o in texts if o.version.report_id != rid for c in o.version.cues}
        mine = [s.text for s in t.about]
        phrases = [cue_surface(mine, t.version.language, c) or c for c in t.version.cues if c not in peer_cues]
        if t.version.language not in ("zh", "ko", "ja"):  # no segmenter: Chinese/Korean rely on the cues
            known = [p.lower() for p in phrases]
            phrases += [p for p in missing_phrases(t.about, others, weights, r.phrase_words, r.max_phrases)
                        if not any(p.lower() in k for k in known)]
        phrases = phrases[: r.max_phrases]
        if lonely or phrases:
            additions.append(Addition(rid, t.version.outlet, lonely, tuple(phrases)))
    return alignments, additions


def _cue_findings(versions: Sequence[Version]) -> tuple[CueFinding, ...]:
    """Cues some versions have and others lack, among versions whose language has a form for the cue."""
    texts = [v for v in versions if v.coverage != "no text"]
    out = []
    for label in dict.fromkeys(c for v in texts for c in v.cues):
        able = [v for v in texts if v.language in cue_languages(label)]
        present = tuple(v.report_id for v in able if label in v.cues)
        absent = tuple(v.report_id for v in able if label not in v.cues)
        if present and absent:
            out.append(CueFinding(label, present, absent))
    return tuple(sorted(out, key=lambda c: c.cue))


def _differences(versions: Sequence[Version]) -> dict[str, dict[str, tuple[str, ...]]]:
    out: dict[str, dict[str, tuple[str, ...]]] = {}
    for name in _FIELDS:
        values: dict[str, list[str]] = {}
        for v in versions:
            values.setdefault(v.fields[name], []).append(f"{v.doc} ({v.language})")
        if len(values) > 1:
            out[name] = {k: tuple(sorted(d)) for k, d in sorted(values.items())}
    return out


def compare_readouts(event: Event, documents: Mapping[str, Document]) -> Comparison:
    """Lay an event's readouts side by side; ``documents`` maps page_hash -> Document."""
    reports = sorted(event.reports, key=lambda r: r.id)
    texts = [_version(r, documents.get(r.page_hash), event) for r in reports]
    versions = [t.version for t in texts]
    alignments: list[Alignment] = []
    additions: dict[str, Addition] = {}
    for language in sorted({v.language for v in versions}):
        group = [t for t in texts if t.version.language == language and t.about]
        if len(group) > 1:
            found, added = _align_language(group)
            alignments += found
            additions.update((a.report_id, a) for a in added)
    cue_differences = _cue_findings(versions)
    for finding in cue_differences:
        for rid in finding.present:
            v = next(v for v in versions if v.report_id == rid)
            old = additions.get(rid, Addition(rid, v.outlet, (), ()))
            additions[rid] = Addition(rid, old.outlet, old.sentences, old.phrases, (*old.cues, finding.cue))
    first: dict[str, tuple[str, str]] = {}
    for v in sorted(versions, key=lambda v: (v.published or "9999", v.published_time or "99:99", v.report_id)):
        if v.published:
            first.setdefault(v.outlet, (v.published, v.report_id))
    return Comparison(
        event_id=event.id,
        versions=tuple(versions),
        alignments=tuple(alignments),
        additions=tuple(additions[rid] for rid in sorted(additions)),
        field_differences=_differences(versions),
        first_reports=dict(sorted(first.items())),
        missing_documents=tuple(sorted({r.page_hash for r in reports if r.page_hash not in documents})),
        cue_differences=cue_differences,
    )


def salient_phrases(sentence: str) -> list[str]:
    """Quotations in a sentence: what a reader would quote (kept for callers of the old API)."""
    return [m.group(1).strip() for m in re.finditer(r"[\"“«「『]([^\"”»」』]{3,200})[\"”»」』]", sentence)]
