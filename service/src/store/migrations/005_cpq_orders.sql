-- The CPQ direction (Salesforce CPQ orders -> Zuora, issue 14): sessions of scope 'cpq', and one row per
-- Salesforce order the service has seen: the version it last handled, its status, attempts and the Zuora
-- order it became, so the poller skips what is synced, retries what failed transiently, and the benchmark and
-- console measure activation -> write-back.

ALTER TABLE sync_sessions DROP CONSTRAINT sync_sessions_scope_check;
ALTER TABLE sync_sessions ADD CONSTRAINT sync_sessions_scope_check CHECK (scope IN ('accounts', 'catalog', 'cpq'));

CREATE TABLE cpq_orders (
  order_id text PRIMARY KEY,
  order_number text NOT NULL,
  account_id text NOT NULL,
  -- SystemModstamp of the order as last handled: a change makes a failed order eligible again.
  version text NOT NULL,
  status text NOT NULL CHECK (status IN ('Not Sent', 'Waiting', 'Synced', 'Failed')),
  error_code text,
  transient boolean NOT NULL DEFAULT false,
  attempts integer NOT NULL DEFAULT 0,
  zuora_order_number text,
  session_id uuid,
  activated_at timestamptz,
  written_back_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cpq_orders_status ON cpq_orders (status, updated_at);
