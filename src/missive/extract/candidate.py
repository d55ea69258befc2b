"""What the role readers hand on: one sender-recipient reading of a cue, and what the page said before it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Span
from .mentions import Mention
from .triggers import Trigger


@dataclass
class Candidate:
    """One sender-recipient reading of one cue, before dates and occasions are fixed."""

    sender: Mention
    recipient: Mention
    trigger: Trigger
    sentence: Span
    rule: str
    reply: bool = False
    recalled: bool = False
    type: str = ""
    hint: str = ""  # the type the page's last named cue gave, for a generic "message" read from context
    weak: bool = False  # "the letter ...": may confirm an act named elsewhere, never names a new one
    anaphoric: bool = False  # "the letter", "in his message": the same message as one named before
    until: int | None = None  # where this act's own words end: "..., in reply to his letter of May 2" dates the other


@dataclass
class Context:
    """What earlier sentences of the page said: the last senders and addressees, the speaker."""

    senders: list[Mention] = field(default_factory=list)
    recipients: list[Mention] = field(default_factory=list)
    speaker: Mention | None = None
    last_type: str = ""
    subjects: list[Mention] = field(default_factory=list)  # the first person each sentence names
    # "sent cards to heads of state ..." / "received cards from heads of state ...": who, the cue, and
    # whether the people a later list names are the addressees (True) or the senders (False)
    pending: tuple[list[Mention], Trigger, bool] | None = None
    sentence_of: dict[int, Span] = field(default_factory=dict)
    two: list[Mention] = field(default_factory=list)  # the last sentence naming two people or more: its first two
    prev_two: list[Mention] = field(default_factory=list)  # the same, before this sentence ("the two leaders")
    met: list[set[str]] = field(default_factory=list)  # per sentence, who a meeting, talks or visit brought together
