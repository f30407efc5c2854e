-- Sync_History__c through the store (issue 17): a real-time batch stores its history record here in the
-- transaction that commits its events' outcomes, and a sender delivers it to Salesforce (an upsert on
-- Session_Id__c, so sending it twice updates one record) and deletes the row once Salesforce answered. A
-- process killed in between leaves the row, and the next start sends it: the record is never lost.
CREATE TABLE history_outbox (
  session_id uuid PRIMARY KEY REFERENCES sync_sessions (id) ON DELETE CASCADE,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  last_attempt_at timestamptz
);

-- The dead-letter view (console): when an event's first failed attempt was, next to its last (dead_at).
ALTER TABLE change_events ADD COLUMN first_attempt_at timestamptz;
