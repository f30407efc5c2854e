import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, sendError } from '../http/sf-reply.js';
import { parseSoql } from '../soql/soql-parser.js';
import { runQuery, type QueryResult } from '../soql/run-query.js';
import { RequestError } from '../store/sf-error.js';
import type { QueryCursors } from './query-cursors.js';
import { queryRecord } from './record-json.js';

// `query` / `queryAll` with `nextRecordsUrl` paging. Batch size defaults to 2,000 and can be set
// from 200 to 2,000 with `Sforce-Query-Options: batchSize=N`.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_queryoptions.htm

function batchSizeOf(request: FastifyRequest): number {
  const header = String(request.headers['sforce-query-options'] ?? '');
  const m = /batchSize=(\d+)/i.exec(header);
  if (!m) return 2000;
  return Math.min(2000, Math.max(200, Number(m[1])));
}

function columnMetadata(result: QueryResult) {
  const meta = (name: string, custom: boolean) => ({
    aggregate: false,
    apexType: null,
    booleanType: false,
    columnName: name,
    custom,
    displayName: name,
    foreignKeyName: null,
    insertable: true,
    joinColumns: [] as unknown[],
    numberType: false,
    textType: true,
    updatable: true,
  });
  const top: ReturnType<typeof meta>[] = [];
  for (const c of result.columns) {
    if (!c.relationship) {
      top.push(meta(c.field.name, c.field.custom));
      continue;
    }
    let parent = top.find((t) => t.columnName === c.relationship?.name);
    if (!parent) {
      parent = meta(c.relationship.name, c.relationship.field.custom);
      top.push(parent);
    }
    parent.joinColumns.push(meta(c.field.name, c.field.custom));
  }
  if (result.count && !result.count.bare)
    top.push({ ...meta(result.count.alias ?? 'expr0', false), aggregate: true, displayName: 'count()' });
  return {
    columnMetadata: top,
    entityName: result.def.name,
    groupBy: false,
    idSelected: result.columns.some((c) => c.field.name === 'Id' && !c.relationship),
    keyPrefix: result.def.keyPrefix,
  };
}

export function registerQueryRoutes(app: FastifyInstance, ctx: EmulatorContext, cursors: QueryCursors): void {
  const page = (
    result: QueryResult,
    start: number,
    batchSize: number,
    version: string,
    cursorId: string | null,
  ) => {
    if (result.count) {
      const records = result.count.bare
        ? []
        : [{ attributes: { type: 'AggregateResult' }, [result.count.alias ?? 'expr0']: result.totalSize }];
      return { totalSize: result.count.bare ? result.totalSize : 1, done: true, records };
    }
    const end = Math.min(start + batchSize, result.rows.length);
    const records = result.rows.slice(start, end).map((r) => queryRecord(ctx.store, result, r, version));
    const done = end >= result.rows.length;
    const id = done ? null : (cursorId ?? cursors.create(result, batchSize));
    return {
      totalSize: result.totalSize,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${id}-${end}` }),
      records,
    };
  };

  const handler =
    (includeDeleted: boolean) =>
    async (
      request: FastifyRequest<{ Querystring: { q?: string; columns?: string } }>,
      reply: FastifyReply,
    ) => {
      const soql = request.query.q;
      if (!soql) return sendError(reply, 400, 'MALFORMED_QUERY', 'A query string has to be specified');
      const result = runQuery(ctx.store, parseSoql(soql), { includeDeleted, soql });
      if (request.query.columns === 'true') return columnMetadata(result);
      return page(result, 0, batchSizeOf(request), apiVersionOf(request.params), null);
    };
  app.get('/query', handler(false));
  app.get('/queryAll', handler(true));

  const more = async (request: FastifyRequest<{ Params: { locator: string } }>) => {
    const m = /^(01g[0-9A-Za-z]+)-(\d+)$/.exec(request.params.locator);
    const cursor = m ? cursors.get(m[1] as string) : undefined;
    if (!m || !cursor) throw new RequestError('INVALID_QUERY_LOCATOR', 'invalid query locator', 400);
    return page(cursor.result, Number(m[2]), cursor.batchSize, apiVersionOf(request.params), m[1] as string);
  };
  app.get('/query/:locator', more);
  app.get('/queryAll/:locator', more);
}
