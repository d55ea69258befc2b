-- missive store, 0003 (keep the .sqlite.sql and .postgres.sql files in step): indexes that
-- let a listing filtered by type or occasion walk rows already in listing order
-- (undated, sort_date, id) and stop after one page, instead of sorting every row of that
-- type (an eighth of the table) for each page. They also serve plain equality lookups,
-- so the single-column indexes they replace go.
CREATE INDEX events_type_order ON events(type, undated, sort_date, id);
DROP INDEX events_type;
CREATE INDEX events_occasion_order ON events(occasion_kind, undated, sort_date, id);
DROP INDEX events_occasion;
CREATE INDEX reports_type_order ON reports(type, undated, sort_date, id);
DROP INDEX reports_type;
