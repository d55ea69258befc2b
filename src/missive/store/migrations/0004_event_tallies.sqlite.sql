-- missive store, 0004 (keep the .sqlite.sql and .postgres.sql files in step): the counts of
-- all events per pair, per type and per year, kept by replace_events in the same
-- transaction as the events. An unfiltered count (the web app's first view) then reads a
-- few rows instead of grouping every event (seconds at a million events); counts with
-- filters still GROUP BY over the matching events.
CREATE TABLE event_tallies (
    grouping TEXT NOT NULL,      -- pair | type | year
    k0 TEXT NOT NULL,
    k1 TEXT NOT NULL,            -- '' where the grouping has one key part
    label TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (grouping, k0, k1)
);
-- A store that already holds events gets its tallies at its next resolve; until then
-- counts group the events themselves.
INSERT INTO store_state (key, value) VALUES ('tallies_stale', '1');
