"""Read-only views over the store, shared by the web app and the CLI.

    count_events(store, by, query)        counts per pair | type | year
    count_page(store, by, query, limit)   the top groups of a count, and how many there are
    timeline(store, query, rows)          the busiest pairs of leaders, per year and type (from counts)
    actor_profile(store, actor_id)        offices (registry), correspondents, yearly counts
    list_actors(store, q)                 registry and stored actors, busiest first
    export_events(store, fmt, out, query) jsonl | csv | parquet
    export_reports(store, fmt, out, query)
    export_records(store, what, fmt, out) events | reports, for the CLI (path or stream)
    readout_differences(event)            what each report states that the others lack
    sides(reports)                        reports by side (outlet country), then outlet
    customary_messages(store, s, r, kind) per year: the recurring message, its lag, who was first
"""

from .customary import RECURRING, YearRow, customary_messages
from .counts import COUNT_BY, CountRow, CountTable, Timeline, TimelineRow, actor_key, count_events, count_page, timeline
from .export import FORMATS, export_events, export_records, export_reports
from .profile import ActorProfile, ActorSummary, Correspondent, actor_profile, list_actors
from .readouts import readout_differences
from .registry import Office, RegistryActor, registry, registry_actor
from .sides import UNKNOWN_SIDE, OutletGroup, Side, outlet_country, sides

__all__ = [
    "COUNT_BY",
    "RECURRING",
    "UNKNOWN_SIDE",
    "FORMATS",
    "ActorProfile",
    "ActorSummary",
    "CountRow",
    "CountTable",
    "Correspondent",
    "Office",
    "OutletGroup",
    "RegistryActor",
    "Side",
    "Timeline",
    "TimelineRow",
    "YearRow",
    "actor_key",
    "actor_profile",
    "count_events",
    "count_page",
    "customary_messages",
    "export_events",
    "export_records",
    "export_reports",
    "list_actors",
    "outlet_country",
    "readout_differences",
    "registry",
    "registry_actor",
    "sides",
    "timeline",
]
