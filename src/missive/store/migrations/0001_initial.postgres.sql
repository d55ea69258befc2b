-- missive store, first schema (PostgreSQL dialect; keep in step with 0001_initial.sqlite.sql).
-- Dates: `date` is the ISO partial date as written (YYYY, YYYY-MM, YYYY-MM-DD);
-- date_start/date_end are the first/last day it can stand for, so filters compare at
-- its precision; (undated, sort_date, id) is the stable listing order and cursor.
-- Text columns use COLLATE "C" where they order listings, so both backends sort alike.

CREATE TABLE pages (
    hash TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    url TEXT,
    container TEXT NOT NULL,
    media_type TEXT NOT NULL,
    encoding TEXT NOT NULL,
    title_hint TEXT,
    published_hint TEXT,
    fetched_at TEXT,
    raw BYTEA NOT NULL,         -- zlib-compressed
    raw_size BIGINT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE documents (
    page_hash TEXT PRIMARY KEY REFERENCES pages(hash),
    source TEXT NOT NULL,
    url TEXT,
    text TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    language TEXT NOT NULL,
    published TEXT,
    published_json TEXT,
    -- left(): a tsvector is capped at 1 MB, and one huge page must not fail its batch.
    tsv tsvector GENERATED ALWAYS AS (
        to_tsvector('simple', left(coalesce(title, '') || ' ' || text, 200000))
    ) STORED
);
CREATE INDEX documents_tsv ON documents USING GIN (tsv);

CREATE TABLE reports (
    id TEXT COLLATE "C" PRIMARY KEY,
    page_hash TEXT NOT NULL REFERENCES pages(hash),
    doc TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    sender_key TEXT NOT NULL,
    sender_id TEXT,
    sender_kind TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_key TEXT NOT NULL,
    recipient_id TEXT,
    recipient_kind TEXT NOT NULL,
    type TEXT NOT NULL,
    date TEXT,
    date_precision TEXT,
    date_start TEXT,
    date_end TEXT,
    undated INTEGER NOT NULL,
    sort_date TEXT COLLATE "C" NOT NULL,
    occasion_kind TEXT NOT NULL,
    anniversary INTEGER,
    reply INTEGER NOT NULL,
    outlet TEXT,
    language TEXT NOT NULL,
    evidence_text TEXT NOT NULL,
    json TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', left(evidence_text, 200000))) STORED
);
CREATE INDEX reports_page ON reports(page_hash);
CREATE INDEX reports_sender_key ON reports(sender_key);
CREATE INDEX reports_sender_id ON reports(sender_id);
CREATE INDEX reports_recipient_key ON reports(recipient_key);
CREATE INDEX reports_recipient_id ON reports(recipient_id);
CREATE INDEX reports_type ON reports(type);
CREATE INDEX reports_occasion ON reports(occasion_kind);
CREATE INDEX reports_order ON reports(undated, sort_date, id);
CREATE INDEX reports_dates ON reports(date_start, date_end);
CREATE INDEX reports_outlet ON reports(lower(outlet));
CREATE INDEX reports_language ON reports(language);
CREATE INDEX reports_tsv ON reports USING GIN (tsv);

CREATE TABLE events (
    id TEXT COLLATE "C" PRIMARY KEY,
    sender_name TEXT NOT NULL,
    sender_key TEXT NOT NULL,
    sender_id TEXT,
    sender_kind TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_key TEXT NOT NULL,
    recipient_id TEXT,
    recipient_kind TEXT NOT NULL,
    type TEXT NOT NULL,
    date TEXT,
    date_precision TEXT,
    date_start TEXT,
    date_end TEXT,
    undated INTEGER NOT NULL,
    sort_date TEXT COLLATE "C" NOT NULL,
    occasion_kind TEXT NOT NULL,
    anniversary INTEGER,
    reply INTEGER NOT NULL,
    reply_to TEXT,
    reply_lag_days INTEGER,
    json TEXT NOT NULL
);
CREATE INDEX events_sender_key ON events(sender_key);
CREATE INDEX events_sender_id ON events(sender_id);
CREATE INDEX events_recipient_key ON events(recipient_key);
CREATE INDEX events_recipient_id ON events(recipient_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_occasion ON events(occasion_kind);
CREATE INDEX events_order ON events(undated, sort_date, id);
CREATE INDEX events_dates ON events(date_start, date_end);

CREATE TABLE event_reports (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    report_id TEXT NOT NULL REFERENCES reports(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (event_id, report_id)
);
CREATE INDEX event_reports_report ON event_reports(report_id);

CREATE TABLE overrides (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
    report_ids TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE skips (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source TEXT NOT NULL,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE     -- sha1 of source, stage and reason: one row per distinct skip
);

CREATE TABLE actors (
    id TEXT PRIMARY KEY,         -- the registry actor_id, else "name:" + the casefolded name
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_id TEXT
);
