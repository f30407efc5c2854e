// A Salesforce contact or address as the Zuora contact it becomes (POST /v1/contacts body without the
// account): Street -> address1, City, State/Province -> state, Zip/Postal Code -> zipCode, Country, Email
// -> workEmail, Mobile -> mobilePhone ([ZBC-map] Contact table); crmId__c holds the Salesforce id the
// contact came from, crmOrderId__c the order an address-born contact was made for ([ZBC-zcf]).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-field-mappings-guide
import type { CpqContact } from './cpq-records.js';

export interface ZuoraContactDraft {
  readonly firstName: string;
  readonly lastName: string;
  readonly address1?: string;
  readonly city?: string;
  readonly state?: string;
  readonly zipCode?: string;
  readonly country?: string;
  readonly workEmail?: string;
  readonly mobilePhone?: string;
  readonly workPhone?: string;
  readonly crmId__c?: string;
  readonly crmOrderId__c?: string;
}

export interface SfAddress {
  readonly street: string | null;
  readonly city: string | null;
  readonly state: string | null;
  readonly postalCode: string | null;
  readonly country: string | null;
}

type Prefix = 'Billing' | 'Shipping' | 'Mailing';

/** The address components with one prefix (`BillingStreet`, …) of a record. */
export function addressOf(record: object, p: Prefix): SfAddress {
  const get = (k: string): string | null => {
    const v = (record as Record<string, unknown>)[`${p}${k}`];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  return {
    street: get('Street'),
    city: get('City'),
    state: get('State'),
    postalCode: get('PostalCode'),
    country: get('Country'),
  };
}

export const hasAddress = (a: SfAddress): boolean => Object.values(a).some((v) => v !== null);

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;

/** The address fields of a draft. */
export function addressFields(a: SfAddress): Partial<ZuoraContactDraft> {
  return defined({
    address1: a.street,
    city: a.city,
    state: a.state,
    zipCode: a.postalCode,
    country: a.country,
  }) as Partial<ZuoraContactDraft>;
}

export function contactDraft(c: CpqContact): ZuoraContactDraft {
  return defined({
    firstName: c.FirstName ?? c.LastName,
    lastName: c.LastName,
    ...addressFields(addressOf(c, 'Mailing')),
    workEmail: c.Email,
    mobilePhone: c.MobilePhone,
    workPhone: c.Phone,
    crmId__c: c.Id,
  }) as ZuoraContactDraft;
}

/** A contact made from an address: named `<account name>_billTo` / `_soldTo` as the connector names them. */
export function addressDraft(
  accountName: string,
  role: 'billTo' | 'soldTo',
  a: SfAddress,
  crm: { crmId__c: string; crmOrderId__c?: string },
): ZuoraContactDraft {
  const name = `${accountName}_${role}`.slice(0, 100);
  return { firstName: name, lastName: name, ...addressFields(a), ...crm };
}
