-- Poison events (issue 17): each change event keeps its failed attempts, when it may be tried again and its
-- last error, so an always-failing event backs off exponentially across restarts and ends dead-lettered
-- (outcome 'dead', kept for an admin to retry or discard) instead of failing every batch behind it.
ALTER TABLE change_events ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE change_events ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE change_events ADD COLUMN last_error text;
ALTER TABLE change_events ADD COLUMN dead_at timestamptz;
ALTER TABLE change_events DROP CONSTRAINT IF EXISTS change_events_outcome_check;
ALTER TABLE change_events ADD CONSTRAINT change_events_outcome_check
  CHECK (outcome IN ('synced', 'failed', 'skipped', 'turbo', 'dead', 'discarded'));
CREATE INDEX change_events_dead ON change_events (dead_at, id) WHERE outcome = 'dead';
