"""The words of a readout: content sentences, their content words, and set-phrase cues.

What two outlets' versions of one message share is in their content words:
lowercased, stopwords and reporting verbs removed, synonyms and spellings
folded, simply stemmed, and the parties' names (whatever the page calls them)
replaced by one token per party. Everything that is page furniture
(headlines, date and source lines, credits) is left out before comparing.
The knowledge (stopwords, patterns, cues) is in data/readouts.yaml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Iterable

from ..errors import DataError
from ..model import ActorRef, Span
from ..resources import load_data, require_keys

_DATA = "readouts.yaml"
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_NUMBER = re.compile(r"^\d+(?:st|nd|rd|th)?$")
_LATIN_END = re.compile(r"[.!?。！？][\"'”’)\]」』）]*$")
_PARTY = "@"  # a party token is "@" + the actor's key


@dataclass(frozen=True)
class Cue:
    """A set phrase analysts watch for, with its forms per language."""

    label: str
    forms: dict[str, tuple[re.Pattern[str], ...]]


@dataclass(frozen=True)
class ReadoutRules:
    """The settings of readouts.yaml, checked and compiled."""

    align_score: float
    full_text_share: float
    max_phrases: int
    phrase_words: tuple[int, int]
    follow_on: int
    furniture: tuple[re.Pattern[str], ...]
    datelines: tuple[re.Pattern[str], ...]
    trailers: tuple[re.Pattern[str], ...]
    stopwords: dict[str, frozenset[str]]
    spelling: tuple[tuple[str, str], ...]
    suffixes: tuple[str, ...]
    synonyms: tuple[tuple[re.Pattern[str], str], ...]  # longest phrase first
    references: dict[str, frozenset[str]]
    cues: tuple[Cue, ...]


def _regexes(raw: Any, what: str) -> tuple[re.Pattern[str], ...]:
    if not isinstance(raw, list):
        raise DataError(f"{_DATA}: {what} must be a list of regular expressions")
    try:
        return tuple(re.compile(p, re.IGNORECASE) for p in raw)
    except (re.error, TypeError) as exc:
        raise DataError(f"{_DATA}: {what} has an invalid pattern: {exc}") from exc


def _word_lists(raw: Any, what: str) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise DataError(f"{_DATA}: {what} must map a language to a list of words")
    for lang, words in raw.items():
        odd = [w for w in words if not isinstance(w, str) or not w]
        if odd:  # an unquoted no/on/off reads as a boolean
            raise DataError(f"{_DATA}: {what}.{lang} has entries that are not words: {odd!r} (quote them)")
    return {str(lang): frozenset(w.lower() for w in words) for lang, words in raw.items()}


def _form(text: str) -> re.Pattern[str]:
    if _CJK.search(text):
        return re.compile(re.escape(text))
    return re.compile(r"\b" + re.escape(text).replace(r"\ ", r"\s+") + r"s?\b", re.IGNORECASE)


def _cues(raw: Any) -> tuple[Cue, ...]:
    if not isinstance(raw, list):
        raise DataError(f"{_DATA}: cues must be a list")
    out = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise DataError(f"{_DATA}: cue {entry!r} is not a mapping")
        require_keys(_DATA, entry, ("label", "en"))
        forms = {}
        for lang, values in entry.items():
            if lang == "label":
                continue
            if not isinstance(values, list) or not values or not all(isinstance(v, str) and v for v in values):
                raise DataError(f"{_DATA}: cue {entry['label']!r} needs a list of {lang} forms")
            forms[str(lang)] = tuple(_form(v) for v in values)
        out.append(Cue(str(entry["label"]), forms))
    return tuple(out)


def _synonyms(raw: Any) -> tuple[tuple[re.Pattern[str], str], ...]:
    if not isinstance(raw, list) or not all(isinstance(g, list) and len(g) >= 2 for g in raw):
        raise DataError(f"{_DATA}: synonyms must be a list of groups of two or more words")
    pairs = [(str(w).lower(), str(group[0]).lower()) for group in raw for w in group[1:]]
    pairs.sort(key=lambda p: (-len(p[0]), p[0]))
    return tuple((re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)"), canon) for w, canon in pairs)


@functools.cache
def rules() -> ReadoutRules:
    """Load and check readouts.yaml (cached); raise DataError when it is malformed."""
    raw = load_data(_DATA)
    if not isinstance(raw, dict):
        raise DataError(f"{_DATA}: expected a mapping at the top")
    require_keys(_DATA, raw, ("thresholds", "furniture", "trailers", "datelines", "stopwords", "spelling", "suffixes",
                              "synonyms", "references", "cues"))
    th = raw["thresholds"]
    require_keys(_DATA, th, ("align_score", "full_text_share", "max_phrases", "phrase_words", "follow_on"))
    if not (0 < th["align_score"] <= 1 and 0 < th["full_text_share"] <= 1):
        raise DataError(f"{_DATA}: align_score and full_text_share must be in (0, 1]")
    low, high = th["phrase_words"]
    if not 1 <= low <= high:
        raise DataError(f"{_DATA}: phrase_words must be [shortest, longest] with 1 <= shortest <= longest")
    if not all(isinstance(p, list) and len(p) == 2 for p in raw["spelling"]):
        raise DataError(f"{_DATA}: spelling must be a list of [ending, replacement] pairs")
    return ReadoutRules(
        align_score=float(th["align_score"]),
        full_text_share=float(th["full_text_share"]),
        max_phrases=int(th["max_phrases"]),
        phrase_words=(int(low), int(high)),
        follow_on=int(th["follow_on"]),
        furniture=_regexes(raw["furniture"], "furniture"),
        datelines=_regexes(raw["datelines"], "datelines"),
        trailers=_regexes(raw["trailers"], "trailers"),
        stopwords=_word_lists(raw["stopwords"], "stopwords"),
        spelling=tuple((str(a), str(b)) for a, b in raw["spelling"]),
        suffixes=tuple(sorted((str(s) for s in raw["suffixes"]), key=lambda s: (-len(s), s))),
        synonyms=_synonyms(raw["synonyms"]),
        references=_word_lists(raw["references"], "references"),
        cues=_cues(raw["cues"]),
    )


# -- content sentences -----------------------------------------------------

def _normal(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def is_furniture(sentence: str, title: str | None = None) -> bool:
    """True for a headline, a date/source/credit line or a bare dateline: not content to compare."""
    text = sentence.strip()
    if not _WORD.search(text):
        return True
    if title and _normal(text) == _normal(title):
        return True
    if any(p.search(text) for p in rules().furniture):
        return True
    if not strip_dateline(text).strip(" -–—:"):
        return True  # a dateline alone on its line
    # A line with no sentence ending is a headline, a label or a menu.
    for p in rules().trailers:
        text = p.sub("", text)
    return not _LATIN_END.search(text)


def strip_dateline(sentence: str) -> str:
    """The sentence without its opening dateline ("BEIJING, Sept. 9 (Xinhua) --")."""
    for p in rules().datelines:
        m = p.match(sentence)
        if m:
            return sentence[m.end():]
    return sentence


# -- content words ---------------------------------------------------------

try:  # the Snowball (Porter 2) English stemmer, where installed
    import snowballstemmer as _snowball
except ImportError:  # pragma: no cover - depends on the environment
    _snowball = None


@functools.cache
def _english_stemmer() -> Any:
    return _snowball.stemmer("english") if _snowball is not None else None


@functools.cache
def stem(word: str) -> str:
    """An English stem: Snowball (else the data file's suffix list), then British spellings folded."""
    r = rules()
    stemmer = _english_stemmer()
    if stemmer is not None:
        word = " ".join(stemmer.stemWord(w) for w in word.split())
    else:  # without snowballstemmer: strip the longest listed suffix, keeping 3 letters
        word = next((word[: -len(x)] for x in r.suffixes if word.endswith(x) and len(word) - len(x) >= 3), word)
    if len(word) > 5:
        for ending, repl in r.spelling:
            if word.endswith(ending):
                return word[: -len(ending)] + repl
    return word


@dataclass(frozen=True)
class Word:
    """A content word of a sentence: its comparable key and where it is in the sentence."""

    key: str
    start: int
    end: int


def party_forms(actors: Iterable[ActorRef]) -> dict[str, tuple[str, ...]]:
    """Party key -> the ways pages write that party (names, mentions, registry aliases), longest first."""
    by_id, by_name = _registry_forms()
    out: dict[str, set[str]] = {}
    for a in actors:
        actor_id = a.actor_id or by_name.get(a.name.lower())
        forms = out.setdefault(actor_id or a.name.lower(), set())
        forms.update(f for f in (a.name, a.mention) if f and f.strip())
        forms.update(by_id.get(actor_id or "", ()))
        tokens = a.name.split()
        if len(tokens) > 1 and not actor_id and len(tokens[-1]) >= 4:
            forms.add(tokens[-1])  # "Putin", "Lukashenko" alone; short family names only through the registry
    return {k: tuple(sorted(v, key=lambda f: (-len(f), f))) for k, v in sorted(out.items())}


@functools.cache
def _registry_forms() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """The actor registry's names: id -> every form, and lowercased full name or alias -> id."""
    index = load_data("actors/index.yaml")
    by_id: dict[str, tuple[str, ...]] = {}
    by_name: dict[str, str] = {}
    for name in index.get("files", []):
        for entry in load_data(name) or []:
            full = [entry.get("name", ""), *entry.get("aliases", [])]
            forms = [*full, *entry.get("short", [])]
            for values in (entry.get("names") or {}).values():
                forms += list(values)
            by_id[entry["id"]] = tuple(f for f in forms if isinstance(f, str) and f)
            for f in full:
                if isinstance(f, str) and f:
                    by_name.setdefault(f.lower(), entry["id"])
    return by_id, by_name


_PARTY_MARK = 0xE000  # private-use characters stand for a party's name ...
_SYNONYM_MARK = 0xE400  # ... or for a word of a synonym group, so offsets stay put


def _mask(text: str, pattern: str, mark: str) -> str:
    return re.sub(pattern, lambda m: mark * len(m.group(0)), text, flags=re.IGNORECASE)


def _mask_parties(text: str, parties: dict[str, tuple[str, ...]]) -> str:
    """Replace each party's names by its placeholder character, repeated to the same length."""
    for n, forms in enumerate(parties.values()):
        for form in forms:
            pattern = re.escape(form) if _CJK.search(form) else r"(?<!\w)" + re.escape(form) + r"(?:['’]s)?(?!\w)"
            text = _mask(text, pattern, chr(_PARTY_MARK + n))
    return text


@functools.cache
def _synonym_canons() -> tuple[str, ...]:
    return tuple(sorted({canon for _, canon in rules().synonyms}))


def _mask_synonyms(text: str) -> str:
    canons = _synonym_canons()
    for pattern, canon in rules().synonyms:
        text = _mask(text, pattern.pattern, chr(_SYNONYM_MARK + canons.index(canon)))
    for n, canon in enumerate(canons):  # the canonical word itself, so that both sides carry one token
        text = _mask(text, r"(?<!\w)" + re.escape(canon) + r"(?!\w)", chr(_SYNONYM_MARK + n))
    return text


def _marked_word(run: str, start: int, keys: list[str]) -> Word:
    code = ord(run[0])
    if code >= _SYNONYM_MARK:
        return Word(stem(_synonym_canons()[code - _SYNONYM_MARK]), start, start + len(run))
    return Word(_PARTY + keys[code - _PARTY_MARK], start, start + len(run))


def content_words(sentence: str, language: str, parties: dict[str, tuple[str, ...]]) -> list[Word]:
    """The comparable words of a sentence, dateline removed, in order, with offsets into it."""
    r = rules()
    body = strip_dateline(sentence)
    offset = len(sentence) - len(body)
    masked = _mask_parties(body.lower().replace("’", "'"), parties)
    keys = list(parties)
    if language in ("zh", "ko", "ja") or (_CJK.search(masked) and language not in r.stopwords):
        return _cjk_words(masked, offset, keys)
    masked = _mask_synonyms(masked)
    stop = r.stopwords.get(language, r.stopwords.get("en", frozenset()))
    out = []
    for m in re.finditer(r"([\ue000-\uf8ff])\1*|[^\W_]+(?:['’-][^\W_]+)*", masked):
        token = m.group(0)
        if "\ue000" <= token[0] <= "\uf8ff":
            out.append(_marked_word(token, offset + m.start(), keys))
            continue
        token = re.sub(r"['’]s$", "", token)
        if token in stop and not _named(body, m.start()):
            continue
        num = re.match(r"^(\d+)(?:st|nd|rd|th)?$", token)
        key = num.group(1) if num else stem(token)
        out.append(Word(key, offset + m.start(), offset + m.end()))
    return out


def _named(body: str, start: int) -> bool:
    """True for a capitalised word inside a sentence: part of a name ("the Great Harvest Campaign")."""
    return body[start:start + 1].isupper() and bool(body[:start].strip(" \"'“‘(")) and body[start + 1:start + 3].islower()


def _cjk_words(masked: str, offset: int, keys: list[str]) -> list[Word]:
    """Chinese or Korean: character bigrams of each run (no segmenter needed to compare like with like)."""
    out = []
    for m in re.finditer(r"([\ue000-\uf8ff])\1*|[^\W_]+", masked):
        run = m.group(0)
        if "\ue000" <= run[0] <= "\uf8ff":
            out.append(_marked_word(run, offset + m.start(), keys))
        elif len(run) == 1 or run.isascii():
            out.append(Word(run, offset + m.start(), offset + m.end()))
        else:
            out += [Word(run[i:i + 2], offset + m.start() + i, offset + m.start() + i + 2) for i in range(len(run) - 1)]
    return out


def is_party(word: Word) -> bool:
    """True for the placeholder of a party's name."""
    return word.key.startswith(_PARTY)


def is_number(word: Word) -> bool:
    """True for a bare number (an anniversary, a count, a date part)."""
    return bool(_NUMBER.match(word.key))


def refers_back(sentence: str, language: str) -> bool:
    """True when a sentence speaks of "the message" or of what "he said" without naming anyone."""
    words = rules().references.get(language, frozenset())
    lowered = sentence.lower()
    if language in ("zh", "ko"):
        return any(w in lowered for w in words)
    return any(w in words for w in _WORD.findall(lowered))


def cues_in(sentences: Iterable[Span], language: str) -> tuple[str, ...]:
    """Labels of the cues whose form in ``language`` occurs in the sentences (data order)."""
    text = "\n".join(s.text for s in sentences)
    return tuple(c.label for c in rules().cues if any(p.search(text) for p in c.forms.get(language, ())))


def cue_surface(sentences: Iterable[str], language: str, label: str) -> str | None:
    """The words by which the sentences state a cue (its first match), or None."""
    cue = next((c for c in rules().cues if c.label == label), None)
    for text in sentences:
        for p in cue.forms.get(language, ()) if cue else ():
            m = p.search(text)
            if m:
                return m.group(0)
    return None


def cue_languages(label: str) -> frozenset[str]:
    """The languages a cue has forms for (only there can its absence be judged)."""
    return frozenset(next((c.forms for c in rules().cues if c.label == label), {}))
