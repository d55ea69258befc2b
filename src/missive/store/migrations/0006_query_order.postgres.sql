-- missive store, 0006 (keep the .sqlite.sql and .postgres.sql files in step): orders that
-- let the two slowest queries at a million events stop early.
-- The kept counts in the order a count is shown (most events first, ties by label then
-- key): "the top 100 pairs of all events" walks 100 index entries and stops, instead of
-- reading and sorting every pair (89,700 at a million events: almost a second).
-- COLLATE "C": labels and keys compare by code point, as in SQLite and Python, whatever
-- the database's collation; the count query orders with the same collation.
CREATE INDEX event_tallies_top ON event_tallies(grouping, n DESC, label COLLATE "C", k0 COLLATE "C", k1 COLLATE "C");
-- Search lists the most recently stored matches first (and ranks only the most recent
-- ones): documents get the store order SQLite has in doc_id. Existing rows are numbered
-- in their physical order; re-processing updates a document in place and keeps its number.
ALTER TABLE documents ADD COLUMN doc_id BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX documents_doc_id ON documents(doc_id);
-- event_reports named events and reports in the database's collation, while events.id and
-- reports.id are COLLATE "C": "er.event_id = e.id" then matched no index, and an event
-- list filtered by text planned a nested loop over every link (minutes at a million
-- events). The ids compare alike in both collations; only the indexes' collation changes.
ALTER TABLE event_reports ALTER COLUMN event_id TYPE TEXT COLLATE "C", ALTER COLUMN report_id TYPE TEXT COLLATE "C";
