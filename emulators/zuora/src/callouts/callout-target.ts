// A callout notification target as configured through the admin API or `emulator.callouts.configure`.
// Options follow Zuora's callout settings: attempts (default 3, at most 5), minimum interval between
// attempts, Basic auth (preemptive, or challenge-first by default), OAuth 2.0 client credentials, and
// optionally judging success from a JSON `success` field; HMAC signing and custom headers with merge fields
// as on a callout template (see callout-hmac.ts).
// https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/configure-callout-settings
import { z } from 'zod';
import { calloutHmacSchema } from './callout-hmac.js';

export const calloutTargetSchema = z.object({
  id: z.string().min(1).optional(),
  url: z.url(),
  /** Event patterns: 'Account.created', 'Subscription.*', '*.deleted', 'Order.processed' or '*'. */
  events: z
    .array(
      z
        .string()
        .regex(
          /^(\*|[A-Za-z]+)\.(\*|created|updated|deleted|processed)$|^\*$/,
          'use Object.action, Object.*, *.action or *',
        ),
    )
    .min(1),
  attempts: z.number().int().min(1).max(5).optional(),
  retryIntervalMs: z.number().int().min(0).optional(),
  /** Extra random delay per delivery (ms): Zuora does not guarantee delivery order. */
  reorderJitterMs: z.number().int().min(0).max(60_000).default(0),
  parseSuccessField: z.boolean().default(false),
  auth: z
    .discriminatedUnion('type', [
      z.object({
        type: z.literal('basic'),
        username: z.string(),
        password: z.string(),
        preemptive: z.boolean().default(false),
      }),
      z.object({
        type: z.literal('oauth2'),
        tokenUrl: z.url(),
        clientId: z.string(),
        clientSecret: z.string(),
      }),
    ])
    .optional(),
  hmac: calloutHmacSchema.optional(),
  /** Custom callout headers; values may hold merge fields ({{Event.Timestamp}}). */
  headers: z
    .record(z.string().regex(/^[A-Za-z0-9-]+$/, 'expected an HTTP header name'), z.string())
    .optional(),
});

export type CalloutTargetInput = z.input<typeof calloutTargetSchema>;
export type CalloutTarget = z.output<typeof calloutTargetSchema> & { id: string };

export function matchesEvent(target: CalloutTarget, object: string, action: string): boolean {
  return target.events.some((p) => {
    if (p === '*') return true;
    const [o, a] = p.split('.');
    return (o === '*' || o === object) && (a === '*' || a === action);
  });
}
