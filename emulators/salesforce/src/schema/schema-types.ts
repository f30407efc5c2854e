// The emulator's view of an org schema: the subset of describe metadata that drives validation,
// SOQL and the describe resources.

/** Field types as the REST describe names them (`DescribeFieldResult.type`). */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'double'
  | 'currency'
  | 'percent'
  | 'int'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'picklist'
  | 'multipicklist'
  | 'email'
  | 'phone'
  | 'url'
  | 'reference'
  /** Compound address (`BillingAddress`): read-only, composed from its component fields. */
  | 'address';

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  precision: number;
  scale: number;
  /** Required on create (not nillable, createable, no default). */
  required: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  picklistValues: string[];
  restrictedPicklist: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  /** The child relationship seen from the parent (`OrderItems`, `Invoices__r`), as metadata names it; null: none declared. */
  childRelationshipName: string | null;
  /** Master-detail: deleting the parent deletes the child. */
  cascadeDelete: boolean;
  createable: boolean;
  updateable: boolean;
  calculated: boolean;
  autoNumber: boolean;
  /** For AutoNumber fields: the display format, e.g. `SH-{0000}`. */
  displayFormat: string | null;
  defaultValue: string | number | boolean | null;
  custom: boolean;
  htmlFormatted: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  /** Platform event (`__e`): publish-only, not queryable. */
  isEvent: boolean;
  /** Custom metadata type (`__mdt`): read-only through the API. */
  isMetadataType: boolean;
  fields: FieldDef[];
  fieldsByLower: Map<string, FieldDef>;
  /** Lower-cased relationship name (e.g. `account__r`) to its reference field. */
  relationshipsByLower: Map<string, FieldDef>;
}

export interface Schema {
  objects: ObjectDef[];
  byLower: Map<string, ObjectDef>;
  byKeyPrefix: Map<string, ObjectDef>;
}

export function makeField(partial: Partial<FieldDef> & Pick<FieldDef, 'name' | 'type'>): FieldDef {
  return {
    label: partial.name,
    length: 0,
    precision: 0,
    scale: 0,
    required: false,
    unique: false,
    externalId: false,
    caseSensitive: false,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    childRelationshipName: null,
    cascadeDelete: false,
    createable: true,
    updateable: true,
    calculated: false,
    autoNumber: false,
    displayFormat: null,
    defaultValue: null,
    custom: partial.name.endsWith('__c'),
    htmlFormatted: false,
    ...partial,
  };
}

export function indexObject(def: Omit<ObjectDef, 'fieldsByLower' | 'relationshipsByLower'>): ObjectDef {
  const fieldsByLower = new Map(def.fields.map((f) => [f.name.toLowerCase(), f]));
  const relationshipsByLower = new Map<string, FieldDef>();
  for (const f of def.fields) {
    if (f.type === 'reference' && f.relationshipName)
      relationshipsByLower.set(f.relationshipName.toLowerCase(), f);
  }
  return { ...def, fieldsByLower, relationshipsByLower };
}
