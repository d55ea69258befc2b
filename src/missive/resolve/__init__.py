"""The resolve stage: [Report] -> [Event], near-duplicate pages, replies, readout comparison."""

from .cluster import build_event, independent_pages, merge_into, resolve_events
from .contract import event_contract, events_contract
from .neardup import find_near_duplicates
from .overrides import MergeOverride, SplitOverride

__all__ = [
    "MergeOverride",
    "SplitOverride",
    "build_event",
    "event_contract",
    "events_contract",
    "find_near_duplicates",
    "independent_pages",
    "merge_into",
    "resolve_events",
]
