// The shape of a declarative field map: one ObjectMap per Zuora object -> Salesforce object pair.
// Maps are plain data; everything that interprets them (mapRecord, loadOrder, the docs renderer,
// the force-app compatibility test) reads these types.

/** Named value transforms (see transforms/). Omitted: inferred from the Salesforce field's type. */
export const transformNames = [
  'text',
  'picklist',
  'number',
  'boolean',
  'date',
  'datetime',
  'salesforceId',
  'applyDiscountToOneTime',
  'applyDiscountToRecurring',
  'applyDiscountToUsage',
  'applyType',
  'billingTiming',
  'abbreviatedName',
] as const;
export type TransformName = (typeof transformNames)[number];

export type SyncScope = 'accounts' | 'catalog';

/**
 * One Zuora field written to one Salesforce field. `zuora` is a field name, a dotted path into a joined
 * object (`BillToContact.City`, as Zuora's export joins name them), several paths joined by `|`
 * (their non-blank values joined with `join`, default a space), or `@entityId` (the session's entity).
 */
export interface FieldMapping {
  readonly zuora: string;
  readonly salesforce: string;
  readonly transform?: TransformName;
  readonly join?: string;
  /** Why this mapping deviates from the reference table, when it does. */
  readonly note?: string;
}

/** The upsert key: a Zuora value written to a Salesforce External ID field. */
export interface ExternalKey {
  readonly zuora: string;
  readonly salesforce: string;
}

/**
 * A lookup written as an external-ID reference (`CustomerAccount__r.External_Id__c`), so Bulk API
 * resolves the parent by upsert key and children need no Salesforce Ids. `via: 'Id'` means the Zuora
 * value already is a Salesforce Id (CRM Account ID) and is written straight to the lookup field.
 */
export interface ReferenceMapping {
  readonly zuora: string;
  /** The relationship name, e.g. `CustomerAccount__r`. */
  readonly salesforce: string;
  /** The Salesforce object referenced. */
  readonly target: string;
  /** The field of `target` the value is matched on: `Id` or its External ID field. */
  readonly via: string;
  /** With stable subscriptions (one record per subscription number), the Zuora value to match on. */
  readonly stableZuora?: string;
  /** A missing value is a record error with this code instead of an empty lookup. */
  readonly requiredCode?: 'MISSING_CRM_ID';
  /** Written in a second pass after the target has loaded: self references and reference cycles
   *  (billing account <-> default payment method) cannot resolve inside one Bulk job. */
  readonly deferred?: boolean;
}

export interface ObjectMap {
  /** Unique pair name, e.g. `Account:CustomerAccount__c`. */
  readonly name: string;
  readonly zuoraObject: string;
  readonly salesforceObject: string;
  readonly scope: SyncScope;
  /** The reference documentation page this table follows. */
  readonly source: string;
  readonly externalId: ExternalKey;
  /** Alternative upsert key used when subscriptions keep one record across versions. */
  readonly stableExternalId?: ExternalKey;
  readonly fields: readonly FieldMapping[];
  readonly references: readonly ReferenceMapping[];
}

/** Compact field rows: `[zuora, salesforce, transform?]`. Keeps the tables readable as tables. */
export type FieldRow = readonly [string, string, TransformName?];

export function fieldRows(rows: readonly FieldRow[]): FieldMapping[] {
  return rows.map(([zuora, salesforce, transform]) =>
    transform === undefined ? { zuora, salesforce } : { zuora, salesforce, transform },
  );
}

export interface RefOptions {
  readonly stableZuora?: string;
  readonly requiredCode?: 'MISSING_CRM_ID';
  readonly deferred?: boolean;
}

/** A reference by the target's External ID field (default `External_Id__c`). */
export function ref(
  zuora: string,
  salesforce: string,
  target: string,
  via = 'External_Id__c',
  options: RefOptions = {},
): ReferenceMapping {
  return { zuora, salesforce, target, via, ...options };
}

/** The CRM account: Zuora's CrmId is a Salesforce Account Id (DACO-02 when missing). */
export function crmAccountRef(zuora: string): ReferenceMapping {
  return { zuora, salesforce: 'Account__r', target: 'Account', via: 'Id', requiredCode: 'MISSING_CRM_ID' };
}

/** The Salesforce column a reference writes: `Account__c` for a direct Id, else `Rel__r.Key__c`. */
export function referenceColumn(ref: ReferenceMapping): string {
  return ref.via === 'Id' ? ref.salesforce.replace(/__r$/, '__c') : `${ref.salesforce}.${ref.via}`;
}

/** The lookup field behind a relationship name: `CustomerAccount__r` -> `CustomerAccount__c`. */
export function lookupField(ref: ReferenceMapping): string {
  return ref.salesforce.replace(/__r$/, '__c');
}
