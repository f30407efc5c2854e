// The JSON columns of sync_sessions, parsed with zod when a row is read back (our own storage is an edge
// like any other): the request's params and the counts a session ended with. Unknown keys are kept, so a
// row written by a newer version still reads.
import { z } from 'zod';

const objectCounts = z.object({
  read: z.number(),
  written: z.number(),
  created: z.number(),
  failed: z.number(),
  deleted: z.number(),
});

/** What a targeted backfill reads again: some billing accounts, some objects, an UpdatedDate range. */
export const backfillSpecSchema = z.object({
  accountIds: z.array(z.string()).optional(),
  objects: z.array(z.string()).optional(),
  since: z.string().optional(),
  until: z.string().optional(),
});

export const sessionParamsSchema = z.looseObject({
  /** Turbo Sync: a backfill session's selection. */
  backfill: backfillSpecSchema.optional(),
  /** Turbo Sync: one Salesforce subscription per number (default) or per version. */
  subscriptionIdentity: z.enum(['number', 'version']).optional(),
  /** Turbo Sync requested by real-time sync falling back. */
  realtimeFallback: z.boolean().optional(),
  /** On-demand: the request, and the Zuora ids this session syncs (requests for them join it). */
  objectType: z.enum(['BILLING_ACCOUNT', 'ZPRODUCT']).optional(),
  source: z.enum(['UI', 'APEX', 'FLOW']).optional(),
  emailNotification: z.boolean().optional(),
  requestedBy: z.object({ userId: z.string(), orgId: z.string() }).optional(),
  objectIds: z.array(z.string()).optional(),
  zuoraIds: z.array(z.string()).optional(),
  /** CPQ orders (service/src/cpq/): the Salesforce orders the session syncs, and whether it only previews. */
  cpq: z
    .object({
      orderIds: z.array(z.string()),
      dryRun: z.boolean(),
      source: z.enum(['UI', 'FLOW', 'APEX', 'CLI', 'POLLER']),
      requestedBy: z.object({ userId: z.string(), orgId: z.string() }).optional(),
    })
    .optional(),
  /** On-demand: a retry of failed records started from the operations console. */
  retry: z.object({ records: z.number() }).optional(),
});
export type SessionParams = z.infer<typeof sessionParamsSchema>;

/** An on-demand session's answer per synced Zuora id, kept for the requests that joined it. */
export const storedResultSchema = z.object({
  salesforceId: z.string().nullable(),
  success: z.boolean(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
});
export type StoredResult = z.infer<typeof storedResultSchema>;

export const sessionCountsSchema = z.looseObject({
  objects: z.record(z.string(), objectCounts).optional(),
  durationMs: z.number().optional(),
  zuoraCalls: z.number().optional(),
  salesforceCalls: z.number().optional(),
  results: z.record(z.string(), storedResultSchema).optional(),
  realtime: z
    .object({
      events: z.number(),
      records: z.number(),
      salesforceCalls: z.number(),
      zuoraCalls: z.number().optional(),
    })
    .optional(),
});
export type SessionCounts = z.infer<typeof sessionCountsSchema>;

/** Parses a JSON column of session `id`; a value that does not fit names the session, column and field. */
export function parseSessionJson<T>(schema: z.ZodType<T>, value: unknown, id: string, column: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${[column, ...i.path].join('.')}: ${i.message}`);
  throw new Error(`sync session ${id} has a malformed ${column} column: ${issues.join('; ')}`);
}
