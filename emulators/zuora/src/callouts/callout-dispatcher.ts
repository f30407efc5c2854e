// Delivers callout notifications for record changes. Each notification keeps its Zuora-Notification-Id
// across retries while every attempt gets a new Zuora-Request-Id; deliveries run independently, so they
// may arrive out of order (retries, jitter), as Zuora warns:
// https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/notifications/callout-notification-overview
// https://knowledgecenter.zuora.com/Central_Platform/Notifications/C_Configure_Callout_Notifications
import { randomUUID } from 'node:crypto';
import { seededRandom } from '../tenant/seeded-random.js';
import { calloutTargetSchema, matchesEvent, type CalloutTarget } from './callout-target.js';
import { signedHeader, renderMergeFields } from './callout-hmac.js';
import { mergeValues, notificationPayload, type CalloutEvent } from './notification-payload.js';

export interface CalloutAttempt {
  notificationId: string;
  requestId: string;
  targetId: string;
  event: string;
  recordId: string;
  attempt: number;
  status: number | null;
  ok: boolean;
  error?: string;
  at: string;
}

export interface CalloutDispatcherDeps {
  defaultAttempts: number;
  defaultRetryIntervalMs: number;
  now: () => Date;
  /** Share of notifications silently lost (fault injection). */
  dropRate: () => number;
  onAttempt?: (a: CalloutAttempt) => void;
  onDropped?: () => void;
  /** Deliveries in flight at once (Zuora sends callouts from a bounded pool); default 50. */
  maxConcurrent?: number;
  /** False on a single-entity tenant: its callouts carry no entity id (there is no Multi-entity). */
  multiEntity?: () => boolean;
}

export class CalloutDispatcher {
  private targets: CalloutTarget[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly ready: (() => Promise<void>)[] = [];
  readonly attempts: CalloutAttempt[] = [];
  private rng = seededRandom(0xca110);
  private closed = false;

  constructor(private readonly deps: CalloutDispatcherDeps) {}

  /** Replaces the configured targets; throws a readable error on bad input. */
  configure(inputs: readonly unknown[]): CalloutTarget[] {
    this.targets = inputs.map((input, i) => {
      const parsed = calloutTargetSchema.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
          `callout target ${i}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`.trim(),
        );
      }
      return { ...parsed.data, id: parsed.data.id ?? `target-${i + 1}` };
    });
    return this.targets;
  }

  list(): readonly CalloutTarget[] {
    return this.targets;
  }

  notify(recordChange: CalloutEvent): void {
    if (this.closed) return;
    // The record as it was at this change: later changes must not leak into this notification's merge fields.
    const change: CalloutEvent = {
      ...recordChange,
      record: { ...recordChange.record },
      ...(this.deps.multiEntity?.() === false ? { entityId: '' } : {}),
    };
    for (const target of this.targets) {
      if (!matchesEvent(target, recordChange.object, recordChange.action)) continue;
      if (this.rng.next() < this.deps.dropRate()) {
        this.deps.onDropped?.();
        continue;
      }
      const notificationId = randomUUID().replace(/-/g, '');
      const body = JSON.stringify(notificationPayload(change, notificationId, this.deps.now()));
      const jitter = target.reorderJitterMs > 0 ? Math.floor(this.rng.next() * target.reorderJitterMs) : 0;
      this.schedule(() => this.attempt(target, change, notificationId, body, 1), jitter);
    }
  }

  /** Resolves when no delivery is pending (tests). */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.inFlight.size > 0 || this.ready.length > 0) {
      await Promise.all([...this.inFlight]);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.ready.length = 0;
  }

  reset(): void {
    this.targets = [];
    this.attempts.length = 0;
    this.rng = seededRandom(0xca110);
  }

  private schedule(fn: () => Promise<void>, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.ready.push(fn);
      this.pump();
    }, delayMs);
    this.timers.add(timer);
  }

  /** Starts ready deliveries up to the concurrency limit; the rest wait their turn, in order. */
  private pump(): void {
    const limit = this.deps.maxConcurrent ?? 50;
    while (this.inFlight.size < limit && this.ready.length > 0 && !this.closed) {
      const fn = this.ready.shift() as () => Promise<void>;
      const p: Promise<void> = fn().finally(() => {
        this.inFlight.delete(p);
        this.pump();
      });
      this.inFlight.add(p);
    }
  }

  private async attempt(
    target: CalloutTarget,
    change: CalloutEvent,
    notificationId: string,
    body: string,
    n: number,
  ): Promise<void> {
    if (this.closed) return;
    const requestId = randomUUID();
    const record: CalloutAttempt = {
      notificationId,
      requestId,
      targetId: target.id,
      event: `${change.object}.${change.action}`,
      recordId: change.record.Id,
      attempt: n,
      status: null,
      ok: false,
      at: this.deps.now().toISOString(),
    };
    try {
      const res = await this.send(target, body, notificationId, requestId, change);
      record.status = res.status;
      record.ok = res.ok;
    } catch (e) {
      record.error = e instanceof Error ? e.message : String(e);
    }
    this.attempts.push(record);
    this.deps.onAttempt?.(record);
    const maxAttempts = target.attempts ?? this.deps.defaultAttempts;
    if (!record.ok && n < maxAttempts) {
      this.schedule(
        () => this.attempt(target, change, notificationId, body, n + 1),
        target.retryIntervalMs ?? this.deps.defaultRetryIntervalMs,
      );
    }
  }

  private async send(
    target: CalloutTarget,
    body: string,
    notificationId: string,
    requestId: string,
    change: CalloutEvent,
  ): Promise<{ status: number; ok: boolean }> {
    const values = mergeValues(change, notificationId, this.deps.now());
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(target.headers ?? {}))
      headers[name] = renderMergeFields(value, values);
    if (target.hmac !== undefined) {
      const [name, value] = signedHeader(target.hmac, values);
      headers[name] = value;
    }
    Object.assign(headers, {
      'Content-Type': 'application/json',
      'Zuora-Notification-Id': notificationId,
      'Zuora-Request-Id': requestId,
    });
    const auth = target.auth;
    if (auth?.type === 'oauth2') headers.Authorization = `Bearer ${await this.oauthToken(auth)}`;
    const basic =
      auth?.type === 'basic'
        ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`
        : undefined;
    if (basic !== undefined && auth?.type === 'basic' && auth.preemptive) headers.Authorization = basic;
    const post = (h: Record<string, string>): Promise<Response> =>
      fetch(target.url, { method: 'POST', headers: h, body, signal: AbortSignal.timeout(10_000) });
    let res = await post(headers);
    // Challenge-first Basic auth: credentials go out only after the target answers 401.
    if (res.status === 401 && basic !== undefined && headers.Authorization === undefined) {
      await res.arrayBuffer();
      res = await post({ ...headers, Authorization: basic });
    }
    const text = (await res.text()).slice(0, 60 * 1024);
    let ok = res.ok;
    if (ok && target.parseSuccessField) {
      try {
        ok = (JSON.parse(text) as { success?: unknown }).success === true;
      } catch {
        ok = false;
      }
    }
    return { status: res.status, ok };
  }

  private async oauthToken(auth: {
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
  }): Promise<string> {
    const res = await fetch(auth.tokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: auth.clientId,
        client_secret: auth.clientSecret,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`callout OAuth token request failed with HTTP ${res.status}`);
    const json = (await res.json()) as { access_token?: unknown };
    if (typeof json.access_token !== 'string')
      throw new Error('callout OAuth token response has no access_token');
    return json.access_token;
  }
}
