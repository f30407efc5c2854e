// A product rate plan's externallyManagedPlanIds: the ids of the plan in an external catalog (a CPQ
// connector stores the Salesforce Product2 or ProductConsumptionSchedule id there), several per rate plan.
// The store keeps scalar fields only, so the list is kept in the record as a JSON array string; these
// helpers are the only readers and writers of that encoding.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlansByExternalID/
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { StoredRecord, TenantStore } from '../store/tenant-store.js';

export const maxExternalIdLength = 255;

export function externalPlanIds(ratePlan: ZRecord): string[] {
  const raw = ratePlan.ExternallyManagedPlanIds;
  if (typeof raw !== 'string' || !raw.startsWith('['))
    return typeof raw === 'string' && raw !== '' ? [raw] : [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [raw];
  }
}

export function encodeExternalPlanIds(ids: readonly string[]): FieldValue {
  return ids.length === 0 ? null : JSON.stringify([...new Set(ids)]);
}

/** Parses a request's ExternallyManagedPlanIds (an array of non-empty strings); a string on error. */
export function parseExternalPlanIds(value: unknown, field: string): string[] | string {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) return `${field} must be an array of strings`;
  for (const [i, v] of value.entries()) {
    if (typeof v !== 'string' || v.trim() === '' || v.length > maxExternalIdLength)
      return `${field}[${i}] must be a non-empty string of at most ${maxExternalIdLength} characters`;
  }
  return value as string[];
}

/** Rate plans of an entity whose externallyManagedPlanIds contain the id. */
export function ratePlansByExternalId(
  store: TenantStore,
  externalId: string,
  entityId: string | null,
): StoredRecord[] {
  const out: StoredRecord[] = [];
  for (const stored of store.scan('ProductRatePlan', entityId)) {
    if (externalPlanIds(stored.record).includes(externalId)) out.push(stored);
  }
  return out;
}
