-- Sync sessions, their per-stream checkpoints, watermarks, failed records and change events.
-- Released migrations are never edited: add a new numbered file instead.

CREATE TABLE sync_sessions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope text NOT NULL CHECK (scope IN ('accounts', 'catalog')),
  trigger text NOT NULL CHECK (trigger IN ('manual', 'scheduled', 'on_demand', 'realtime', 'backfill', 'cleanup')),
  mode text NOT NULL CHECK (mode IN ('full', 'incremental')),
  state text NOT NULL DEFAULT 'queued'
    CHECK (state IN ('queued', 'running', 'finished', 'finished_with_errors', 'failed', 'cancelled')),
  entity_id text NOT NULL DEFAULT '',
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  window_start timestamptz,
  window_end timestamptz,
  counts jsonb NOT NULL DEFAULT '{}'::jsonb,
  error text,
  owner text,
  heartbeat_at timestamptz,
  requested_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  salesforce_history_id text
);
CREATE INDEX sync_sessions_active ON sync_sessions (scope, state) WHERE state IN ('queued', 'running');
CREATE INDEX sync_sessions_requested ON sync_sessions (requested_at DESC);

CREATE TABLE session_checkpoints (
  session_id uuid NOT NULL REFERENCES sync_sessions (id) ON DELETE CASCADE,
  stream text NOT NULL,
  phase text NOT NULL DEFAULT 'pending'
    CHECK (phase IN ('pending', 'extracting', 'loading', 'done', 'failed')),
  cursor jsonb,
  bulk_job_id text,
  records_read bigint NOT NULL DEFAULT 0,
  records_written bigint NOT NULL DEFAULT 0,
  records_failed bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (session_id, stream)
);

CREATE TABLE watermarks (
  scope text NOT NULL,
  entity_id text NOT NULL DEFAULT '',
  stream text NOT NULL,
  value timestamptz NOT NULL,
  session_id uuid REFERENCES sync_sessions (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, entity_id, stream)
);

CREATE TABLE failed_records (
  id bigserial PRIMARY KEY,
  stream text NOT NULL,
  salesforce_object text NOT NULL,
  entity_id text NOT NULL DEFAULT '',
  external_id text NOT NULL,
  zuora_id text,
  session_id uuid REFERENCES sync_sessions (id) ON DELETE SET NULL,
  payload jsonb,
  error_code text NOT NULL,
  error_message text NOT NULL,
  error_fields text[] NOT NULL DEFAULT '{}',
  attempts integer NOT NULL DEFAULT 1,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  last_failed_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_session_id uuid,
  UNIQUE (salesforce_object, entity_id, external_id)
);
CREATE INDEX failed_records_open ON failed_records (stream) WHERE resolved_at IS NULL;

CREATE TABLE change_events (
  id bigserial PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  entity_id text NOT NULL DEFAULT '',
  zuora_object text NOT NULL,
  zuora_id text NOT NULL,
  event_type text NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  claimed_by_session uuid,
  processed_at timestamptz
);
CREATE INDEX change_events_pending ON change_events (received_at) WHERE processed_at IS NULL;
