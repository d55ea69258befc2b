-- missive store, 0002 (SQLite dialect; keep in step with 0002_reprocess.postgres.sql):
-- what `missive reprocess` needs to re-run a newer cleaner/extractor over stored pages.

-- The pipeline version that last processed the page (document, reports, screen or skip
-- outcome alike); NULL = unknown, so pages stored before this migration count as stale.
-- It sits on pages, not documents, because screened-out and skipped pages have no document.
ALTER TABLE pages ADD COLUMN pipeline_version TEXT;

-- Re-processing rewrites documents and reports in place (their ids and event links
-- stay), so the FTS indexes follow updates as well as inserts and deletes.
CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
    VALUES ('delete', old.doc_id, coalesce(old.title, ''), old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc_id, coalesce(new.title, ''), new.text);
END;
CREATE TRIGGER reports_fts_au AFTER UPDATE ON reports BEGIN
    INSERT INTO reports_fts(reports_fts, rowid, evidence_text) VALUES ('delete', old.rid, old.evidence_text);
    INSERT INTO reports_fts(rowid, evidence_text) VALUES (new.rid, new.evidence_text);
END;

-- Small facts about the store as a whole; 'events_stale' is present while reports
-- changed after the last replace_events (so an interrupted run knows to re-resolve).
CREATE TABLE store_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
