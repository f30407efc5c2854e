-- The Salesforce org the service syncs (sandbox refresh, issue 16): recorded the first time a session starts,
-- and changed only by an admin's confirmation (zuora-sync org confirm, POST /v1/org/confirm). A session that
-- finds another org records it as seen and refuses to start.
CREATE TABLE salesforce_org (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  org_id text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  confirmed_by text,
  seen_org_id text,
  seen_at timestamptz
);
