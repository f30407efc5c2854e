-- The operations console: per-session totals kept in columns (so tiles and lists never unpack counts JSON),
-- cancellation requests, the stages of real-time latency, console sign-ins, notification rules and their
-- deliveries, and the indexes the console's pages need with 100,000 failures and 10,000 sessions.

ALTER TABLE sync_sessions ADD COLUMN records_read bigint NOT NULL DEFAULT 0;
ALTER TABLE sync_sessions ADD COLUMN records_written bigint NOT NULL DEFAULT 0;
ALTER TABLE sync_sessions ADD COLUMN records_failed bigint NOT NULL DEFAULT 0;
ALTER TABLE sync_sessions ADD COLUMN records_deleted bigint NOT NULL DEFAULT 0;
ALTER TABLE sync_sessions ADD COLUMN salesforce_calls integer;
ALTER TABLE sync_sessions ADD COLUMN zuora_calls integer;
ALTER TABLE sync_sessions ADD COLUMN cancel_requested_at timestamptz;
-- Sforce-Limit-Info api-usage when a session started and ended (org-wide daily usage).
ALTER TABLE sync_sessions ADD COLUMN sf_api_used_start integer;
ALTER TABLE sync_sessions ADD COLUMN sf_api_used_end integer;

-- Counts come in two shapes: {objects: {Obj: {read, written, ...}}, ...} (Turbo, on-demand) and
-- {Obj: {read, written, ...}, realtime: {...}} (real-time batches). Whoever writes counts, the totals follow.
CREATE FUNCTION sync_session_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  objs jsonb := COALESCE(NEW.counts -> 'objects', NEW.counts);
BEGIN
  SELECT COALESCE(sum((v ->> 'read')::bigint), 0), COALESCE(sum((v ->> 'written')::bigint), 0),
         COALESCE(sum((v ->> 'failed')::bigint), 0), COALESCE(sum((v ->> 'deleted')::bigint), 0)
    INTO NEW.records_read, NEW.records_written, NEW.records_failed, NEW.records_deleted
    FROM jsonb_each(CASE WHEN jsonb_typeof(objs) = 'object' THEN objs ELSE '{}'::jsonb END) AS e(k, v)
   WHERE jsonb_typeof(v) = 'object' AND v ? 'written';
  NEW.salesforce_calls := COALESCE((NEW.counts ->> 'salesforceCalls')::integer,
                                   (NEW.counts -> 'realtime' ->> 'salesforceCalls')::integer);
  NEW.zuora_calls := COALESCE((NEW.counts ->> 'zuoraCalls')::integer,
                              (NEW.counts -> 'realtime' ->> 'zuoraCalls')::integer);
  RETURN NEW;
END
$$;
CREATE TRIGGER sync_session_totals BEFORE INSERT OR UPDATE OF counts ON sync_sessions
  FOR EACH ROW EXECUTE FUNCTION sync_session_totals();
UPDATE sync_sessions SET counts = counts;

CREATE INDEX sync_sessions_finished ON sync_sessions (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX sync_sessions_trigger_requested ON sync_sessions (trigger, requested_at DESC);
CREATE INDEX sync_sessions_state_requested ON sync_sessions (state, requested_at DESC);

-- The billing account a failed record belongs to (when the writer knew it), for the console's account filter.
ALTER TABLE failed_records ADD COLUMN account_id text;
CREATE INDEX failed_records_account ON failed_records (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX failed_records_open_code ON failed_records (error_code, salesforce_object, id) WHERE resolved_at IS NULL;
CREATE INDEX failed_records_open_recent ON failed_records (last_failed_at DESC) WHERE resolved_at IS NULL;
CREATE INDEX failed_records_session ON failed_records (session_id);
CREATE INDEX failed_records_resolved ON failed_records (resolved_at) WHERE resolved_at IS NOT NULL;

ALTER TABLE realtime_latencies ADD COLUMN received_at timestamptz;
ALTER TABLE realtime_latencies ADD COLUMN read_at timestamptz;
ALTER TABLE realtime_latencies ADD COLUMN path text NOT NULL DEFAULT 'callout'
  CHECK (path IN ('callout', 'reconcile'));
-- The console's latency pages read these columns of a time range only.
CREATE INDEX realtime_latencies_committed_cover ON realtime_latencies (committed_at)
  INCLUDE (zuora_object, path, latency_ms);
CREATE INDEX change_events_processed ON change_events (processed_at) WHERE processed_at IS NOT NULL;

-- A console sign-in: the cookie carries a random id; only its SHA-256 is stored.
CREATE TABLE console_sessions (
  id_hash text PRIMARY KEY,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_expires ON console_sessions (expires_at);

CREATE TABLE notification_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('failures', 'latency', 'silence')),
  enabled boolean NOT NULL DEFAULT true,
  interval_minutes integer NOT NULL CHECK (interval_minutes > 0),
  window_minutes integer NOT NULL CHECK (window_minutes > 0),
  threshold_type text NOT NULL CHECK (threshold_type IN ('count', 'percentage', 'ms', 'minutes')),
  threshold double precision NOT NULL CHECK (threshold >= 0),
  latency_stat text CHECK (latency_stat IN ('avg', 'p50', 'p90', 'p95', 'p99')),
  mute_active boolean NOT NULL DEFAULT false,
  mute_limit integer NOT NULL DEFAULT 1 CHECK (mute_limit > 0),
  mute_hours integer NOT NULL DEFAULT 1 CHECK (mute_hours > 0),
  platform_event boolean NOT NULL DEFAULT true,
  email_to text[] NOT NULL DEFAULT '{}',
  webhook_url text,
  webhook_secret text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  next_due_at timestamptz NOT NULL DEFAULT now(),
  last_evaluated_at timestamptz,
  last_value double precision
);
CREATE INDEX notification_rules_due ON notification_rules (next_due_at) WHERE enabled;

-- One row per notification and channel; the dedupe key makes a repeated evaluation of the same window (a
-- process killed after deciding, before recording) a no-op.
CREATE TABLE notification_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id uuid REFERENCES notification_rules (id) ON DELETE SET NULL,
  rule_name text NOT NULL,
  dedupe_key text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('platform_event', 'email', 'webhook')),
  event_type text NOT NULL,
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'muted')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  claimed_at timestamptz,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  UNIQUE (dedupe_key, channel)
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (next_attempt_at) WHERE state IN ('pending', 'sending');
CREATE INDEX notification_deliveries_created ON notification_deliveries (created_at DESC);
CREATE INDEX notification_deliveries_rule ON notification_deliveries (rule_id, created_at DESC);
