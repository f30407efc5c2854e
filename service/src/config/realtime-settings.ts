// Settings of near-real-time sync, read from the environment. The event threshold takes only Zuora's own
// choices for "Maximum Data Change Events Before Sync" (1, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500;
// default 10); the maximum time between syncs defaults to 120 minutes and goes down to seconds. Fallback to
// Turbo Sync when latency passes 15 minutes; Turbo is faster from about 10,000 events a minute.
// https://docs.zuora.com/zuora-platform/integration/integration-hub/zuora-360-plus-and-zuora-360/zuora-360-overview/synchronize-data-from-zuora-to-salesforce/real-time-sync
// https://knowledgecenter.zuora.com/CPQ/E_Zuora_360/S_Synchronize_Data_from_Z-Billing/R_Real-Time_Sync
import type { Env } from './env-schema.js';

export const eventThresholds = [1, 5, 10, 20, 30, 40, 50, 100, 200, 300, 400, 500] as const;

/** The OAuth 2.0 client Zuora authenticates callouts with (the service is its provider). */
export interface CalloutOAuthClient {
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface CalloutAuthSettings {
  /** HMAC key shared with the Zuora callout template (secret). */
  readonly hmacKey: string | undefined;
  /** Basic auth credentials configured on the callout (secret password). */
  readonly basic: { readonly username: string; readonly password: string } | undefined;
  /** OAuth 2.0 client Zuora uses to get bearer tokens from POST /v1/webhooks/zuora/oauth/token (secret). */
  readonly oauth?: CalloutOAuthClient | undefined;
  /** A signed callout older (or further in the future) than this is refused as a replay. */
  readonly maxAgeSeconds: number;
}

/** Adaptive batching (realtime/adaptive-batching.ts): coalesce while changes arrive, flush by a latency budget. */
export interface AdaptiveBatching {
  /** A change with no other arriving for this long is synced without waiting for more. */
  readonly quietMs: number;
  /** Target time from a change's arrival to its Salesforce commit, for the oldest change of a batch. */
  readonly latencyBudgetMs: number;
  /** Least time between the starts of two batches of one entity (bounds Salesforce calls a minute). */
  readonly minIntervalMs: number;
  /** The same for a batch of one change (default `minIntervalMs`): changes arriving apart each go alone. */
  readonly aloneIntervalMs?: number;
}

/**
 * 1.25 s between batches of several changes: under a stream, at most 48 batch calls a minute (one Composite
 * call each), which leaves the history sends (every `historyFlushMs`) and the org check within 60 Salesforce
 * calls a minute; a change waits at most that interval plus a batch (P90 about 1.4 s at 50 changes/s). A change
 * arriving alone goes once quiet, 0.5 s after the previous batch at the earliest (P90 well under 1 s at 1/s).
 */
export const defaultAdaptiveBatching: AdaptiveBatching = {
  quietMs: 150,
  latencyBudgetMs: 1_800,
  minIntervalMs: 1_250,
  aloneIntervalMs: 500,
};

export interface RealtimeSettings {
  readonly enabled: boolean;
  readonly eventThreshold: number;
  readonly maxWaitMs: number;
  /** 0: no reconciliation poll. */
  readonly reconcileMs: number;
  /** How long a callout may take to arrive before reconciliation enqueues the change itself. */
  readonly reconcileGraceMs: number;
  readonly fallbackLatencyMs: number;
  readonly burstThreshold: number;
  /** Turbo hands back to real-time when its last session synced fewer records than this. */
  readonly recoverBelowRecords: number;
  /** Claims of a batch whose session stopped heartbeating this long are released. */
  readonly claimStaleMs: number;
  /** Most events one batch claims. */
  readonly maxBatchEvents: number;
  /** Attempts before an always-failing event is dead-lettered, and the first wait (doubling after each). */
  readonly retry: { readonly maxAttempts: number; readonly baseMs: number };
  /** How often the batcher looks at the queue. */
  readonly tickMs: number;
  /** How long after a callout the batcher looks (callouts arriving together make one batch). */
  readonly coalesceMs: number;
  /** Adaptive batching; without it a batch fires as soon as the event threshold is reached. */
  readonly adaptive?: AdaptiveBatching | undefined;
  /**
   * Batches' Sync_History__c records are sent from the history outbox every this many ms, 200 a call;
   * without it each batch sends its own right after committing.
   */
  readonly historyFlushMs?: number | undefined;
  readonly callouts: CalloutAuthSettings;
}

export function realtimeSettings(env: Env): RealtimeSettings {
  return {
    enabled: env.REALTIME_SYNC === 'on',
    eventThreshold: env.REALTIME_EVENT_THRESHOLD,
    maxWaitMs: env.REALTIME_MAX_WAIT_SECONDS * 1000,
    reconcileMs: env.REALTIME_RECONCILE_SECONDS * 1000,
    reconcileGraceMs: env.REALTIME_RECONCILE_GRACE_SECONDS * 1000,
    fallbackLatencyMs: env.REALTIME_FALLBACK_LATENCY_SECONDS * 1000,
    burstThreshold: env.REALTIME_BURST_THRESHOLD,
    recoverBelowRecords: 10_000,
    claimStaleMs: env.REALTIME_CLAIM_STALE_SECONDS * 1000,
    maxBatchEvents: 2_000,
    retry: { maxAttempts: env.REALTIME_MAX_ATTEMPTS, baseMs: env.REALTIME_RETRY_BASE_MS },
    tickMs: 500,
    // A callout wakes the batcher once its quiet period has passed: a change alone syncs at once.
    coalesceMs: defaultAdaptiveBatching.quietMs,
    adaptive: defaultAdaptiveBatching,
    // Every 20 s: a send is a Sync_History__c call and, when batches failed records, a Sync_Record_Error__c one.
    historyFlushMs: 20_000,
    callouts: {
      hmacKey: env.ZUORA_CALLOUT_HMAC_KEY,
      basic:
        env.ZUORA_CALLOUT_USERNAME === undefined || env.ZUORA_CALLOUT_PASSWORD === undefined
          ? undefined
          : { username: env.ZUORA_CALLOUT_USERNAME, password: env.ZUORA_CALLOUT_PASSWORD },
      oauth:
        env.ZUORA_CALLOUT_OAUTH_CLIENT_ID === undefined || env.ZUORA_CALLOUT_OAUTH_CLIENT_SECRET === undefined
          ? undefined
          : {
              clientId: env.ZUORA_CALLOUT_OAUTH_CLIENT_ID,
              clientSecret: env.ZUORA_CALLOUT_OAUTH_CLIENT_SECRET,
            },
      maxAgeSeconds: env.ZUORA_CALLOUT_MAX_AGE_SECONDS,
    },
  };
}
