import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { datetimeMs } from '../soql/filter-value.js';
import { formatDateTime } from '../store/coerce-value.js';
import { RequestError } from '../store/sf-error.js';
import { objectOr404 } from './sobject-lookup.js';

// sObject Get Updated and Get Deleted, the replication resources. start and end are UTC date-times
// whose seconds are ignored; start must precede end (INVALID_REPLICATION_DATE otherwise); updates
// are found by SystemModstamp for the last 30 days, deletions (the recycle bin, with the delete time
// as deletedDate) for the last 15; more than 600,000 Ids is EXCEEDED_ID_LIMIT.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getupdated.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getdeleted.htm
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_getupdated.htm (rules)
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_getdeleted_getdeletedresult.htm

const minute = 60_000;
const day = 86_400_000;
const MAX_IDS = 600_000;

type Query = { start?: string; end?: string };

function parseTime(name: string, raw: string | undefined): number {
  if (raw === undefined || raw === '')
    throw new RequestError(
      'INVALID_REPLICATION_DATE',
      `The ${name} parameter is required (an ISO 8601 date-time)`,
    );
  // An unencoded `+` in the offset reaches the server as a space.
  const text = raw.replace(' ', '+');
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text)
    ? datetimeMs(text)
    : NaN;
  if (Number.isNaN(ms))
    throw new RequestError('INVALID_REPLICATION_DATE', `${name}: '${raw}' is not a valid ISO 8601 date-time`);
  return Math.floor(ms / minute) * minute;
}

function window(
  ctx: EmulatorContext,
  query: Query,
  days: number,
): { start: number; end: number; covered: number } {
  const start = parseTime('start', query.start);
  const end = parseTime('end', query.end);
  if (start >= end)
    throw new RequestError('INVALID_REPLICATION_DATE', 'startDate must chronologically precede endDate');
  const now = ctx.clock();
  if (start < now - days * day)
    throw new RequestError(
      'INVALID_REPLICATION_DATE',
      `startDate can't be more than ${days} days ago: results are returned for the last ${days} days only`,
    );
  return { start, end, covered: Math.min(end, Math.floor(now / minute) * minute) };
}

function limited<T>(items: T[]): T[] {
  if (items.length > MAX_IDS)
    throw new RequestError(
      'EXCEEDED_ID_LIMIT',
      `More than ${MAX_IDS} Ids found: choose start and end dates closer together`,
    );
  return items;
}

export function registerReplicationRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const replicable = (request: FastifyRequest<{ Params: { type: string } }>) => {
    const def = objectOr404(ctx, request.params.type);
    if (def.isEvent || def.isMetadataType || !def.fieldsByLower.has('systemmodstamp'))
      throw new RequestError('INVALID_TYPE', `${def.name} is not replicateable`);
    return def;
  };

  app.get<{ Params: { type: string }; Querystring: Query }>('/sobjects/:type/updated', async (request) => {
    const def = replicable(request);
    const w = window(ctx, request.query, 30);
    const hits: Array<{ id: string; ms: number }> = [];
    for (const rec of ctx.store.table(def).live.values()) {
      const ms = datetimeMs(String(rec.SystemModstamp));
      if (ms >= w.start && ms < w.end) hits.push({ id: String(rec.Id), ms });
    }
    hits.sort((a, b) => a.ms - b.ms);
    return { ids: limited(hits).map((h) => h.id), latestDateCovered: formatDateTime(w.covered) };
  });

  app.get<{ Params: { type: string }; Querystring: Query }>('/sobjects/:type/deleted', async (request) => {
    const def = replicable(request);
    const w = window(ctx, request.query, 15);
    const table = ctx.store.table(def);
    const deletedRecords: Array<{ id: string; deletedDate: string }> = [];
    for (const rec of table.deleted.values()) {
      const ms = datetimeMs(String(rec.SystemModstamp));
      if (ms >= w.start && ms < w.end)
        deletedRecords.push({ id: String(rec.Id), deletedDate: String(rec.SystemModstamp) });
    }
    deletedRecords.sort((a, b) => datetimeMs(a.deletedDate) - datetimeMs(b.deletedDate));
    const earliest = Math.max(table.lastPurgedMs, ctx.clock() - 15 * day);
    return {
      deletedRecords: limited(deletedRecords),
      earliestDateAvailable: formatDateTime(Math.floor(earliest / minute) * minute),
      latestDateCovered: formatDateTime(w.covered),
    };
  });
}
