import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, sendError } from '../http/sf-reply.js';
import { parseSoql } from '../soql/soql-parser.js';
import type { QueryResult, RecordsResult } from '../soql/query-result.js';
import { runQuery } from '../soql/run-query.js';
import { RequestError } from '../store/sf-error.js';
import { columnMetadata } from './column-metadata.js';
import type { QueryCursors } from './query-cursors.js';
import { queryRecord } from './record-json.js';

// `query` / `queryAll` with `nextRecordsUrl` paging. Batch size defaults to 2,000 and can be set
// from 200 to 2,000 with `Sforce-Query-Options: batchSize=N`.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_queryoptions.htm
// Aggregate results come in one page ("queries that include a GROUP BY clause can't use the query
// locator to get more results"), as `AggregateResult` records without a URL; `COUNT()` answers
// only `totalSize`.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_group_by_considerations.htm

function batchSizeOf(request: FastifyRequest): number {
  const header = String(request.headers['sforce-query-options'] ?? '');
  const m = /batchSize=(\d+)/i.exec(header);
  if (!m) return 2000;
  return Math.min(2000, Math.max(200, Number(m[1])));
}

export function registerQueryRoutes(app: FastifyInstance, ctx: EmulatorContext, cursors: QueryCursors): void {
  const recordsPage = (
    result: RecordsResult,
    start: number,
    batchSize: number,
    version: string,
    cursorId: string | null,
  ) => {
    const end = Math.min(start + batchSize, result.rows.length);
    const records = result.rows
      .slice(start, end)
      .map((r) => queryRecord(ctx.store, result.def, result.columns, r, version));
    const done = end >= result.rows.length;
    const id = done ? null : (cursorId ?? cursors.create(result, batchSize));
    return {
      totalSize: result.totalSize,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${id}-${end}` }),
      records,
    };
  };

  const firstPage = (result: QueryResult, batchSize: number, version: string) => {
    if (result.kind === 'count') return { totalSize: result.totalSize, done: true, records: [] };
    if (result.kind === 'aggregate') {
      const records = result.rows.map((row) => ({ attributes: { type: 'AggregateResult' }, ...row }));
      return { totalSize: records.length, done: true, records };
    }
    return recordsPage(result, 0, batchSize, version, null);
  };

  const handler =
    (includeDeleted: boolean) =>
    async (
      request: FastifyRequest<{ Querystring: { q?: string; columns?: string } }>,
      reply: FastifyReply,
    ) => {
      const soql = request.query.q;
      if (typeof soql !== 'string' || soql.trim() === '')
        return sendError(reply, 400, 'MALFORMED_QUERY', 'A query string has to be specified');
      const result = runQuery(ctx.store, parseSoql(soql), { includeDeleted, soql });
      if (request.query.columns === 'true') return columnMetadata(result);
      return firstPage(result, batchSizeOf(request), apiVersionOf(request.params));
    };
  app.get('/query', handler(false));
  app.get('/queryAll', handler(true));

  const more = async (request: FastifyRequest<{ Params: { locator: string } }>) => {
    const m = /^(01g[0-9A-Za-z]+)-(\d+)$/.exec(request.params.locator);
    const cursor = m ? cursors.get(m[1] as string) : undefined;
    if (!m || !cursor) throw new RequestError('INVALID_QUERY_LOCATOR', 'invalid query locator', 400);
    const start = Number(m[2]);
    if (start > cursor.result.rows.length)
      throw new RequestError('INVALID_QUERY_LOCATOR', 'invalid query locator', 400);
    return recordsPage(cursor.result, start, cursor.batchSize, apiVersionOf(request.params), m[1] as string);
  };
  app.get('/query/:locator', more);
  app.get('/queryAll/:locator', more);
}
