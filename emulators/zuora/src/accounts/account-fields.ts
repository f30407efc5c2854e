// The account fields of the v1 REST API (create and update) and the checks on their values: bill cycle
// day, payment term defined in the tenant, and the parent account (customer hierarchy: an existing
// account of the same entity, never the account itself or one of its descendants).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Account/
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_Account/
import type { ErrorCategory } from '../http/errors.js';
import type { FieldValue } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';

export interface AccountProblem {
  message: string;
  category: ErrorCategory;
}

type Kind = 'string' | 'boolean' | 'integer';
const fields: Record<string, [field: string, kind: Kind, maxLength?: number]> = {
  name: ['Name', 'string', 255],
  accountNumber: ['AccountNumber', 'string', 70],
  currency: ['Currency', 'string', 3],
  crmId: ['CrmId', 'string', 100],
  notes: ['Notes', 'string', 65535],
  batch: ['Batch', 'string', 50],
  billCycleDay: ['BillCycleDay', 'integer'],
  autoPay: ['AutoPay', 'boolean'],
  paymentTerm: ['PaymentTerm', 'string', 100],
  salesRep: ['SalesRepName', 'string', 50],
  purchaseOrderNumber: ['PurchaseOrderNumber', 'string', 100],
  invoiceDeliveryPrefsEmail: ['InvoiceDeliveryPrefsEmail', 'boolean'],
  invoiceDeliveryPrefsPrint: ['InvoiceDeliveryPrefsPrint', 'boolean'],
  invoiceTemplateId: ['InvoiceTemplateId', 'string', 32],
  communicationProfileId: ['CommunicationProfileId', 'string', 32],
  parentId: ['ParentId', 'string', 32],
  additionalEmailAddresses: ['AdditionalEmailAddresses', 'string', 1200],
};

/** Keys of the REST body handled elsewhere (contacts) or not kept by the emulator. */
const nested = new Set(['billToContact', 'soldToContact', 'soldToSameAsBillTo', 'taxInfo', 'customFields']);

/** The record fields of a REST account body; unknown standard keys are ignored, unknown custom ones refused. */
export function accountRecordFields(
  body: Record<string, unknown>,
  label: string,
): { fields: Record<string, FieldValue> } | AccountProblem {
  const at = (f: string): string => (label === '' ? f : `${label}.${f}`);
  const out: Record<string, FieldValue> = {};
  for (const [key, raw] of Object.entries(body)) {
    if (nested.has(key)) continue;
    const spec = fields[key];
    if (spec === undefined) {
      if (key.endsWith('__c'))
        return { message: `${at(key)} is not a custom field of Account`, category: 'unknownField' };
      continue;
    }
    const value = key === 'additionalEmailAddresses' && Array.isArray(raw) ? raw.join(',') : raw;
    if (value === null) {
      out[spec[0]] = null;
      continue;
    }
    const [field, kind, max] = spec;
    const ok =
      kind === 'string'
        ? typeof value === 'string' && (max === undefined || value.length <= max)
        : kind === 'boolean'
          ? typeof value === 'boolean'
          : typeof value === 'number' && Number.isInteger(value);
    if (!ok)
      return {
        message: `${at(key)} must be ${kind === 'string' ? `a string of at most ${max} characters` : kind === 'boolean' ? 'true or false' : 'an integer'}, got ${JSON.stringify(value).slice(0, 80)}`,
        category: 'invalidValue',
      };
    out[field] = value as FieldValue;
  }
  return { fields: out };
}

/** Checks the values that depend on the tenant; `selfId` is the account being updated. */
export function accountFieldsProblem(
  store: TenantStore,
  f: Record<string, FieldValue>,
  entityId: string | null,
  selfId: string | undefined,
  label: string,
): AccountProblem | undefined {
  const at = (k: string): string => (label === '' ? k : `${label}.${k}`);
  const bcd = f.BillCycleDay;
  if (
    bcd !== undefined &&
    bcd !== null &&
    (typeof bcd !== 'number' || bcd < (selfId === undefined ? 0 : 1) || bcd > 31)
  )
    return {
      message: `${at('billCycleDay')} must be an integer from ${selfId === undefined ? 0 : 1} to 31, got ${JSON.stringify(bcd)}`,
      category: 'invalidValue',
    };
  if (typeof f.PaymentTerm === 'string') {
    const term = f.PaymentTerm;
    if (![...store.scan('PaymentTerm', null)].some((t) => t.record.Name === term))
      return {
        message: `${at('paymentTerm')} '${term}' is not a payment term of the tenant`,
        category: 'invalidValue',
      };
  }
  if (typeof f.ParentId === 'string')
    return parentProblem(store, f.ParentId, entityId, selfId, at('parentId'));
  return undefined;
}

function parentProblem(
  store: TenantStore,
  parentId: string,
  entityId: string | null,
  selfId: string | undefined,
  field: string,
): AccountProblem | undefined {
  const parent = store.get('Account', parentId);
  if (parent === undefined || (entityId !== null && parent.entityId !== entityId))
    return { message: `${field}: no account with id ${parentId}`, category: 'invalidValue' };
  // Walk up from the new parent: reaching the account itself would make a cycle.
  const seen = new Set<string>();
  for (let id: string | undefined = parentId; id !== undefined && !seen.has(id);) {
    if (id === selfId)
      return {
        message: `${field}: account ${parentId} is the account itself or one of its descendants`,
        category: 'ruleRestriction',
      };
    seen.add(id);
    const next: FieldValue | undefined = store.get('Account', id)?.record.ParentId;
    id = typeof next === 'string' ? next : undefined;
  }
  return undefined;
}
