// The Salesforce API budget gauge: used vs allocation as the last Sforce-Limit-Info header reported it (no
// call of its own), the governor's slow and stop marks, and the Bulk batches used today from GET /limits,
// read at most once every five minutes (one API call) while someone looks at the overview.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm
import type { ApiSyncDeps } from '../api-sync/api-sync-types.js';

export interface ApiBudgetView {
  readonly used: number | null;
  readonly limit: number | null;
  readonly percent: number | null;
  readonly slowAtPercent: number;
  readonly stopAtPercent: number;
  readonly state: 'ok' | 'slow' | 'stop' | 'unknown';
  readonly bulkBatchesUsed: number | null;
  readonly bulkBatchesMax: number | null;
  readonly limitsReadAt: string | null;
}

interface Limits {
  readonly DailyApiRequests?: { Max: number; Remaining: number };
  readonly DailyBulkApiBatches?: { Max: number; Remaining: number };
}

const refreshMs = 5 * 60_000;
let cached: { at: number; limits: Limits } | undefined;

export async function apiBudgetView(
  api: ApiSyncDeps | undefined,
  marks: { slowAtPercent: number; stopAtPercent: number },
  now = Date.now(),
): Promise<ApiBudgetView> {
  if (api !== undefined && (cached === undefined || now - cached.at >= refreshMs)) {
    try {
      const limits = await api.salesforce.request<Limits>(`/services/data/v${api.salesforce.version}/limits`);
      cached = { at: now, limits };
    } catch (err) {
      api.logger.warn({ err }, 'could not read Salesforce /limits for the console');
    }
  }
  const usage = api?.governor.usage();
  const daily = cached?.limits.DailyApiRequests;
  const used = usage?.used ?? (daily === undefined ? null : daily.Max - daily.Remaining);
  const limit = usage?.limit ?? daily?.Max ?? null;
  const percent =
    used === null || limit === null || limit <= 0 ? null : Math.round((used / limit) * 1000) / 10;
  const bulk = cached?.limits.DailyBulkApiBatches;
  return {
    used,
    limit,
    percent,
    slowAtPercent: api?.governor.slowAtPercent ?? marks.slowAtPercent,
    stopAtPercent: api?.governor.stopAtPercent ?? marks.stopAtPercent,
    state:
      percent === null
        ? 'unknown'
        : percent >= (api?.governor.stopAtPercent ?? marks.stopAtPercent)
          ? 'stop'
          : percent >= (api?.governor.slowAtPercent ?? marks.slowAtPercent)
            ? 'slow'
            : 'ok',
    bulkBatchesUsed: bulk === undefined ? null : bulk.Max - bulk.Remaining,
    bulkBatchesMax: bulk?.Max ?? null,
    limitsReadAt: cached === undefined ? null : new Date(cached.at).toISOString(),
  };
}
