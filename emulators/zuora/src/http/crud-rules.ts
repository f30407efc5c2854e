// Per-object rules of the CRUD object API (/v1/object/{object}) beyond field names: required fields,
// parents in the same entity, the catalog rules (SKU, externallyManagedPlanIds, currencies, UOM, tiers)
// and the account/contact rules (currency fixed once set, customer hierarchy, address).
// https://developer.zuora.com/v1-api-reference/older-api/tag/Actions/ (CRUD objects)
import { accountFieldsProblem } from '../accounts/account-fields.js';
import { addressProblem } from '../accounts/address-rules.js';
import {
  chargeProblem,
  productProblem,
  ratePlanProblem,
  unitOfMeasureProblem,
  type CrudProblem,
} from '../catalog/catalog-rules.js';
import { parseChargeTiers, tierCurrencyProblem, type CatalogTier } from '../catalog/charge-tiers.js';
import { isCurrencyCode, ratePlanCurrencies } from '../catalog/currencies.js';
import type { ObjectName } from '../model/object-definitions.js';
import type { FieldValue } from '../model/zuora-record.js';
import type { StoredRecord, TenantStore } from '../store/tenant-store.js';
import { inEntity } from './entity-scope.js';

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
  UnitOfMeasure: ['UomName', 'DecimalPlaces'],
};

const parents: Partial<Record<ObjectName, [string, ObjectName]>> = {
  ProductRatePlan: ['ProductId', 'Product'],
  ProductRatePlanCharge: ['ProductRatePlanId', 'ProductRatePlan'],
  ProductFeature: ['ProductId', 'Product'],
  Contact: ['AccountId', 'Account'],
};

/** Fields fixed once set: "cannot be updated once an order is created" (seed 004) and Zuora's errors. */
const locked: Partial<Record<ObjectName, string[]>> = {
  Account: ['Currency'],
  Subscription: ['Currency'],
  RatePlanCharge: ['BillingPeriod', 'BillCycleType'],
};

const invalid = (message: string): CrudProblem => ({ code: 'INVALID_VALUE', message });

export interface CreatePlan {
  tiers: CatalogTier[];
}

/** Checks a create request (and completes defaults such as a generated SKU); the problem, or the tiers to add. */
export function createProblem(
  store: TenantStore,
  object: ObjectName,
  fields: Record<string, FieldValue>,
  body: Record<string, unknown>,
  entityId: string | null,
): CrudProblem | CreatePlan {
  for (const f of required[object] ?? [])
    if (fields[f] === undefined || fields[f] === null || fields[f] === '')
      return { code: 'MISSING_REQUIRED_VALUE', message: `${object}.${f} is required` };
  const parent = parents[object];
  if (parent !== undefined && !inEntity(store.get(parent[1], String(fields[parent[0]])), entityId))
    return invalid(`${object}.${parent[0]}: no ${parent[1]} with id ${String(fields[parent[0]])}`);
  const entity = entityId ?? store.defaultEntityId;
  const tiers = object === 'ProductRatePlanCharge' ? parseChargeTiers(body) : [];
  if (typeof tiers === 'string') return invalid(tiers);
  const problem = objectProblem(store, object, fields, body, entity, tiers);
  return problem ?? { tiers };
}

function objectProblem(
  store: TenantStore,
  object: ObjectName,
  fields: Record<string, FieldValue>,
  body: Record<string, unknown>,
  entity: string,
  tiers: CatalogTier[],
): CrudProblem | undefined {
  switch (object) {
    case 'Product':
      return productProblem(store, fields, entity);
    case 'ProductRatePlan':
      return ratePlanProblem(fields, body, true);
    case 'UnitOfMeasure':
      return unitOfMeasureProblem(store, fields);
    case 'ProductRatePlanCharge': {
      const problem = chargeProblem(store, fields, tiers);
      if (problem !== undefined) return problem;
      const plan = store.get('ProductRatePlan', String(fields.ProductRatePlanId));
      const stray =
        plan === undefined ? undefined : tierCurrencyProblem(tiers, ratePlanCurrencies(store, plan.record));
      return stray === undefined ? undefined : invalid(stray);
    }
    case 'Account': {
      if (!isCurrencyCode(fields.Currency))
        return invalid(`Account.Currency '${String(fields.Currency)}' is not a valid currency code`);
      const p = accountFieldsProblem(store, fields, entity, undefined, 'Account');
      return p === undefined ? undefined : invalid(p.message);
    }
    case 'Contact': {
      const message = addressProblem({ country: fields.Country, state: fields.State }, 'Contact', false);
      return message === undefined ? undefined : invalid(message);
    }
    default:
      return undefined;
  }
}

/** Checks an update of a stored record. */
export function updateProblem(
  store: TenantStore,
  object: ObjectName,
  stored: StoredRecord,
  fields: Record<string, FieldValue>,
  body: Record<string, unknown>,
): CrudProblem | undefined {
  for (const f of locked[object] ?? []) {
    const was = stored.record[f] ?? null;
    if (fields[f] !== undefined && was !== null && fields[f] !== was)
      return {
        code: 'CANNOT_UPDATE',
        message: `${object}.${f} cannot be updated (${String(was)} -> ${String(fields[f])})`,
      };
  }
  const merged = { ...stored.record, ...fields };
  switch (object) {
    case 'Product':
      return productProblem(store, fields, stored.entityId, stored.record.Id);
    case 'ProductRatePlan':
      return ratePlanProblem(fields, body, false);
    case 'UnitOfMeasure':
      return unitOfMeasureProblem(store, fields, stored.record.Id);
    case 'Account': {
      const p = accountFieldsProblem(store, fields, stored.entityId, stored.record.Id, 'Account');
      return p === undefined ? undefined : invalid(p.message);
    }
    case 'Contact': {
      const message = addressProblem({ country: merged.Country, state: merged.State }, 'Contact', false);
      return message === undefined ? undefined : invalid(message);
    }
    default:
      return undefined;
  }
}
