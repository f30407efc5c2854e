// The CRUD object API (/v1/object/{object}[/{id}]) with PascalCase fields, used for catalog creation:
// product, product rate plan (with ExternallyManagedPlanId), product rate plan charge with its tiers
// (ProductRatePlanChargeTierData), including usage charges. Answers { Success, Id } or
// { Success: false, Errors: [{ Code, Message }] }.
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlanCharge/
import type { FastifyInstance, FastifyReply } from 'fastify';
import { kebabName, objectNames, resolveFieldName, type ObjectName } from '../model/object-definitions.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { EmulatorContext } from './context.js';
import { entityScope, inEntity } from './entity-scope.js';

const byPath = new Map(objectNames.map((o) => [kebabName(o), o]));

const required: Partial<Record<ObjectName, string[]>> = {
  Product: ['Name', 'EffectiveStartDate', 'EffectiveEndDate'],
  ProductRatePlan: ['Name', 'ProductId'],
  ProductRatePlanCharge: [
    'Name',
    'ProductRatePlanId',
    'ChargeModel',
    'ChargeType',
    'BillCycleType',
    'TriggerEvent',
  ],
  Feature: ['Name', 'FeatureCode'],
  ProductFeature: ['ProductId', 'FeatureId'],
  Contact: ['AccountId', 'FirstName', 'LastName'],
  Account: ['Name', 'Currency', 'BillCycleDay', 'PaymentTerm'],
};

const parents: Partial<Record<ObjectName, [string, ObjectName]>> = {
  ProductRatePlan: ['ProductId', 'Product'],
  ProductRatePlanCharge: ['ProductRatePlanId', 'ProductRatePlan'],
  ProductFeature: ['ProductId', 'Product'],
  Contact: ['AccountId', 'Account'],
};

const chargeModels = [
  'Flat Fee Pricing',
  'Per Unit Pricing',
  'Tiered Pricing',
  'Volume Pricing',
  'Overage Pricing',
  'Tiered with Overage Pricing',
  'Discount-Fixed Amount',
  'Discount-Percentage',
];
const tieredModels = ['Tiered Pricing', 'Volume Pricing', 'Tiered with Overage Pricing'];
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

function withoutNulls(r: ZRecord): Record<string, FieldValue> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
}

export function registerObjectCrudRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const resolve = (name: string): ObjectName | undefined => byPath.get(name.toLowerCase());

  function fieldsOf(
    object: ObjectName,
    body: Record<string, unknown>,
  ): { fields: Record<string, FieldValue> } | { error: string; code: string } {
    const fields: Record<string, FieldValue> = {};
    for (const [key, value] of Object.entries(body)) {
      if (key === 'ProductRatePlanChargeTierData' && object === 'ProductRatePlanCharge') continue;
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

  type Tier = {
    Currency?: unknown;
    Price?: unknown;
    StartingUnit?: unknown;
    EndingUnit?: unknown;
    PriceFormat?: unknown;
    Tier?: unknown;
    DiscountPercentage?: unknown;
  };

  function tiersOf(body: Record<string, unknown>): Tier[] | string {
    const data = body.ProductRatePlanChargeTierData as { ProductRatePlanChargeTier?: unknown } | undefined;
    if (data === undefined) return [];
    const tiers = data.ProductRatePlanChargeTier;
    if (!Array.isArray(tiers))
      return 'ProductRatePlanChargeTierData.ProductRatePlanChargeTier must be an array';
    for (const [i, t] of (tiers as Tier[]).entries()) {
      if (typeof t !== 'object' || t === null) return `ProductRatePlanChargeTier[${i}] must be an object`;
      if (typeof t.Currency !== 'string') return `ProductRatePlanChargeTier[${i}].Currency is required`;
      if (t.Price !== undefined && typeof t.Price !== 'number')
        return `ProductRatePlanChargeTier[${i}].Price must be a number`;
    }
    return tiers as Tier[];
  }

  app.post<{ Params: { name: string } }>('/v1/object/:name', async (request, reply) => {
    const object = resolve(request.params.name);
    if (object === undefined)
      return crudError(reply, 404, 'INVALID_TYPE', `unknown object '${request.params.name}'`);
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return crudError(reply, 400, 'INVALID_VALUE', scope.message);
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return crudError(reply, 400, 'MALFORMED_REQUEST', 'the request body must be a JSON object');
    const parsed = fieldsOf(object, body as Record<string, unknown>);
    if ('error' in parsed) return crudError(reply, 400, parsed.code, parsed.error);
    const { fields } = parsed;
    for (const f of required[object] ?? []) {
      if (fields[f] === undefined || fields[f] === null || fields[f] === '')
        return crudError(reply, 400, 'MISSING_REQUIRED_VALUE', `${object}.${f} is required`);
    }
    const parent = parents[object];
    if (
      parent !== undefined &&
      !inEntity(ctx.store.get(parent[1], String(fields[parent[0]])), scope.entityId)
    ) {
      return crudError(
        reply,
        400,
        'INVALID_VALUE',
        `${object}.${parent[0]}: no ${parent[1]} with id ${String(fields[parent[0]])}`,
      );
    }
    const tiers = object === 'ProductRatePlanCharge' ? tiersOf(body as Record<string, unknown>) : [];
    if (typeof tiers === 'string') return crudError(reply, 400, 'INVALID_VALUE', tiers);
    if (object === 'ProductRatePlanCharge') {
      const model = String(fields.ChargeModel);
      if (!chargeModels.includes(model))
        return crudError(
          reply,
          400,
          'INVALID_VALUE',
          `ChargeModel '${model}' is not one of ${chargeModels.join(', ')}`,
        );
      if (!['OneTime', 'Recurring', 'Usage'].includes(String(fields.ChargeType)))
        return crudError(reply, 400, 'INVALID_VALUE', `ChargeType must be OneTime, Recurring or Usage`);
      if (fields.ChargeType === 'Recurring' && (fields.BillingPeriod ?? null) === null)
        return crudError(
          reply,
          400,
          'MISSING_REQUIRED_VALUE',
          'ProductRatePlanCharge.BillingPeriod is required for recurring charges',
        );
      if (
        (fields.ChargeType === 'Usage' || model !== 'Flat Fee Pricing') &&
        !model.startsWith('Discount') &&
        (fields.UOM ?? null) === null
      ) {
        return crudError(
          reply,
          400,
          'MISSING_REQUIRED_VALUE',
          `ProductRatePlanCharge.UOM is required for ${model} ${String(fields.ChargeType)} charges`,
        );
      }
      if (
        fields.UOM !== undefined &&
        fields.UOM !== null &&
        ![...ctx.store.scan('UnitOfMeasure', null)].some((u) => u.record.UomName === fields.UOM)
      ) {
        return crudError(
          reply,
          400,
          'INVALID_VALUE',
          `UOM '${String(fields.UOM)}' is not defined in the tenant`,
        );
      }
      if (tieredModels.includes(model) && tiers.length === 0)
        return crudError(
          reply,
          400,
          'MISSING_REQUIRED_VALUE',
          `${model} charges need ProductRatePlanChargeTierData tiers`,
        );
    }
    const entity = scope.entityId ?? ctx.store.defaultEntityId;
    const record = ctx.store.insert(object, fields, entity);
    tiers.forEach((t, i) => {
      ctx.store.insert(
        'ProductRatePlanChargeTier',
        {
          ProductRatePlanChargeId: record.Id,
          Currency: String(t.Currency),
          Price: typeof t.Price === 'number' ? t.Price : null,
          StartingUnit: typeof t.StartingUnit === 'number' ? t.StartingUnit : null,
          EndingUnit: typeof t.EndingUnit === 'number' ? t.EndingUnit : null,
          PriceFormat: typeof t.PriceFormat === 'string' ? t.PriceFormat : 'PerUnit',
          Tier: typeof t.Tier === 'number' ? t.Tier : i + 1,
          DiscountPercentage: typeof t.DiscountPercentage === 'number' ? t.DiscountPercentage : null,
          IsOveragePrice: false,
        },
        entity,
      );
    });
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
    return reply.send(withoutNulls(stored.record));
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
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      return crudError(reply, 400, 'MALFORMED_REQUEST', 'the request body must be a JSON object');
    const parsed = fieldsOf(object, body as Record<string, unknown>);
    if ('error' in parsed) return crudError(reply, 400, parsed.code, parsed.error);
    for (const locked of ['Currency', 'BillingPeriod', 'BillCycleType']) {
      if (
        object !== 'ProductRatePlanCharge' &&
        parsed.fields[locked] !== undefined &&
        parsed.fields[locked] !== stored.record[locked]
      ) {
        return crudError(
          reply,
          400,
          'CANNOT_UPDATE',
          `${object}.${locked} cannot be updated (${String(stored.record[locked])} -> ${String(parsed.fields[locked])})`,
        );
      }
    }
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
