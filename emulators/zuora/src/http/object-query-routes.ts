// Object Query: GET /object-query/{objects}[/{key}] with fields[] (or <object>.fields[]), filter[],
// expand[] with <expand>.fields[], one sort[], pageSize (1..99, default 10) and cursor; answers
// { data, nextPage }. Expanded children are capped at pageSize per parent (Zuora's documented limitation).
// Parameter names and field names are matched case-insensitively, as the guide's `billto.fields[]=firstname`.
// https://developer.zuora.com/docs/guides/expand-filter-fields-sort
import type { FastifyInstance, FastifyReply } from 'fastify';
import { kebabName, type ObjectName } from '../model/object-definitions.js';
import type { ZRecord } from '../model/zuora-record.js';
import { compareValues } from '../query/compare-values.js';
import { ChildIndex, relationsOf, type Relation } from '../query/relations.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { reason, v1Error } from './errors.js';
import { camel, objectForPath } from './object-query-names.js';
import {
  paramValues,
  parseFields,
  parseFilter,
  parseSort,
  project,
  QueryParamError,
  type QueryParams,
} from './object-query-params.js';

type Query = QueryParams;

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // falls through to the error below
  }
  throw new QueryParamError(`invalid cursor '${cursor.slice(0, 64)}'`);
}

/** The base object's fields: `fields[]` or `<object>.fields[]` (`account.fields[]`, as the guide writes it). */
function baseFields(object: ObjectName, query: Query): string[] {
  const prefixes = [kebabName(object).replace(/-/g, ''), camel(object)];
  return parseFields(object, paramValues(query, ['fields[]', ...prefixes.map((p) => `${p}.fields[]`)]));
}

export function registerObjectQueryRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const childIndex = new ChildIndex(ctx.store);

  const fail = (reply: FastifyReply, e: unknown): FastifyReply => {
    if (e instanceof QueryParamError)
      return v1Error(reply, 400, [reason('query', 'invalidValue', e.message)]);
    throw e;
  };

  function expansions(object: ObjectName, query: Query): { rel: Relation; fields: string[] }[] {
    const rels = relationsOf(object);
    return paramValues(query, ['expand[]']).map((name) => {
      if (name.includes('.'))
        throw new QueryParamError(`nested expand '${name}' is not supported; expand one level`);
      const rel = rels.find((r) => r.name.toLowerCase() === name.toLowerCase());
      if (rel === undefined) {
        throw new QueryParamError(
          `invalid expand '${name}' for ${object}; expandable: ${rels.map((r) => r.name).join(', ')}`,
        );
      }
      const singular = rel.kind === 'child' ? rel.name.slice(0, -1) : rel.name;
      return {
        rel,
        fields: parseFields(rel.target, paramValues(query, [`${rel.name}.fields[]`, `${singular}.fields[]`])),
      };
    });
  }

  function render(
    stored: ZRecord,
    fields: string[],
    expand: { rel: Relation; fields: string[] }[],
    pageSize: number,
  ): Record<string, unknown> {
    const out: Record<string, unknown> = project(stored, fields);
    for (const { rel, fields: f } of expand) {
      if (rel.kind === 'parent') {
        const id = stored[rel.field];
        const parent = typeof id === 'string' ? ctx.store.get(rel.target, id) : undefined;
        out[rel.name] = parent === undefined ? null : project(parent.record, f);
      } else {
        out[rel.name] = childIndex
          .children(rel.target, rel.field, stored.Id)
          .slice(0, pageSize)
          .map((c) => project(c.record, f));
      }
    }
    return out;
  }

  app.get<{ Params: { objects: string }; Querystring: Query }>(
    '/object-query/:objects',
    async (request, reply) => {
      const object = objectForPath(request.params.objects);
      if (object === undefined)
        return v1Error(reply, 404, [
          reason('query', 'notFound', `unknown object '${request.params.objects}'`),
        ]);
      const scope = entityScope(request, ctx.store);
      if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
      try {
        const q = request.query;
        const pageSizeRaw = Array.isArray(q.pageSize) ? q.pageSize[0] : q.pageSize;
        const pageSize = pageSizeRaw === undefined ? 10 : Number(pageSizeRaw);
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 99) {
          throw new QueryParamError(`pageSize must be an integer from 1 to 99, got '${String(pageSizeRaw)}'`);
        }
        const offset = decodeCursor(Array.isArray(q.cursor) ? q.cursor[0] : q.cursor);
        const fields = baseFields(object, q);
        const filters = paramValues(q, ['filter[]'], true).map((f) => parseFilter(object, f));
        const sort = parseSort(object, paramValues(q, ['sort[]']));
        const sorts = sort === undefined ? [] : [sort];
        const expand = expansions(object, q);
        const rows: ZRecord[] = [];
        for (const stored of ctx.store.scan(object, scope.entityId)) {
          if (filters.every((f) => f(stored.record))) rows.push(stored.record);
        }
        if (sorts.length > 0) {
          rows.sort((a, b) => {
            for (const s of sorts) {
              const c = compareValues(a[s.field] ?? null, b[s.field] ?? null);
              if (c !== null && c !== 0) return c * s.dir;
            }
            return 0;
          });
        }
        const page = rows.slice(offset, offset + pageSize);
        const body: Record<string, unknown> = { data: page.map((r) => render(r, fields, expand, pageSize)) };
        if (offset + pageSize < rows.length)
          body.nextPage = Buffer.from(JSON.stringify({ o: offset + pageSize })).toString('base64url');
        return reply.send(body);
      } catch (e) {
        return fail(reply, e);
      }
    },
  );

  app.get<{ Params: { objects: string; key: string }; Querystring: Query }>(
    '/object-query/:objects/:key',
    async (request, reply) => {
      const object = objectForPath(request.params.objects);
      if (object === undefined)
        return v1Error(reply, 404, [
          reason('query', 'notFound', `unknown object '${request.params.objects}'`),
        ]);
      const scope = entityScope(request, ctx.store);
      if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
      try {
        const key = request.params.key;
        const stored = object === 'Account' ? ctx.store.findAccount(key) : ctx.store.get(object, key);
        if (stored === undefined || (scope.entityId !== null && stored.entityId !== scope.entityId)) {
          return v1Error(reply, 404, [reason('query', 'notFound', `${object} ${key} not found`)]);
        }
        const fields = baseFields(object, request.query);
        return reply.send(render(stored.record, fields, expansions(object, request.query), 99));
      } catch (e) {
        return fail(reply, e);
      }
    },
  );
}
