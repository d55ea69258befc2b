"""The resolve stage: [Report] -> [Event].

Merging reports of one act into events (``resolve_events``, ``merge_into``),
near-duplicate pages (``find_near_duplicates``), linking replies, explaining
an event (``explain_event``), comparing its readouts (``compare_readouts``)
and the evaluation's output contract (``events_contract``). Pure functions
over model types: the ``jobs`` layer reads the store and writes events back.
"""

from .cluster import build_event, event_id_of, independent_pages, merge_into, report_id_in, resolve_events
from .compare import Addition, Alignment, Comparison, Version, compare_readouts, split_sentences
from .contract import event_contract, events_contract
from .explain import Explanation, PairMatch, ReportLine, explain_event
from .neardup import find_near_duplicates
from .overrides import MergeOverride, SplitOverride
from .replies import link_replies

__all__ = [
    "Addition",
    "Alignment",
    "Comparison",
    "Explanation",
    "MergeOverride",
    "PairMatch",
    "ReportLine",
    "SplitOverride",
    "Version",
    "build_event",
    "compare_readouts",
    "event_contract",
    "event_id_of",
    "events_contract",
    "explain_event",
    "find_near_duplicates",
    "independent_pages",
    "link_replies",
    "merge_into",
    "report_id_in",
    "resolve_events",
    "split_sentences",
]
