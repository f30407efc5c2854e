// Shapes the LWCs receive from OnDemandSyncController (Apex DTOs serialized by the platform).
// Apex Datetime arrives as an ISO-8601 string; Decimal as a number; unset fields are absent or null.
declare namespace SyncApex {
  interface SyncResult {
    objectId: string;
    salesforceId?: string | null;
    zuoraId?: string | null;
    success: boolean;
    status: 'Succeeded' | 'Failed' | 'Queued';
    errorCode?: string | null;
    errorMessage?: string | null;
    sessionId?: string | null;
  }

  interface SyncOutcome {
    sessionId?: string | null;
    historyId?: string | null;
    jobId?: string | null;
    queued: boolean;
    errorCode?: string | null;
    errorMessage?: string | null;
    results: SyncResult[];
  }

  interface BillingAccountRow {
    id: string;
    name: string;
    accountNumber?: string | null;
    zuoraId?: string | null;
    lastSyncStatus?: 'Synced' | 'Pending' | 'Failed' | null;
    lastSyncedAt?: string | null;
    lastSyncError?: string | null;
    lastSyncHistoryId?: string | null;
  }

  interface BillingAccountList {
    uiLimit: number;
    totalCount: number;
    billingAccounts: BillingAccountRow[];
  }

  interface FailureRow {
    id: string;
    objectType?: string | null;
    zuoraId?: string | null;
    salesforceId?: string | null;
    errorCode?: string | null;
    errorMessage?: string | null;
  }

  interface SyncHistoryRow {
    id: string;
    name?: string | null;
    syncType?: string | null;
    scope?: string | null;
    status?: string | null;
    startedOn?: string | null;
    finishedOn?: string | null;
    syncBy?: string | null;
    processed?: number | null;
    succeeded?: number | null;
    failed?: number | null;
    syncError?: string | null;
    failures: FailureRow[];
  }
}
