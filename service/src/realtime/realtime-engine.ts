// Drives near-real-time sync in a service process: a tick (on a timer, and at once when a callout arrives)
// releases what stopped processes left behind, then for each entity with pending events either follows the
// Turbo fallback, switches to it, or fires batches when the event threshold is reached or the oldest event
// has waited the maximum time between syncs. Events wait, without failing, while a manual or scheduled
// accounts session runs (the session request is refused) and while the API budget is spent. A reconciliation
// poll runs on its own timer. Several processes may run engines on one PostgreSQL: claims keep them apart.
import type PgBoss from 'pg-boss';
import type { ApiSyncDeps } from '../api-sync/api-sync-types.js';
import { sendPendingHistory } from '../sessions/history-outbox.js';
import { transitionSession } from '../sessions/session-rows.js';
import { orphanedSessions } from '../sessions/session-owner.js';
import { decideBatch, nextBatchMs } from './adaptive-batching.js';
import { pendingByEntity, releaseClaims, type PendingSummary } from './change-event-rows.js';
import { runRealtimeBatch, type BatchResult, type RunApiSync } from './realtime-batch.js';
import { considerFallback, followTurbo, type FallbackDeps } from './realtime-fallback.js';
import type { LatencyRecorder } from './realtime-latency.js';
import { realtimeStates } from './realtime-state-rows.js';
import type { RealtimeSettings } from '../config/realtime-settings.js';
import { reconcile } from './reconciler.js';

export interface RealtimeEngineDeps {
  readonly api: ApiSyncDeps;
  readonly runApiSync: RunApiSync;
  readonly boss: PgBoss;
  readonly latency: LatencyRecorder;
  readonly settings: RealtimeSettings;
  /** Entities reconciliation covers ('' for a single-entity tenant). */
  readonly entities: () => Promise<string[]>;
  readonly onBatch?: (entityId: string, result: BatchResult) => void;
}

/** How often usage is re-read while the API budget governor stops writes. */
const budgetProbeMs = 5 * 60_000;

/** How often the history outbox is swept for rows a send left behind (Salesforce down, or a kill). */
const outboxSweepMs = 30_000;

/** Most batches one entity runs per tick, so one busy entity cannot starve the others. */
const maxBatchesPerTick = 20;

export class RealtimeEngine {
  readonly #deps: RealtimeEngineDeps;
  #timer: NodeJS.Timeout | undefined;
  #reconcileTimer: NodeJS.Timeout | undefined;
  #ticking: Promise<void> | undefined;
  #again = false;
  #reconciling: Promise<void> | undefined;
  #stopped = false;
  #nudged: NodeJS.Timeout | undefined;
  #probedAt = 0;
  #outbox: Promise<void> | undefined;
  #outboxSweptAt = 0;
  /** When each entity's last batch started, and what batches take lately (adaptive batching). */
  readonly #lastStart = new Map<string, number>();
  #batchMs = 500;
  #recheck: NodeJS.Timeout | undefined;
  #recheckAt = Infinity;

  constructor(deps: RealtimeEngineDeps) {
    this.#deps = deps;
  }

  start(): void {
    this.#stopped = false;
    this.#timer = setInterval(() => this.wake(), this.#deps.settings.tickMs);
    if (this.#deps.settings.reconcileMs > 0)
      this.#reconcileTimer = setInterval(() => void this.reconcileNow(), this.#deps.settings.reconcileMs);
    // History records committed by batches of a process killed before sending them go out first.
    void this.sweepOutbox(0);
    this.wake();
  }

  /**
   * Sends the history outbox's rows at least `olderThanMs` old (one sweep at a time); a batch sends its own
   * row right after committing, so a later sweep only finds what a failed send or a kill left behind.
   */
  sweepOutbox(olderThanMs = outboxSweepMs): Promise<void> {
    if (this.#outbox !== undefined) return this.#outbox;
    const { api } = this.#deps;
    this.#outboxSweptAt = Date.now();
    this.#outbox = sendPendingHistory(api, olderThanMs)
      .then(({ sent, left }) => {
        if (sent + left > 0) api.logger.info({ sent, left }, 'history outbox swept');
      })
      .catch((err: unknown) => api.logger.warn({ err }, 'history outbox sweep failed; it runs again'))
      .finally(() => (this.#outbox = undefined));
    return this.#outbox;
  }

  /**
   * A callout arrived: a pass runs shortly (callouts arriving together make one batch, which saves
   * Salesforce calls for a fraction of a second of latency).
   */
  nudge(): void {
    if (this.#stopped || this.#nudged !== undefined) return;
    this.#nudged = setTimeout(() => {
      this.#nudged = undefined;
      this.wake();
    }, this.#deps.settings.coalesceMs);
  }

  /** Runs a tick now, or right after the one under way. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#ticking !== undefined) {
      this.#again = true;
      return;
    }
    this.#ticking = this.#pass()
      .catch((err: unknown) => this.#deps.api.logger.error({ err }, 'real-time tick failed'))
      .finally(() => {
        this.#ticking = undefined;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    clearInterval(this.#reconcileTimer);
    clearTimeout(this.#nudged);
    clearTimeout(this.#recheck);
    await this.#ticking;
    await this.#reconciling;
    await this.#outbox;
    // History records the batches committed go out before the process ends (grouped ones included).
    if (this.#deps.settings.historyFlushMs !== undefined) await this.sweepOutbox(0);
  }

  /** A tick in `ms` (the earliest asked for wins), when a batch will be due without a new change. */
  #wakeIn(ms: number): void {
    const at = Date.now() + ms;
    if (this.#stopped || at >= this.#recheckAt) return;
    clearTimeout(this.#recheck);
    this.#recheckAt = at;
    this.#recheck = setTimeout(() => {
      this.#recheckAt = Infinity;
      this.wake();
    }, ms);
  }

  async reconcileNow(): Promise<void> {
    if (this.#reconciling !== undefined) return this.#reconciling;
    const { settings, api } = this.#deps;
    this.#reconciling = (async () => {
      try {
        for (const entityId of await this.#deps.entities()) {
          await reconcile(api, entityId, {
            graceMs: settings.reconcileGraceMs,
            firstLookbackMs: Math.max(settings.reconcileMs, 60_000) + settings.reconcileGraceMs,
          });
        }
        this.wake();
      } catch (err) {
        api.logger.error({ err }, 'real-time reconciliation failed; it runs again next period');
      } finally {
        this.#reconciling = undefined;
      }
    })();
    return this.#reconciling;
  }

  /** Runs one pass now (after the one under way, if any); passes never overlap within a process. */
  async tick(): Promise<void> {
    for (let current = this.#ticking; current !== undefined; current = this.#ticking) await current;
    this.wake();
    const started: Promise<void> | undefined = this.#ticking;
    await started;
  }

  /** One pass over every entity. */
  async #pass(): Promise<void> {
    const { api, settings } = this.#deps;
    await this.releaseOrphans();
    // Grouped history (historyFlushMs): everything committed is sent every period, 200 records a call.
    const flushMs = settings.historyFlushMs;
    if (Date.now() - this.#outboxSweptAt >= (flushMs ?? outboxSweepMs))
      void this.sweepOutbox(flushMs === undefined ? outboxSweepMs : 0);
    const pending = new Map((await pendingByEntity(api.store)).map((p) => [p.entityId, p]));
    const states = new Map((await realtimeStates(api.store)).map((s) => [s.entityId, s]));
    const fallback: FallbackDeps = {
      sync: api,
      boss: this.#deps.boss,
      settings,
      now: () => api.now?.() ?? new Date(),
    };
    for (const entityId of new Set([...pending.keys(), ...states.keys()])) {
      if (this.#stopped) return;
      const state = states.get(entityId);
      const summary = pending.get(entityId);
      if (state?.mode === 'turbo') {
        await followTurbo(fallback, state, summary);
        continue;
      }
      if (summary === undefined) continue;
      if (await considerFallback(fallback, entityId, summary)) continue;
      await this.fire(entityId, summary, settings);
    }
  }

  private async fire(entityId: string, first: PendingSummary, settings: RealtimeSettings): Promise<void> {
    let summary: PendingSummary | undefined = first;
    for (let n = 0; n < maxBatchesPerTick && summary !== undefined && !this.#stopped; n += 1) {
      const now = this.#deps.api.now?.() ?? new Date();
      const decision = decideBatch(summary, settings, {
        now: now.getTime(),
        lastStart: this.#lastStart.get(entityId),
        batchMs: this.#batchMs,
      });
      if (!decision.fire) {
        if (decision.recheckMs !== undefined && settings.adaptive !== undefined)
          this.#wakeIn(decision.recheckMs);
        return;
      }
      if (this.#deps.api.governor.state() === 'stop') {
        await this.probeBudget(now);
        if (this.#deps.api.governor.state() === 'stop') return;
      }
      this.#lastStart.set(entityId, now.getTime());
      const started = performance.now();
      const result = await runRealtimeBatch(
        {
          api: this.#deps.api,
          runApiSync: this.#deps.runApiSync,
          latency: this.#deps.latency,
          maxBatchEvents: settings.maxBatchEvents,
          retry: settings.retry,
          heartbeatMs: Math.max(250, Math.min(10_000, Math.floor(settings.claimStaleMs / 4))),
          sendHistory: settings.historyFlushMs === undefined,
        },
        entityId,
      );
      this.#deps.onBatch?.(entityId, result);
      if (result.kind !== 'synced') return;
      this.#batchMs = nextBatchMs(this.#batchMs, performance.now() - started);
      summary = (await pendingByEntity(this.#deps.api.store)).find((p) => p.entityId === entityId);
    }
  }

  /**
   * While writes are stopped nothing else may call Salesforce, so the governor would never see usage fall:
   * every few minutes one GET /limits (one API call) brings a fresh Sforce-Limit-Info reading.
   * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm
   */
  private async probeBudget(now: Date): Promise<void> {
    if (now.getTime() - this.#probedAt < budgetProbeMs) return;
    this.#probedAt = now.getTime();
    try {
      await this.#deps.api.salesforce.limits();
    } catch (err) {
      this.#deps.api.logger.warn({ err }, 'Salesforce limits probe failed');
    }
  }

  /**
   * Real-time sessions whose process is gone (same host, pid dead) or silent past the claim timeout are
   * failed, and their claimed events go back to the queue; otherwise they would block every later batch.
   */
  async releaseOrphans(): Promise<string[]> {
    const { store, logger } = this.#deps.api;
    // A queued session has no owner yet (it is being begun): only silence makes it an orphan.
    const found = await orphanedSessions(
      store,
      { triggers: ['realtime'] },
      this.#deps.settings.claimStaleMs / 1000,
    );
    const orphans = found.map((r) => r.id);
    for (const { id, state } of found) {
      await store.transaction(async (tx) => {
        await releaseClaims(tx, [id]);
        if (state === 'queued') await transitionSession(tx, id, 'running');
        await transitionSession(tx, id, 'failed', {
          error: 'the process running this real-time batch stopped; its events went back to the queue',
        });
      });
    }
    if (orphans.length > 0)
      logger.warn({ sessions: orphans }, 'released real-time batches of a stopped process');
    return orphans;
  }
}
