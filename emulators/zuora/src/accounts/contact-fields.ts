// A contact in the v1 REST shape (camelCase, custom fields as `name__c` keys) and its stored record
// fields, with the documented maximum lengths. Unknown standard keys are ignored, as Zuora ignores
// unknown request fields by default; an unknown custom field is refused.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateContact/
import type { FieldValue, ZRecord } from '../model/zuora-record.js';

const fields: Record<string, [field: string, maxLength: number]> = {
  firstName: ['FirstName', 100],
  lastName: ['LastName', 100],
  nickname: ['NickName', 100],
  address1: ['Address1', 255],
  address2: ['Address2', 255],
  city: ['City', 40],
  state: ['State', 40],
  county: ['County', 32],
  country: ['Country', 64],
  zipCode: ['PostalCode', 20],
  taxRegion: ['TaxRegion', 32],
  workEmail: ['WorkEmail', 74],
  personalEmail: ['PersonalEmail', 74],
  workPhone: ['WorkPhone', 40],
  homePhone: ['HomePhone', 40],
  mobilePhone: ['MobilePhone', 100],
  otherPhone: ['OtherPhone', 40],
  otherPhoneType: ['OtherPhoneType', 20],
  fax: ['Fax', 40],
  contactDescription: ['Description', 100],
  crmId__c: ['crmId__c', 255],
  crmOrderId__c: ['crmOrderId__c', 255],
};

export type ContactProblem = {
  field: string;
  message: string;
  category: 'invalidValue' | 'missingRequired' | 'unknownField';
};

/**
 * The record fields of a REST contact body. `label` prefixes field names in messages (e.g.
 * "billToContact"); `partial` (updates) does not require firstName and lastName.
 */
export function contactRecordFields(
  body: unknown,
  label: string,
  partial: boolean,
): { fields: Record<string, FieldValue> } | ContactProblem {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { field: label, message: `${label} must be a JSON object`, category: 'invalidValue' };
  const out: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const spec = fields[key];
    if (spec === undefined) {
      if (key.endsWith('__c'))
        return {
          field: `${label}.${key}`,
          message: `${label}.${key} is not a custom field of Contact`,
          category: 'unknownField',
        };
      continue;
    }
    if (value !== null && typeof value !== 'string')
      return {
        field: `${label}.${key}`,
        message: `${label}.${key} must be a string`,
        category: 'invalidValue',
      };
    if (typeof value === 'string' && value.length > spec[1])
      return {
        field: `${label}.${key}`,
        message: `${label}.${key} must be at most ${spec[1]} characters (got ${value.length})`,
        category: 'invalidValue',
      };
    out[spec[0]] = value;
  }
  if (!partial)
    for (const key of ['firstName', 'lastName']) {
      const v = out[fields[key]?.[0] ?? ''];
      if (typeof v !== 'string' || v.trim() === '')
        return {
          field: `${label}.${key}`,
          message: `${label}.${key} is required`,
          category: 'missingRequired',
        };
    }
  return { fields: out };
}

/** The REST view of a stored contact. */
export function contactView(c: ZRecord): Record<string, unknown> {
  const view: Record<string, unknown> = { id: c.Id, accountId: c.AccountId };
  for (const [key, [field]] of Object.entries(fields)) view[key] = c[field] ?? null;
  return view;
}

/** The country and state of a contact body in record fields, for the address rules. */
export function addressOf(record: Record<string, FieldValue>): {
  country: FieldValue | undefined;
  state: FieldValue | undefined;
} {
  return { country: record.Country, state: record.State };
}
