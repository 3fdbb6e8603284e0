-- The audit trail's first writer (src/app/audit/append-audit-event.ts) needs what 0001 left out:
-- what kind of actor acted, from which address, in which request, and a gapless position in the
-- chain. Nothing wrote audit_event before, so the new columns can be required at once.
--
-- seq is the event's position in the chain, 1 for the first: the appender takes the last seq
-- plus one under its lock, and the hash covers it, so a deleted event leaves a gap the verifier
-- names by number (ids come from a sequence and skip a number whenever a transaction rolls back).
-- prev_hash is unique too: two appenders that both read the same last event (a caller that broke
-- the lock's rule) cannot both commit, so the chain never forks.
ALTER TABLE audit_event
  ADD COLUMN seq bigint NOT NULL CHECK (seq >= 1),
  ADD COLUMN actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'token', 'borrower', 'system')),
  ADD COLUMN source_ip text,
  ADD COLUMN request_id text,
  ADD CONSTRAINT audit_event_seq_unique UNIQUE (seq),
  ADD CONSTRAINT audit_event_prev_hash_unique UNIQUE (prev_hash);

-- TRUNCATE fires no row trigger, so 0001's trigger let the whole trail be emptied in one statement.
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- The compliance page filters by these, newest first (list-audit-events.ts); a time range is read
-- by its own index. The trail is written a few times per request at most, so they cost little.
CREATE INDEX audit_event_borrower ON audit_event (borrower_id, id) WHERE borrower_id IS NOT NULL;
CREATE INDEX audit_event_subject ON audit_event (subject_kind, subject_id, id);
CREATE INDEX audit_event_actor ON audit_event (actor, id);
CREATE INDEX audit_event_action ON audit_event (action, id);
CREATE INDEX audit_event_at ON audit_event (at);
