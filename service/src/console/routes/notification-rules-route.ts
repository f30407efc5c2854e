// Notification rules and their deliveries: list, create, replace, delete, send a test, list deliveries.
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/store.js';
import { createDeliveries, listDeliveries } from '../notify/delivery-rows.js';
import { channelsOf } from '../notify/notifier.js';
import {
  deleteRule,
  findRule,
  insertRule,
  listRules,
  publicRule,
  updateRule,
  type RuleInput,
  type RuleWithSecret,
} from '../notify/rule-rows.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

const ruleBody = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    kind: z.enum(['failures', 'latency', 'silence']),
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
    const allowed = { failures: ['count', 'percentage'], latency: ['ms'], silence: ['minutes'] }[r.kind];
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

const ruleOut = z.object({
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

function out(r: RuleWithSecret): z.infer<typeof ruleOut> {
  const p = publicRule(r);
  return {
    ...p,
    emailTo: [...p.emailTo],
    mute: { ...p.mute },
    lastEvaluatedAt: p.lastEvaluatedAt?.toISOString() ?? null,
    nextDueAt: p.nextDueAt.toISOString(),
  };
}

function input(b: z.infer<typeof ruleBody>, secret: string | null | undefined): RuleInput {
  const { webhookSecret: _s, ...rest } = b;
  return {
    ...rest,
    latencyStat: b.kind === 'latency' ? (b.latencyStat ?? 'avg') : null,
    ...(secret === undefined ? {} : { webhookSecret: secret }),
  };
}

const idParams = z.object({ id: z.string().uuid() });
const notFound = (id: string) => ({ error: 'not_found', message: `no notification rule ${id}` });

export const notificationRulesRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    const security = [{ bearerAuth: [] }];
    app.get(
      '/v1/notification-rules',
      {
        schema: {
          summary: 'Notification rules',
          security,
          response: { 200: z.object({ rules: z.array(ruleOut) }) },
        },
      },
      async () => ({
        rules: (await listRules(store)).map(out),
      }),
    );
    app.post(
      '/v1/notification-rules',
      {
        schema: {
          summary: 'Create a notification rule (a webhook without a secret gets one, answered once)',
          security,
          body: ruleBody,
          response: { 201: ruleOut.extend({ webhookSecret: z.string().optional() }) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const generated =
          b.webhookUrl !== null && b.webhookSecret === undefined
            ? randomBytes(24).toString('base64url')
            : undefined;
        const rule = await insertRule(store, input(b, b.webhookSecret ?? generated ?? null));
        return reply
          .code(201)
          .send({ ...out(rule), ...(generated === undefined ? {} : { webhookSecret: generated }) });
      },
    );
    app.put(
      '/v1/notification-rules/:id',
      {
        schema: {
          summary: 'Replace a notification rule (the webhook secret is kept unless sent)',
          security,
          params: idParams,
          body: ruleBody,
          response: { 200: ruleOut, 404: errorBody },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const rule = await updateRule(
          store,
          request.params.id,
          input(b, b.webhookUrl === null ? null : b.webhookSecret),
        );
        return rule === undefined ? reply.code(404).send(notFound(request.params.id)) : out(rule);
      },
    );
    app.delete(
      '/v1/notification-rules/:id',
      {
        schema: {
          summary: 'Delete a notification rule (its deliveries stay)',
          security,
          params: idParams,
          response: { 204: z.null(), 404: errorBody },
        },
      },
      async (request, reply) =>
        (await deleteRule(store, request.params.id))
          ? reply.code(204).send(null)
          : reply.code(404).send(notFound(request.params.id)),
    );
    app.post(
      '/v1/notification-rules/:id/test',
      {
        schema: {
          summary: "Send a test notification on the rule's channels now",
          security,
          params: idParams,
          response: { 202: z.object({ deliveries: z.number() }), 404: errorBody },
        },
      },
      async (request, reply) => {
        const rule = await findRule(store, request.params.id);
        if (rule === undefined) return reply.code(404).send(notFound(request.params.id));
        const now = new Date().toISOString();
        const n = await createDeliveries(
          store,
          `test:${rule.id}:${now}`,
          {
            eventType: 'TEST',
            ruleId: rule.id,
            ruleName: rule.name,
            message: `Test notification of the rule "${rule.name}"`,
            value: null,
            threshold: rule.threshold,
            thresholdType: rule.thresholdType,
            windowStart: null,
            windowEnd: now,
          },
          channelsOf(rule),
        );
        return reply.code(202).send({ deliveries: n });
      },
    );
    app.get(
      '/v1/notification-deliveries',
      {
        schema: {
          summary: 'Notification deliveries, newest first (each notification once per channel)',
          security,
          querystring: z.object({
            rule: z.string().uuid().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: {
            200: z.object({
              deliveries: z.array(
                z.object({
                  id: z.string(),
                  ruleId: z.string().nullable(),
                  ruleName: z.string(),
                  channel: z.string(),
                  eventType: z.string(),
                  state: z.string(),
                  attempts: z.number(),
                  lastError: z.string().nullable(),
                  message: z.string(),
                  createdAt: z.string(),
                  sentAt: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        deliveries: (await listDeliveries(store, request.query.rule, request.query.limit)).map((d) => ({
          id: d.id,
          ruleId: d.ruleId,
          ruleName: d.ruleName,
          channel: d.channel,
          eventType: d.eventType,
          state: d.state,
          attempts: d.attempts,
          lastError: d.lastError,
          message: d.payload.message,
          createdAt: d.createdAt.toISOString(),
          sentAt: d.sentAt?.toISOString() ?? null,
        })),
      }),
    );
  };
