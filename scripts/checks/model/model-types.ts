// The package's data model as plain data: what the generator renders and the checks compare against.

export type FieldType =
  | { kind: 'Text'; length: number }
  | { kind: 'LongTextArea'; length: number }
  | { kind: 'Number'; precision: number; scale: number }
  | { kind: 'Percent'; precision: number; scale: number }
  | { kind: 'Checkbox'; defaultValue: boolean }
  | { kind: 'Date' }
  | { kind: 'DateTime' }
  | { kind: 'Picklist'; values: readonly string[] }
  | { kind: 'Lookup'; referenceTo: string; relationshipName: string; relationshipLabel: string }
  | { kind: 'MasterDetail'; referenceTo: string; relationshipName: string; relationshipLabel: string };

export interface FieldSpec {
  apiName: string;
  label: string;
  description: string;
  type: FieldType;
  externalId: boolean;
  unique: boolean;
  required: boolean;
}

export interface ObjectSpec {
  apiName: string;
  label: string;
  pluralLabel: string;
  description: string;
  /** Standard objects (Product2) only get custom fields. */
  standard: boolean;
  nameField: { label: string; kind: 'Text' } | { label: string; kind: 'AutoNumber'; format: string };
  /** Main objects get a tab, an "All" list view and a compact layout. */
  main: boolean;
  /** Fields shown in the compact layout and the "All" list view, after Name. */
  highlightFields: readonly string[];
  fields: FieldSpec[];
}

export interface PackageModel {
  objects: ObjectSpec[];
}

export function isRelationship(type: FieldType): type is Extract<FieldType, { referenceTo: string }> {
  return type.kind === 'Lookup' || type.kind === 'MasterDetail';
}
