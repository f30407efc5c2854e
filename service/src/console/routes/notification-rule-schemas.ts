// The shapes of notification rules in the API: what a client sends (checked as Zuora's parameters allow) and
// what it gets back (never the webhook secret).
import { z } from 'zod';
import type { RuleInput, RuleWithSecret } from '../notify/rule-rows.js';
import { publicRule } from '../notify/rule-rows.js';

export const ruleBody = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    kind: z.enum(['failures', 'latency', 'silence', 'drift']),
    enabled: z.boolean().default(true),
    intervalMinutes: z.number().int().min(1).max(1440).describe('how often the rule is checked'),
    windowMinutes: z.number().int().min(1).max(43_200).describe('the period the value is measured over'),
    thresholdType: z.enum(['count', 'percentage', 'ms', 'minutes']),
    threshold: z.number().min(0).max(1e9),
    latencyStat: z.enum(['avg', 'p50', 'p90', 'p95', 'p99']).nullable().default(null),
    mute: z
      .strictObject({
        active: z.boolean(),
        limit: z.number().int().min(1).max(1000),
        hours: z.number().int().min(1).max(720),
      })
      .default({ active: false, limit: 1, hours: 1 }),
    platformEvent: z.boolean().default(true),
    emailTo: z.array(z.email()).max(20).default([]),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .nullable()
      .default(null),
    webhookSecret: z.string().min(16, 'expected at least 16 characters').max(200).optional(),
  })
  .superRefine((r, ctx) => {
    const allowed = {
      failures: ['count', 'percentage'],
      latency: ['ms'],
      silence: ['minutes'],
      drift: ['count', 'percentage'],
    }[r.kind];
    if (!allowed.includes(r.thresholdType))
      ctx.addIssue({
        code: 'custom',
        path: ['thresholdType'],
        message: `a ${r.kind} rule takes ${allowed.join(' or ')}`,
      });
    if (r.thresholdType === 'percentage' && r.threshold > 100)
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'a percentage is at most 100' });
    if (!r.platformEvent && r.emailTo.length === 0 && r.webhookUrl === null)
      ctx.addIssue({ code: 'custom', path: ['platformEvent'], message: 'choose at least one channel' });
  });

export const ruleOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  enabled: z.boolean(),
  intervalMinutes: z.number(),
  windowMinutes: z.number(),
  thresholdType: z.string(),
  threshold: z.number(),
  latencyStat: z.string().nullable(),
  mute: z.object({ active: z.boolean(), limit: z.number(), hours: z.number() }),
  platformEvent: z.boolean(),
  emailTo: z.array(z.string()),
  webhookUrl: z.string().nullable(),
  webhookSecretSet: z.boolean(),
  lastEvaluatedAt: z.string().nullable(),
  lastValue: z.number().nullable(),
  nextDueAt: z.string(),
});

export function out(r: RuleWithSecret): z.infer<typeof ruleOut> {
  const p = publicRule(r);
  return {
    ...p,
    emailTo: [...p.emailTo],
    mute: { ...p.mute },
    lastEvaluatedAt: p.lastEvaluatedAt?.toISOString() ?? null,
    nextDueAt: p.nextDueAt.toISOString(),
  };
}

export function input(b: z.infer<typeof ruleBody>, secret: string | null | undefined): RuleInput {
  const { webhookSecret: _s, ...rest } = b;
  return {
    ...rest,
    latencyStat: b.kind === 'latency' ? (b.latencyStat ?? 'avg') : null,
    ...(secret === undefined ? {} : { webhookSecret: secret }),
  };
}
