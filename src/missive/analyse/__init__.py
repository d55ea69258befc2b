"""Read-only views over the store, shared by the web app and the CLI.

    count_events(store, by, query)        counts per pair | type | year
    timeline(store, query)                rows per pair of leaders, per year and type
    actor_profile(store, actor_id)        offices (registry), correspondents, yearly counts
    export_events(store, fmt, out, query) jsonl | csv | parquet
    export_reports(store, fmt, out, query)
    readout_differences(event)            what each report states that the others lack
"""

from .counts import COUNT_BY, CountRow, Timeline, TimelineRow, actor_key, count_events, timeline
from .export import FORMATS, export_events, export_reports
from .profile import ActorProfile, Correspondent, actor_profile
from .readouts import readout_differences
from .registry import Office, RegistryActor, registry, registry_actor

__all__ = [
    "COUNT_BY",
    "FORMATS",
    "ActorProfile",
    "CountRow",
    "Correspondent",
    "Office",
    "RegistryActor",
    "Timeline",
    "TimelineRow",
    "actor_key",
    "actor_profile",
    "count_events",
    "export_events",
    "export_reports",
    "readout_differences",
    "registry",
    "registry_actor",
    "timeline",
]
