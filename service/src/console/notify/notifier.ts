// Runs notifications in a service process: on a timer it evaluates the rules that are due (each at its own
// interval; claims keep processes sharing the store apart), queues on-demand completion emails, and sends
// what is due. Evaluation decides; delivery rows make the decision durable before anything is sent.
import type { Logger } from 'pino';
import type jsforce from 'jsforce';
import type { Store } from '../../store/store.js';
import {
  claimDueDeliveries,
  createDeliveries,
  markFailedAttempt,
  markSent,
  recentNotifications,
  type Channel,
  type NotificationPayload,
} from './delivery-rows.js';
import { queueOnDemandEmails } from './on-demand-email.js';
import { breaches, measure } from './rule-metric.js';
import { claimDueRules, findRule, recordValue, type RuleWithSecret } from './rule-rows.js';
import { sendDelivery, type Senders } from './send-delivery.js';

export interface NotifierDeps {
  readonly store: Store;
  readonly logger: Logger;
  readonly salesforce: jsforce.Connection | undefined;
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string;
  readonly tickMs: number;
  readonly fetch?: typeof fetch;
}

export function channelsOf(
  rule: RuleWithSecret,
): { channel: Channel; to?: readonly string[]; url?: string }[] {
  return [
    ...(rule.platformEvent ? [{ channel: 'platform_event' as const }] : []),
    ...(rule.emailTo.length > 0 ? [{ channel: 'email' as const, to: rule.emailTo }] : []),
    ...(rule.webhookUrl === null ? [] : [{ channel: 'webhook' as const, url: rule.webhookUrl }]),
  ];
}

const eventTypes = { failures: 'FAILURES', latency: 'LATENCY', silence: 'SILENCE', drift: 'DRIFT' } as const;

export class Notifier {
  readonly #deps: NotifierDeps;
  readonly #senders: Senders;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;

  constructor(deps: NotifierDeps) {
    this.#deps = deps;
    this.#senders = {
      salesforce: deps.salesforce,
      smtpUrl: deps.smtpUrl,
      smtpFrom: deps.smtpFrom,
      webhookSecret: async (id) =>
        id === null ? null : ((await findRule(deps.store, id))?.webhookSecret ?? null),
      ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    };
  }

  start(): void {
    this.#timer = setInterval(() => void this.tick(), this.#deps.tickMs);
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** One pass (never two at once in a process). */
  tick(): Promise<void> {
    this.#running ??= this.#pass()
      .catch((err: unknown) => this.#deps.logger.error({ err }, 'notification pass failed'))
      .finally(() => {
        this.#running = undefined;
      });
    return this.#running;
  }

  async #pass(): Promise<void> {
    const { store } = this.#deps;
    for (const rule of await claimDueRules(store)) await this.evaluate(rule, new Date());
    if (this.#deps.smtpUrl !== undefined)
      await queueOnDemandEmails(store, this.#deps.salesforce, this.#deps.logger);
    await this.deliverDue();
  }

  async evaluate(rule: RuleWithSecret, now: Date): Promise<boolean> {
    const m = await measure(this.#deps.store, rule, now);
    await recordValue(this.#deps.store, rule.id, m.value);
    if (!breaches(rule, m)) return false;
    // One notification per rule and interval slot: a repeated evaluation of the same slot adds nothing.
    const slot = Math.floor(now.getTime() / (rule.intervalMinutes * 60_000));
    const muted =
      rule.mute.active &&
      (await recentNotifications(this.#deps.store, rule.id, rule.mute.hours)) >= rule.mute.limit;
    const payload: NotificationPayload = {
      eventType: eventTypes[rule.kind],
      ruleId: rule.id,
      ruleName: rule.name,
      message: `${rule.name}: ${m.description} (threshold ${String(rule.threshold)} ${rule.thresholdType})`,
      value: m.value,
      threshold: rule.threshold,
      thresholdType: rule.thresholdType,
      windowStart: m.windowStart.toISOString(),
      windowEnd: m.windowEnd.toISOString(),
    };
    await createDeliveries(
      this.#deps.store,
      `rule:${rule.id}:${String(slot)}`,
      payload,
      channelsOf(rule),
      muted ? 'muted' : 'pending',
    );
    return true;
  }

  async deliverDue(): Promise<void> {
    const { store, logger } = this.#deps;
    for (let round = 0; round < 10; round += 1) {
      const due = await claimDueDeliveries(store);
      if (due.length === 0) return;
      for (const d of due) {
        const result = await sendDelivery(this.#senders, d);
        if (result.ok) await markSent(store, d.id);
        else {
          logger.warn(
            { deliveryId: d.id, channel: d.channel, error: result.error },
            'notification not delivered',
          );
          await markFailedAttempt(store, d, result.error);
        }
      }
    }
  }
}
