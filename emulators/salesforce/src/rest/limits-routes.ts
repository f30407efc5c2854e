import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { DAILY_BULK_BATCHES, DAILY_BULK_V2_QUERY_JOBS } from '../http/api-usage.js';

// `/limits` (Max/Remaining per allocation) and the version/resource directories.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm

export function registerLimitsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/limits', async () => ({
    DailyApiRequests: { Max: ctx.usage.dailyLimit, Remaining: ctx.usage.remaining },
    DailyBulkApiBatches: { Max: DAILY_BULK_BATCHES, Remaining: ctx.usage.batchesRemaining },
    DailyBulkV2QueryJobs: { Max: DAILY_BULK_V2_QUERY_JOBS, Remaining: ctx.usage.queryJobsRemaining },
    DailyBulkV2QueryFileStorageMB: { Max: 976_562, Remaining: 976_562 },
    DailyAsyncApexExecutions: { Max: 250_000, Remaining: 250_000 },
    HourlyPublishedPlatformEvents: {
      Max: 100_000,
      Remaining: 100_000 - [...ctx.events.values()].reduce((n, l) => n + l.length, 0),
    },
    DailyDeliveredPlatformEvents: { Max: 50_000, Remaining: 50_000 },
    DataStorageMB: { Max: 1024, Remaining: 1024 },
  }));

  // Record Count: `?sObjects=Account,Contact` (all objects without the parameter).
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_record_count.htm
  app.get('/limits/recordCount', async (request) => {
    const asked = (request.query as { sObjects?: unknown }).sObjects;
    const names = typeof asked === 'string' ? asked.split(',').map((n) => n.trim().toLowerCase()) : null;
    const defs = ctx.schema.objects.filter(
      (d) => !d.isEvent && (!names || names.includes(d.name.toLowerCase())),
    );
    return { sObjects: defs.map((d) => ({ count: ctx.store.table(d).live.size, name: d.name })) };
  });

  // Recently viewed items: records viewed in the UI, which an API-only org never has.
  // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_recent_items.htm
  app.get('/recent', async () => []);

  app.get('/', async (request) => {
    const v = (request.params as { version: string }).version;
    const base = `/services/data/${v}`;
    return {
      limits: `${base}/limits`,
      sobjects: `${base}/sobjects`,
      query: `${base}/query`,
      queryAll: `${base}/queryAll`,
      composite: `${base}/composite`,
      jobs: `${base}/jobs`,
      search: `${base}/search`,
      parameterizedSearch: `${base}/parameterizedSearch`,
      recent: `${base}/recent`,
    };
  });
}
