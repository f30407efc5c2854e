-- Drift reports (issue 16): every drift check (manual or scheduled) keeps its report here, so the console can
-- show the latest and past ones and the drift notification rule can compare the drifted accounts with its
-- threshold. `report` is the check's counts per object, drifted accounts (both checksums) and read cost;
-- `changes` the differing records down to the field (missing / extra / different values), each with its
-- billing account, at most 5,000 (the rest is in the session's NDJSON file).
CREATE TABLE drift_reports (
  session_id uuid PRIMARY KEY REFERENCES sync_sessions (id) ON DELETE CASCADE,
  entity_id text NOT NULL DEFAULT '',
  trigger text NOT NULL,
  checked_at timestamptz NOT NULL DEFAULT now(),
  checked_accounts integer NOT NULL,
  drifted_accounts integer NOT NULL,
  drifted_records integer NOT NULL,
  report jsonb NOT NULL,
  changes jsonb NOT NULL DEFAULT '[]'::jsonb,
  more_changes integer NOT NULL DEFAULT 0
);
CREATE INDEX drift_reports_checked ON drift_reports (checked_at DESC);

ALTER TABLE notification_rules DROP CONSTRAINT IF EXISTS notification_rules_kind_check;
ALTER TABLE notification_rules ADD CONSTRAINT notification_rules_kind_check
  CHECK (kind IN ('failures', 'latency', 'silence', 'drift'));
