// The API-based sync engine's contract, shared by on-demand requests and near-real-time batches.
import type { ObjectDiff } from '../compare/diff-types.js';
import type { ApiBudgetGovernor } from '../salesforce/api-budget.js';
import type { ObjectCounts } from '../sessions/session-counts.js';
import type { SyncDeps } from '../sessions/sync-deps.js';

export type ApiSyncTarget =
  /** Billing accounts and all their related objects. */
  | { readonly kind: 'accounts'; readonly zuoraAccountIds: readonly string[] }
  /** Products and their catalog children (rate plans, charges, tiers, product features and their features). */
  | { readonly kind: 'products'; readonly zuoraProductIds: readonly string[] }
  /** Exactly these records (real-time): a record Zuora no longer has is deleted in Salesforce. */
  | { readonly kind: 'records'; readonly refs: readonly { zuoraObject: string; zuoraId: string }[] };

export interface ApiSyncRequest {
  /** An existing sync_sessions row: failed records are stored under it. */
  readonly sessionId: string;
  /** '' for a single-entity tenant. */
  readonly entityId: string;
  readonly target: ApiSyncTarget;
  /** Who writes, for the budget governor's warning (default: on-demand). */
  readonly caller?: string;
  /** One record per subscription number (default) or per version, as the Turbo session option. */
  readonly subscriptionIdentity?: 'number' | 'version';
  /** Compare with Salesforce instead of writing (compare-writer.ts): nothing written, no failure stored. */
  readonly dryRun?: boolean;
}

export interface RecordOutcome {
  readonly zuoraObject: string;
  readonly salesforceObject: string;
  readonly zuoraId: string | null;
  readonly externalId: string;
  readonly salesforceId: string | null;
  readonly operation: 'upsert' | 'delete';
  readonly success: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** Zuora UpdatedDate of the record read (ISO), for latency measurement. */
  readonly zuoraUpdatedAt: string | null;
  /** When Salesforce answered the write that committed it. */
  readonly committedAt: string | null;
  /** The billing account (accounts scope) or product (catalog) the record belongs to, when known. */
  readonly ownerZuoraId: string | null;
}

export interface ApiSyncResult {
  readonly outcomes: readonly RecordOutcome[];
  /** Per Salesforce object (or Zuora object no map reads): records read, written, failed, deleted. */
  readonly counts: Readonly<Record<string, ObjectCounts>>;
  /** Composite calls made (each one Salesforce API call). */
  readonly salesforceCalls: number;
  /** Zuora requests made by this run (the client is shared: concurrent runs' calls can overlap). */
  readonly zuoraCalls: number;
  /** When the records had been read from Zuora (ISO): the end of the read stage of latency. */
  readonly readAt?: string;
  /** A dry run's comparison per object (created, updated with fields old -> new, unchanged, deleted, failed). */
  readonly diffs?: readonly ObjectDiff[];
}

export interface ApiSyncDeps extends SyncDeps {
  readonly governor: ApiBudgetGovernor;
}
