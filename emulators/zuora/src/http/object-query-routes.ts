// Object Query: GET /object-query/{objects}[/{key}] with fields[], filter[], expand[], sort[],
// pageSize (1..99, default 10) and cursor; answers { data, nextPage }. Expanded children are capped at
// pageSize per parent (Zuora's documented limitation). https://developer.zuora.com/docs/guides/query-guide
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ObjectName } from '../model/object-definitions.js';
import { objectFields } from '../model/object-definitions.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import { compareValues } from '../query/compile-query.js';
import { ChildIndex, relationsOf, type Relation } from '../query/relations.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { reason, v1Error } from './errors.js';
import { camel, fieldForCamel, objectForPath } from './object-query-names.js';

type Query = Record<string, string | string[] | undefined>;

class QueryParamError extends Error {}

const list = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');

const operators = ['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'SW', 'IN'] as const;

function parseFilter(object: ObjectName, raw: string): (r: ZRecord) => boolean {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z]+):(.*)$/s.exec(raw);
  if (m === null)
    throw new QueryParamError(
      `invalid filter '${raw}': expected field.OPERATOR:value, e.g. accountNumber.EQ:A00000001`,
    );
  const [, name = '', opRaw = '', value = ''] = m;
  const op = opRaw.toUpperCase() as (typeof operators)[number];
  if (!operators.includes(op))
    throw new QueryParamError(
      `invalid filter operator '${opRaw}' in '${raw}': use one of ${operators.join(', ')}`,
    );
  const field = fieldForCamel(object, name);
  if (field === undefined) throw new QueryParamError(`invalid filter field '${name}' for ${object}`);
  const literal = (s: string): FieldValue =>
    s === 'null' ? null : s === 'true' ? true : s === 'false' ? false : s;
  if (op === 'IN') {
    const values = value
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((s) => literal(s.trim()));
    return (r) => values.some((v) => compareValues(r[field] ?? null, v) === 0);
  }
  const v = literal(value);
  if (op === 'SW') return (r) => String(r[field] ?? '').startsWith(value);
  if (v === null) return op === 'EQ' ? (r) => r[field] == null : (r) => r[field] != null;
  const test = {
    EQ: (n: number) => n === 0,
    NE: (n: number) => n !== 0,
    LT: (n: number) => n < 0,
    GT: (n: number) => n > 0,
    LE: (n: number) => n <= 0,
    GE: (n: number) => n >= 0,
  }[op];
  return (r) => {
    const c = compareValues(r[field] ?? null, v);
    return op === 'NE' ? c !== 0 : c !== null && test(c);
  };
}

function parseFields(object: ObjectName, names: string[]): string[] {
  if (names.length === 0) return [...objectFields[object]];
  const fields = names.map((n) => {
    const f = fieldForCamel(object, n);
    if (f === undefined) throw new QueryParamError(`invalid field '${n}' in fields[] for ${object}`);
    return f;
  });
  return fields.includes('Id') ? fields : ['Id', ...fields];
}

function project(record: ZRecord, fields: string[]): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) out[camel(f)] = record[f] ?? null;
  return out;
}

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch {
    // falls through to the error below
  }
  throw new QueryParamError(`invalid cursor '${cursor}'`);
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
    return list(query['expand[]']).map((name) => {
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
        fields: parseFields(rel.target, list(query[`${rel.name}.fields[]`] ?? query[`${singular}.fields[]`])),
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
        const fields = parseFields(object, list(q['fields[]']));
        const filters = list(q['filter[]']).map((f) => parseFilter(object, f));
        const sorts = list(q['sort[]']).map((s) => {
          const m = /^([A-Za-z0-9_]+)\.(ASC|DESC)$/i.exec(s);
          const field = m ? fieldForCamel(object, m[1] ?? '') : undefined;
          if (m === null || field === undefined)
            throw new QueryParamError(`invalid sort '${s}': expected field.ASC or field.DESC`);
          return { field, dir: (m[2] ?? '').toUpperCase() === 'DESC' ? -1 : 1 };
        });
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
        const fields = parseFields(object, list(request.query['fields[]']));
        return reply.send(render(stored.record, fields, expansions(object, request.query), 99));
      } catch (e) {
        return fail(reply, e);
      }
    },
  );
}
