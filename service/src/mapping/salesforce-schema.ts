// What the mapping layer needs to know about the Salesforce side: each object's fields with type,
// size and picklist values. Built from force-app metadata (tests, embedded default) or from a
// describe() of the org (production), so limits are never restated in the maps.

export type SalesforceFieldType =
  | 'Text'
  | 'TextArea'
  | 'LongTextArea'
  | 'Html'
  | 'Email'
  | 'Phone'
  | 'Url'
  | 'Number'
  | 'Currency'
  | 'Percent'
  | 'Checkbox'
  | 'Date'
  | 'DateTime'
  | 'Picklist'
  | 'MultiselectPicklist'
  | 'Lookup'
  | 'MasterDetail'
  | 'AutoNumber'
  | 'Formula'
  | 'Id'
  | 'Other';

export interface SalesforceField {
  readonly name: string;
  readonly type: SalesforceFieldType;
  /** Characters, for text types. */
  readonly length?: number;
  /** Total digits and digits after the decimal point, for Number/Currency/Percent. */
  readonly precision?: number;
  readonly scale?: number;
  readonly externalId?: boolean;
  readonly referenceTo?: string;
  /** Not createable or not updateable for the sync user (from a describe of the org). */
  readonly readOnly?: boolean;
  /** Allowed values of a restricted picklist; absent when any value is accepted. */
  readonly picklistValues?: readonly string[];
}

export interface SalesforceObjectSchema {
  readonly name: string;
  readonly fields: ReadonlyMap<string, SalesforceField>;
}

export type SalesforceSchema = ReadonlyMap<string, SalesforceObjectSchema>;

export function findField(
  schema: SalesforceSchema,
  object: string,
  field: string,
): SalesforceField | undefined {
  return schema.get(object)?.fields.get(field);
}

/** Salesforce's default sizes where metadata leaves them implicit. */
export const implicitLength: Partial<Record<SalesforceFieldType, number>> = {
  TextArea: 255,
  Email: 80,
  Phone: 40,
  Url: 255,
  Picklist: 255,
  MultiselectPicklist: 4099,
};
