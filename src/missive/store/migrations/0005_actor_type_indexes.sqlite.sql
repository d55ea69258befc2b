-- missive store, 0005 (keep the .sqlite.sql and .postgres.sql files in step): each actor
-- index of events also holds the type, so "this sender's letters" is one index range per
-- side of the actor match, instead of the actor's rows ANDed with every row of the type
-- (PostgreSQL built a 125,000-row bitmap of the type for it: 100 ms at 1M events). An
-- index on (actor, type) still serves the actor alone, so the old ones go.
CREATE INDEX events_sender_key_type ON events(sender_key, type);
DROP INDEX events_sender_key;
CREATE INDEX events_sender_id_type ON events(sender_id, type);
DROP INDEX events_sender_id;
CREATE INDEX events_recipient_key_type ON events(recipient_key, type);
DROP INDEX events_recipient_key;
CREATE INDEX events_recipient_id_type ON events(recipient_id, type);
DROP INDEX events_recipient_id;
