import { textOf } from '../text-of.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import { parseJsonObject } from '../http/sf-reply.js';
import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import { coerceValue } from '../store/coerce-value.js';
import { prepareJsonRecord } from '../store/prepare-json-record.js';
import { RequestError, sfError, type WriteResult } from '../store/sf-error.js';
import { objectOr404 } from './sobject-lookup.js';
import { saveResult } from './save-result.js';

// sObject Collections: create/update/upsert/delete up to 200 records, results in request order,
// optional allOrNone (a failure rolls every record back and the others report
// ALL_OR_NONE_OPERATION_ROLLED_BACK).
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections.htm
// https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-upsert.html

const maxRecords = 200;

const rolledBack = sfError(
  'ALL_OR_NONE_OPERATION_ROLLED_BACK',
  'Record rolled back because not all records were valid and the request was using AllOrNone header',
);

function checkCount(n: number): void {
  if (n > maxRecords) {
    throw new RequestError(
      'EXCEEDED_ID_LIMIT',
      `record limit reached. cannot submit more than ${maxRecords} records into this call`,
    );
  }
}

function recordsOf(body: Record<string, unknown>): Record<string, unknown>[] {
  const records = body.records;
  if (
    !Array.isArray(records) ||
    records.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))
  ) {
    throw new RequestError('JSON_PARSER_ERROR', 'The request body must have a "records" array of objects');
  }
  checkCount(records.length);
  return records as Record<string, unknown>[];
}

function typeOf(
  ctx: EmulatorContext,
  record: Record<string, unknown>,
  index: number,
  fallback?: ObjectDef,
): ObjectDef {
  const attributes = record.attributes as { type?: unknown } | undefined;
  if (typeof attributes?.type !== 'string') {
    if (fallback) return fallback;
    throw new RequestError('INVALID_TYPE', `Record ${index}: attributes.type is required (the sObject type)`);
  }
  const def = ctx.schema.byLower.get(attributes.type.toLowerCase());
  if (!def) throw new RequestError('INVALID_TYPE', `sObject type '${attributes.type}' is not supported.`);
  return def;
}

/** Runs per-record writes with the lock fault and allOrNone semantics. */
export function runCollection(
  ctx: EmulatorContext,
  allOrNone: boolean,
  writes: Array<() => WriteResult>,
  withCreated: boolean,
) {
  const savepoint = ctx.store.begin();
  const results: WriteResult[] = writes.map((write) => {
    if (ctx.faults.lockRowRatio > 0 && Math.random() < ctx.faults.lockRowRatio) {
      return {
        ok: false,
        errors: [
          sfError('UNABLE_TO_LOCK_ROW', 'unable to obtain exclusive access to this record or 1 records'),
        ],
      };
    }
    return write();
  });
  const failed = results.some((r) => !r.ok);
  if (allOrNone && failed) {
    ctx.store.rollback(savepoint);
    return results.map((r) => saveResult(r.ok ? { ok: false, errors: [rolledBack] } : r, withCreated));
  }
  ctx.store.commit();
  return results.map((r) => saveResult(r, withCreated));
}

export function registerCollectionRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/composite/sobjects', async (request) => {
    const body = parseJsonObject(request.body);
    const records = recordsOf(body);
    const prepared = records.map((r, i) => {
      const def = typeOf(ctx, r, i);
      return { def, prepared: prepareJsonRecord(ctx.schema, def, r) };
    });
    return runCollection(
      ctx,
      body.allOrNone === true,
      prepared.map(
        ({ def, prepared: p }) =>
          () =>
            ctx.store.insert(def, p),
      ),
      false,
    );
  });

  app.patch('/composite/sobjects', async (request) => {
    const body = parseJsonObject(request.body);
    const records = recordsOf(body);
    const writes = records.map((r, i) => {
      const def = typeOf(ctx, r, i);
      // Field names are case-insensitive; jsforce sends `id`.
      const idKey = Object.keys(r).find((k) => k.toLowerCase() === 'id');
      const rawId = idKey === undefined ? undefined : r[idKey];
      const rest = Object.fromEntries(Object.entries(r).filter(([k]) => k !== idKey));
      const prepared = prepareJsonRecord(ctx.schema, def, rest);
      return (): WriteResult => {
        if (typeof rawId !== 'string' || !isSalesforceId(rawId)) {
          return {
            ok: false,
            errors: [sfError('MISSING_ARGUMENT', 'Id not specified in an update call', ['Id'])],
          };
        }
        return ctx.store.update(def, normalizeId(rawId), prepared);
      };
    });
    return runCollection(ctx, body.allOrNone === true, writes, false);
  });

  app.patch<{ Params: { type: string; field: string } }>(
    '/composite/sobjects/:type/:field',
    async (request) => {
      const def = objectOr404(ctx, request.params.type);
      const field = def.fieldsByLower.get(request.params.field.toLowerCase());
      if (!field || !(field.externalId || field.name === 'Id' || field.unique)) {
        throw new RequestError(
          'INVALID_FIELD',
          `Field ${request.params.field} is not an External ID or indexed field for ${def.name}`,
        );
      }
      const body = parseJsonObject(request.body);
      const records = recordsOf(body);
      const seen = new Map<string, number>();
      const writes = records.map((r, i) => {
        typeOf(ctx, r, i, def);
        const prepared = prepareJsonRecord(ctx.schema, def, r);
        const at = prepared.fields.indexOf(field);
        const key = at < 0 ? null : (prepared.values[at] ?? null);
        const keyText = key === null ? null : textOf(key).toLowerCase();
        const duplicate = keyText !== null && seen.has(keyText);
        if (keyText !== null && !duplicate) seen.set(keyText, i);
        return (): WriteResult => upsertOne(ctx, def, field, key, duplicate, prepared);
      });
      return runCollection(ctx, body.allOrNone === true, writes, true);
    },
  );

  app.delete<{ Querystring: { ids?: string; allOrNone?: string } }>(
    '/composite/sobjects',
    async (request: FastifyRequest<{ Querystring: { ids?: string; allOrNone?: string } }>) => {
      const ids = (request.query.ids ?? '').split(',').filter((s) => s !== '');
      if (ids.length === 0) throw new RequestError('MISSING_ARGUMENT', 'ids parameter is required');
      checkCount(ids.length);
      const writes = ids.map((raw) => (): WriteResult => {
        if (!isSalesforceId(raw))
          return { ok: false, errors: [sfError('MALFORMED_ID', `malformed id ${raw}`)] };
        const found = ctx.store.locate(normalizeId(raw));
        if (!found)
          return {
            ok: false,
            errors: [sfError('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id')],
          };
        return ctx.store.delete(found.def, [normalizeId(raw)])[0] as WriteResult;
      });
      return runCollection(ctx, request.query.allOrNone === 'true', writes, false);
    },
  );
}

function upsertOne(
  ctx: EmulatorContext,
  def: ObjectDef,
  field: FieldDef,
  key: unknown,
  duplicate: boolean,
  prepared: ReturnType<typeof prepareJsonRecord>,
): WriteResult {
  if (key === null || key === undefined || key === '') {
    return { ok: false, errors: [sfError('MISSING_ARGUMENT', `${field.name} not specified`, [field.name])] };
  }
  if (duplicate) {
    return {
      ok: false,
      errors: [
        sfError('DUPLICATE_EXTERNAL_ID', `Duplicate external id specified: ${textOf(key)}`, [field.name]),
      ],
    };
  }
  const coerced = coerceValue(field, key, false);
  if (!coerced.ok) return { ok: false, errors: [coerced.error] };
  const result = ctx.store.upsert(def, field, coerced.value, prepared);
  if (!result.ok && 'multiple' in result) {
    return {
      ok: false,
      errors: [
        sfError(
          'DUPLICATE_EXTERNAL_ID',
          `${field.name}: more than one record found for external id field: ${result.multiple.join(', ')}`,
          [field.name],
        ),
      ],
    };
  }
  return result;
}
