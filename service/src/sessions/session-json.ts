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
  /** Turbo Sync and on-demand: compare with Salesforce and report, writing nothing (compare/). */
  dryRun: z.boolean().optional(),
  /** A dry run that is a drift check: Salesforce read whole (Bulk query), orphans and account checksums. */
  drift: z.boolean().optional(),
  /** Send only the records whose mapped values differ from Salesforce's (a drift repair). */
  skipUnchanged: z.boolean().optional(),
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

const diffCounts = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  deleted: z.number(),
  failed: z.number(),
});
const fieldChange = z.object({ field: z.string(), old: z.unknown(), new: z.unknown() });

/** A dry run's report in the session's counts: per object, a sample of the changes, the cost, the full file. */
export const dryRunReportSchema = z.object({
  objects: z.record(z.string(), diffCounts),
  sample: z.record(
    z.string(),
    z.array(
      z.object({
        key: z.string(),
        salesforceId: z.string().nullable(),
        changes: z.array(fieldChange).readonly(),
      }),
    ),
  ),
  failedSample: z.record(
    z.string(),
    z.array(z.object({ key: z.string(), code: z.string(), message: z.string() })),
  ),
  /** A sample of the records that would be deleted (reports written before it have none). */
  deletedSample: z
    .record(z.string(), z.array(z.object({ key: z.string(), salesforceId: z.string().nullable() })))
    .optional(),
  salesforceCalls: z.number(),
  file: z.string().nullable(),
  /** A drift check: accounts whose checksums differ (both sides), and what reading each object cost. */
  drift: z
    .object({
      accounts: z.record(z.string(), z.object({ zuora: z.string(), salesforce: z.string() })),
      checkedAccounts: z.number(),
      reads: z.record(z.string(), z.object({ records: z.number(), calls: z.number(), pages: z.number() })),
    })
    .optional(),
});
export type DriftPart = NonNullable<z.infer<typeof dryRunReportSchema>['drift']>;
export type DryRunReport = z.infer<typeof dryRunReportSchema>;

export const sessionCountsSchema = z.looseObject({
  objects: z.record(z.string(), objectCounts).optional(),
  durationMs: z.number().optional(),
  zuoraCalls: z.number().optional(),
  salesforceCalls: z.number().optional(),
  results: z.record(z.string(), storedResultSchema).optional(),
  dryRun: dryRunReportSchema.optional(),
  /** Write only what changed (SYNC_SKIP_UNCHANGED=on): records not sent because Salesforce holds them as mapped. */
  skippedUnchanged: z.record(z.string(), z.number()).optional(),
  realtime: z
    .object({
      events: z.number(),
      records: z.number(),
      salesforceCalls: z.number(),
      zuoraCalls: z.number().optional(),
      /** Runs that threw (split to isolate the records at fault) and the Zuora calls they made. */
      failedRuns: z.number().optional(),
      zuoraCallsOnFailures: z.number().optional(),
      /** Events charged a failed attempt: waiting to be tried again, or dead-lettered. */
      retrying: z.number().optional(),
      deadLettered: z.number().optional(),
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
