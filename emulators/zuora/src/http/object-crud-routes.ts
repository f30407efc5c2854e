// The CRUD object API (/v1/object/{object}[/{id}]) with PascalCase fields: catalog creation (product with
// a unique SKU, product rate plan with ExternallyManagedPlanIds and ActiveCurrencies, product rate plan
// charge with its tiers in ProductRatePlanChargeTierData, units of measure), accounts and contacts. The
// per-object rules live in crud-rules.ts. Answers { Success, Id } or { Success: false, Errors: [{ Code,
// Message }] }; every call acts in the request's entity.
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlanCharge/
import type { FastifyInstance, FastifyReply } from 'fastify';
import { insertChargeTiers } from '../catalog/charge-tiers.js';
import { externalPlanIds } from '../catalog/external-plan-ids.js';
import { findUnitOfMeasure } from '../catalog/units-of-measure.js';
import { kebabName, objectNames, resolveFieldName, type ObjectName } from '../model/object-definitions.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { EmulatorContext } from './context.js';
import { createProblem, updateProblem } from './crud-rules.js';
import { entityScope, inEntity } from './entity-scope.js';

const byPath = new Map(objectNames.map((o) => [kebabName(o), o]));

/** Body keys that are not scalar fields: handled by the object's rules. */
const structured: Partial<Record<ObjectName, string[]>> = {
  ProductRatePlanCharge: ['productrateplanchargetierdata'],
  ProductRatePlan: ['externallymanagedplanids'],
};

const cascade: Partial<Record<ObjectName, [ObjectName, string][]>> = {
  Product: [
    ['ProductRatePlan', 'ProductId'],
    ['ProductFeature', 'ProductId'],
  ],
  ProductRatePlan: [['ProductRatePlanCharge', 'ProductRatePlanId']],
  ProductRatePlanCharge: [['ProductRatePlanChargeTier', 'ProductRatePlanChargeId']],
};

function crudError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ Success: false, Errors: [{ Code: code, Message: message }] });
}

function view(object: ObjectName, r: ZRecord): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
  if (object === 'ProductRatePlan') out.ExternallyManagedPlanIds = externalPlanIds(r);
  return out;
}

function fieldsOf(
  object: ObjectName,
  body: Record<string, unknown>,
): { fields: Record<string, FieldValue> } | { error: string; code: string } {
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(body)) {
    if (structured[object]?.includes(key.toLowerCase())) continue;
    const field = resolveFieldName(object, key);
    if (field === undefined) return { code: 'INVALID_FIELD', error: `${object} has no field '${key}'` };
    if (['Id', 'CreatedDate', 'UpdatedDate', 'CreatedById', 'UpdatedById'].includes(field))
      return { code: 'INVALID_FIELD', error: `${object}.${field} is not writable` };
    if (value !== null && typeof value === 'object')
      return { code: 'INVALID_VALUE', error: `${object}.${field} must be a scalar value` };
    fields[field] = value as FieldValue;
  }
  return { fields };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

export function registerObjectCrudRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const resolve = (name: string): ObjectName | undefined => byPath.get(name.toLowerCase());

  app.post<{ Params: { name: string } }>('/v1/object/:name', async (request, reply) => {
    const object = resolve(request.params.name);
    if (object === undefined)
      return crudError(reply, 404, 'INVALID_TYPE', `unknown object '${request.params.name}'`);
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return crudError(reply, 400, 'INVALID_VALUE', scope.message);
    const body = request.body;
    if (!isObject(body))
      return crudError(reply, 400, 'MALFORMED_REQUEST', 'the request body must be a JSON object');
    const parsed = fieldsOf(object, body);
    if ('error' in parsed) return crudError(reply, 400, parsed.code, parsed.error);
    const plan = createProblem(ctx.store, object, parsed.fields, body, scope.entityId);
    if ('code' in plan) return crudError(reply, 400, plan.code, plan.message);
    const entity = scope.entityId ?? ctx.store.defaultEntityId;
    const record = ctx.store.insert(object, parsed.fields, entity);
    const uom = typeof record.UOM === 'string' ? findUnitOfMeasure(ctx.store, record.UOM) : undefined;
    insertChargeTiers(ctx.store, record, plan.tiers, uom, entity);
    return reply.send({ Success: true, Id: record.Id });
  });

  app.get<{ Params: { name: string; id: string } }>('/v1/object/:name/:id', async (request, reply) => {
    const object = resolve(request.params.name);
    if (object === undefined)
      return crudError(reply, 404, 'INVALID_TYPE', `unknown object '${request.params.name}'`);
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return crudError(reply, 400, 'INVALID_VALUE', scope.message);
    const stored = ctx.store.get(object, request.params.id);
    if (!inEntity(stored, scope.entityId))
      return crudError(reply, 404, 'INVALID_ID', `${object} ${request.params.id} does not exist`);
    return reply.send(view(object, stored.record));
  });

  app.put<{ Params: { name: string; id: string } }>('/v1/object/:name/:id', async (request, reply) => {
    const object = resolve(request.params.name);
    if (object === undefined)
      return crudError(reply, 404, 'INVALID_TYPE', `unknown object '${request.params.name}'`);
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return crudError(reply, 400, 'INVALID_VALUE', scope.message);
    const stored = ctx.store.get(object, request.params.id);
    if (!inEntity(stored, scope.entityId))
      return crudError(reply, 404, 'INVALID_ID', `${object} ${request.params.id} does not exist`);
    const body = request.body;
    if (!isObject(body))
      return crudError(reply, 400, 'MALFORMED_REQUEST', 'the request body must be a JSON object');
    const parsed = fieldsOf(object, body);
    if ('error' in parsed) return crudError(reply, 400, parsed.code, parsed.error);
    const problem = updateProblem(ctx.store, object, stored, parsed.fields, body);
    if (problem !== undefined) return crudError(reply, 400, problem.code, problem.message);
    ctx.store.update(object, request.params.id, parsed.fields);
    return reply.send({ Success: true, Id: request.params.id });
  });

  app.delete<{ Params: { name: string; id: string } }>('/v1/object/:name/:id', async (request, reply) => {
    const object = resolve(request.params.name);
    if (object === undefined)
      return crudError(reply, 404, 'INVALID_TYPE', `unknown object '${request.params.name}'`);
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return crudError(reply, 400, 'INVALID_VALUE', scope.message);
    if (!inEntity(ctx.store.get(object, request.params.id), scope.entityId))
      return crudError(reply, 404, 'INVALID_ID', `${object} ${request.params.id} does not exist`);
    const remove = (o: ObjectName, id: string): void => {
      for (const [child, field] of cascade[o] ?? []) {
        for (const c of [...ctx.store.scan(child, null)].filter((s) => s.record[field] === id))
          remove(child, c.record.Id);
      }
      ctx.store.delete(o, id);
    };
    remove(object, request.params.id);
    return reply.send({ success: true, id: request.params.id });
  });
}
