-- Near-real-time sync: claims that survive restarts, the outcome of each change event, per-record latency,
-- and per-entity real-time state (mode, reconciliation watermark).
ALTER TABLE change_events ADD COLUMN claimed_at timestamptz;
ALTER TABLE change_events ADD COLUMN source text NOT NULL DEFAULT 'callout'
  CHECK (source IN ('callout', 'reconcile'));
ALTER TABLE change_events ADD COLUMN outcome text
  CHECK (outcome IN ('synced', 'failed', 'skipped', 'turbo'));
ALTER TABLE change_events ADD COLUMN error text;
ALTER TABLE change_events ADD COLUMN processed_by_session uuid;
CREATE INDEX change_events_record ON change_events (entity_id, zuora_object, zuora_id, occurred_at);
CREATE INDEX change_events_claimed ON change_events (claimed_by_session) WHERE processed_at IS NULL;

CREATE TABLE realtime_latencies (
  id bigserial PRIMARY KEY,
  entity_id text NOT NULL DEFAULT '',
  zuora_object text NOT NULL,
  zuora_id text NOT NULL,
  session_id uuid,
  changed_at timestamptz NOT NULL,
  committed_at timestamptz NOT NULL,
  latency_ms bigint NOT NULL
);
CREATE INDEX realtime_latencies_committed ON realtime_latencies (committed_at);

CREATE TABLE realtime_state (
  entity_id text PRIMARY KEY,
  mode text NOT NULL DEFAULT 'realtime' CHECK (mode IN ('realtime', 'turbo')),
  mode_reason text,
  mode_changed_at timestamptz,
  turbo_session_id uuid,
  reconciled_to timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
