"""The extract stage: Document -> [Report], one per act of correspondence a page states.

Components (each small, each tested alone): sentences, mentions (the actor
registry), triggers (message cues from data), roles, dates, occasions, and
the pipeline that chains them, dedupes within a page and attaches evidence.
"""

from .pipeline import extract_reports
from .registry import Actor, Office, Registry, load_registry

__all__ = ["Actor", "Office", "Registry", "extract_reports", "load_registry"]
