"""What the Chinese and Korean readers share: cues found in a sentence, candidates, page context."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Span
from ..mentions import Mention
from .lexicon import Kind, Lexicon
from .mentions import BOTH, PRONOUN


@dataclass(frozen=True)
class Cue:
    """A message word found in a sentence."""

    start: int
    end: int
    text: str
    kind: Kind


@dataclass
class Cand:
    """One sender -> recipient act read from one cue of one sentence."""

    sender: Mention
    recipient: Mention
    cue: Cue
    sent: Span
    index: int  # the sentence's index on the page
    rule: str
    reply: bool = False
    recalled: bool = False  # named as earlier than the act the sentence reports
    anaphoric: bool = False  # the message quoted again ("in his message"): merges, never stands alone
    marker: bool = False  # ko 사의를 표: thanks said, a reply only if no message of its own


@dataclass
class Context:
    """The last pair the page named, for sentences that name only one side."""

    pair: tuple[Mention, Mention] | None = None
    addressed: dict[str, Mention] = field(default_factory=dict)  # sender key -> the last one it wrote to

    def other(self, sender: Mention) -> Mention | None:
        """The one the page's last act paired with ``sender``, else the one ``sender`` last wrote to."""
        if self.pair:
            a, b = self.pair
            if a.key == sender.key:
                return b
            if b.key == sender.key:
                return a
        return self.addressed.get(sender.key)

    def note(self, cands: list[Cand]) -> None:
        """Remember who each sender wrote to ("시 주석도 축전에서 ..." later quotes that message)."""
        for c in cands:
            if not c.anaphoric and not c.recalled:
                self.addressed.setdefault(c.sender.key, c.recipient)


def find_cues(norm: str, sent: Span, lex: Lexicon) -> list[Cue]:
    """Message words in the sentence, overlaps resolved longest-then-leftmost."""
    found = [Cue(m.start(), m.end(), m.group(0), k) for k in lex.kinds for m in k.rx.finditer(norm, sent.start, sent.end)]
    found.sort(key=lambda c: (-(c.end - c.start), c.start, c.kind.id))
    kept: list[Cue] = []
    for c in found:
        if all(c.end <= k.start or k.end <= c.start for k in kept):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def is_negative(norm: str, sent: Span, lex: Lexicon) -> bool:
    """The sentence states no act: a plan, a guess, a denial."""
    return any(rx.search(norm, sent.start, sent.end) for _, rx in lex.negative)


def resolve_special(m: Mention, speaker: Mention | None, ctx: Context) -> list[Mention]:
    """A pronoun is the speaker's addressee; "the two leaders" the page's last pair; a name is itself."""
    if m.name == PRONOUN:
        other = ctx.other(speaker) if speaker else None
        return [other] if other else []
    if m.name == BOTH:
        return list(ctx.pair) if ctx.pair else []
    return [m]


def pairs(senders: list[Mention], recipients: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Every distinct sender -> recipient pair of two lists, in order."""
    return [(s, r) for s in senders for r in recipients if s.key != r.key]
