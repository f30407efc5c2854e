// ZOQL over REST: POST /v1/action/query { queryString, conf: { batchSize } } and
// POST /v1/action/queryMore { queryLocator }. Batches of 1..2,000 rows (default 2,000); null fields are
// left out of each record; a locator expires after 15 minutes without use.
// https://developer.zuora.com/v1-api-reference/api/operation/Action_POSTquery ;
// https://docs.zuora.com/zuora-platform/integration/apis/soap-api/soap-api-calls/querymore
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { FieldValue } from '../model/zuora-record.js';
import { compileQuery, FieldError, UnknownObjectError } from '../query/compile-query.js';
import { ZoqlSyntaxError } from '../query/zoql-parser.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { faultError } from './errors.js';

interface Locator {
  /** The entity the query ran in: a locator is only valid in that entity. */
  entityId: string | null;
  rows: Record<string, FieldValue>[];
  offset: number;
  batchSize: number;
  lastUsed: number;
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
    const body = request.body as { queryString?: unknown; conf?: { batchSize?: unknown } } | null;
    if (body === null || typeof body !== 'object' || typeof body.queryString !== 'string') {
      return faultError(reply, 400, 'MALFORMED_QUERY', 'queryString is required');
    }
    const batchSize = body.conf?.batchSize ?? 2000;
    if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 2000) {
      return faultError(
        reply,
        400,
        'INVALID_VALUE',
        `conf.batchSize must be an integer from 1 to 2000, got ${JSON.stringify(batchSize)}`,
      );
    }
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return faultError(reply, 400, 'INVALID_VALUE', scope.message);
    let compiled;
    try {
      compiled = compileQuery(ctx.store, body.queryString, false);
    } catch (e) {
      if (e instanceof ZoqlSyntaxError)
        return faultError(
          reply,
          400,
          'MALFORMED_QUERY',
          `You have an error in your ZOQL syntax: ${e.message}`,
        );
      if (e instanceof UnknownObjectError) return faultError(reply, 400, 'INVALID_TYPE', e.message);
      if (e instanceof FieldError) return faultError(reply, 400, 'INVALID_FIELD', e.message);
      throw e;
    }
    const rows: Record<string, FieldValue>[] = [];
    for (const stored of ctx.store.scan(compiled.object, scope.entityId)) {
      if (!compiled.matches(stored.record)) continue;
      const row: Record<string, FieldValue> = {};
      for (const c of compiled.columns) {
        const v = c.getter(stored.record);
        if (v !== null) row[c.label] = v;
      }
      rows.push(row);
    }
    for (const [id, l] of locators)
      if (now() - l.lastUsed > ctx.options.queryLocatorTtlMs) locators.delete(id);
    const id = randomUUID().replace(/-/g, '');
    locators.set(id, { entityId: scope.entityId, rows, offset: 0, batchSize, lastUsed: now() });
    return reply.send(page(locators.get(id) as Locator, id));
  });

  app.post('/v1/action/queryMore', async (request, reply) => {
    const body = request.body as { queryLocator?: unknown } | null;
    if (body === null || typeof body !== 'object' || typeof body.queryLocator !== 'string') {
      return faultError(reply, 400, 'INVALID_VALUE', 'queryLocator is required');
    }
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
        `invalid or expired query locator: ${body.queryLocator}`,
      );
    }
    return reply.send(page(locator, body.queryLocator));
  });
}
