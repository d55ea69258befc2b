-- missive store, 0002 (PostgreSQL dialect; keep in step with 0002_reprocess.sqlite.sql):
-- what `missive reprocess` needs to re-run a newer cleaner/extractor over stored pages.
-- (The tsvector columns are generated, so updated rows need no trigger here.)

-- The pipeline version that last processed the page (document, reports, screen or skip
-- outcome alike); NULL = unknown, so pages stored before this migration count as stale.
-- It sits on pages, not documents, because screened-out and skipped pages have no document.
ALTER TABLE pages ADD COLUMN pipeline_version TEXT;

-- Small facts about the store as a whole; 'events_stale' is present while reports
-- changed after the last replace_events (so an interrupted run knows to re-resolve).
CREATE TABLE store_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
