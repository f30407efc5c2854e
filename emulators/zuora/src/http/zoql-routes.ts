// ZOQL over REST: POST /v1/action/query { queryString, conf: { batchSize } } and
// POST /v1/action/queryMore { queryLocator, conf }. Batches of 1..2,000 rows (default 2,000); null fields are
// left out of each record and Id is always returned (the documented response to `select AccountNumber,
// BillCycleDay from Account` carries Id); a locator expires after 15 minutes without use. The Action query
// does not serve the Orders or Invoice Settlement objects.
// https://developer.zuora.com/v1-api-reference/api/operation/Action_POSTquery/ ;
// https://developer.zuora.com/v1-api-reference/api/operation/Action_POSTqueryMore/
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ObjectName } from '../model/object-definitions.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import { compileQuery, type CompiledQuery } from '../query/compile-query.js';
import type { QueryErrorKind } from '../query/query-error.js';
import { runQuery } from '../query/run-query.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { faultError } from './errors.js';
import { refuseUnknownFields } from './unknown-fields.js';

interface Locator {
  /** The entity the query ran in: a locator is only valid in that entity. */
  entityId: string | null;
  rows: Record<string, FieldValue>[];
  offset: number;
  batchSize: number;
  lastUsed: number;
}

const faultCodes: Record<QueryErrorKind, string> = {
  syntax: 'MALFORMED_QUERY',
  limit: 'MALFORMED_QUERY',
  object: 'INVALID_TYPE',
  field: 'INVALID_FIELD',
  value: 'INVALID_VALUE',
};

const unsupportedObjects: Partial<Record<ObjectName, string>> = {
  Order: 'Orders',
  OrderLineItem: 'Orders',
  CreditMemo: 'Invoice Settlement',
  CreditMemoItem: 'Invoice Settlement',
  CreditMemoPart: 'Invoice Settlement',
  DebitMemo: 'Invoice Settlement',
  DebitMemoItem: 'Invoice Settlement',
  PaymentPart: 'Invoice Settlement',
  RefundPart: 'Invoice Settlement',
};

function batchSizeOf(conf: unknown, reply: FastifyReply): number | FastifyReply {
  if (conf !== undefined && (conf === null || typeof conf !== 'object' || Array.isArray(conf)))
    return faultError(reply, 400, 'INVALID_VALUE', 'conf must be an object such as { "batchSize": 2000 }');
  const batchSize = (conf as { batchSize?: unknown } | undefined)?.batchSize ?? 2000;
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2000)
    return faultError(
      reply,
      400,
      'INVALID_VALUE',
      `conf.batchSize must be an integer from 1 to 2000, got ${JSON.stringify(batchSize)?.slice(0, 40)}`,
    );
  return batchSize;
}

/** Each matching record with its non-null selected fields, and always its Id. */
function actionRows(query: CompiledQuery, records: ZRecord[]): Record<string, FieldValue>[] {
  const rows: Record<string, FieldValue>[] = [];
  // A record has each field once, however often the query names it.
  const columns = [...new Map(query.columns.map((c) => [c.label, c])).values()];
  for (const record of runQuery(query, records)) {
    const row: Record<string, FieldValue> = {};
    for (const c of columns) {
      const v = c.getter(record);
      if (v !== null) row[c.label] = v;
    }
    row.Id = record.Id ?? null;
    rows.push(row);
  }
  return rows;
}

export function registerZoqlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const locators = new Map<string, Locator>();
  const now = (): number => ctx.options.now().getTime();

  const page = (locator: Locator, id: string): Record<string, unknown> => {
    const records = locator.rows.slice(locator.offset, locator.offset + locator.batchSize);
    locator.offset += records.length;
    locator.lastUsed = now();
    const done = locator.offset >= locator.rows.length;
    if (done) locators.delete(id);
    return { records, size: locator.rows.length, done, ...(done ? {} : { queryLocator: id }) };
  };

  app.post('/v1/action/query', async (request, reply) => {
    const refused = refuseUnknownFields(request, reply, ['queryString', 'conf']);
    if (refused !== undefined) return refused;
    const body = request.body as { queryString?: unknown; conf?: unknown } | null;
    if (body === null || typeof body !== 'object' || typeof body.queryString !== 'string')
      return faultError(reply, 400, 'MALFORMED_QUERY', 'queryString is required and must be a string');
    const batchSize = batchSizeOf(body.conf, reply);
    if (typeof batchSize !== 'number') return batchSize;
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return faultError(reply, 400, 'INVALID_VALUE', scope.message);
    const compiled = compileQuery(ctx.store, body.queryString, 'zoql');
    if (!compiled.ok) {
      const prefix = compiled.error.kind === 'syntax' ? 'You have an error in your ZOQL syntax: ' : '';
      return faultError(reply, 400, faultCodes[compiled.error.kind], `${prefix}${compiled.error.message}`);
    }
    const query = compiled.query;
    const feature = unsupportedObjects[query.object];
    if (feature !== undefined)
      return faultError(
        reply,
        400,
        'INVALID_TYPE',
        `invalid object type: ${query.object} (the Action query does not support the ${feature} feature)`,
      );
    // A look-up by a text field (CrmId = 'a' or CrmId = 'b' ...) reads only the records holding its values.
    const lookup = query.lookup ?? null;
    const scanned =
      lookup === null
        ? [...ctx.store.scan(query.object, scope.entityId)]
        : ctx.store.table(query.object).withValues(lookup.field, lookup.values, scope.entityId);
    const rows = actionRows(
      query,
      scanned.map((x) => x.record),
    );
    for (const [id, l] of locators)
      if (now() - l.lastUsed > ctx.options.queryLocatorTtlMs) locators.delete(id);
    const id = randomUUID().replace(/-/g, '');
    locators.set(id, { entityId: scope.entityId, rows, offset: 0, batchSize, lastUsed: now() });
    return reply.send(page(locators.get(id) as Locator, id));
  });

  app.post('/v1/action/queryMore', async (request, reply) => {
    const refused = refuseUnknownFields(request, reply, ['queryLocator', 'conf']);
    if (refused !== undefined) return refused;
    const body = request.body as { queryLocator?: unknown; conf?: unknown } | null;
    if (body === null || typeof body !== 'object' || typeof body.queryLocator !== 'string')
      return faultError(reply, 400, 'INVALID_VALUE', 'queryLocator is required and must be a string');
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return faultError(reply, 400, 'INVALID_VALUE', scope.message);
    const locator = locators.get(body.queryLocator);
    // A locator of another entity is as unknown as an expired one.
    if (
      locator === undefined ||
      locator.entityId !== scope.entityId ||
      now() - locator.lastUsed > ctx.options.queryLocatorTtlMs
    ) {
      if (locator?.entityId === scope.entityId) locators.delete(body.queryLocator);
      return faultError(
        reply,
        400,
        'INVALID_QUERY_LOCATOR',
        `invalid or expired query locator: ${body.queryLocator.slice(0, 64)}`,
      );
    }
    if (body.conf !== undefined) {
      const batchSize = batchSizeOf(body.conf, reply);
      if (typeof batchSize !== 'number') return batchSize;
      locator.batchSize = batchSize;
    }
    return reply.send(page(locator, body.queryLocator));
  });
}
