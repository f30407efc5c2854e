// What an org already holds before the package is deployed: other applications' custom objects and fields
// (possibly under the package's API names, with other definitions), child relationship names already taken on
// a parent, and Apex classes and triggers. Lets a test plant the collisions `zuora-sync package check-org`
// must find. Every org has the ApexClass and ApexTrigger objects (queryable through the REST API:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_apexclass.htm),
// so they exist here even when nothing is planted.
import { makeSalesforceId } from '../../../shared/salesforce-id.js';
import {
  indexObject,
  makeField,
  type FieldDef,
  type FieldType,
  type ObjectDef,
  type Schema,
} from '../schema/schema-types.js';
import { customKeyPrefix } from '../schema/key-prefix.js';
import { systemFields } from '../schema/system-fields.js';

export interface OrgFieldSpec {
  readonly name: string;
  readonly type: FieldType;
  readonly label?: string;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly externalId?: boolean;
  readonly unique?: boolean;
  readonly referenceTo?: string;
  /** The child relationship's name seen from the parent, with its `__r`. */
  readonly childRelationshipName?: string;
  readonly masterDetail?: boolean;
  readonly autoNumber?: boolean;
}

export interface OrgObjectSpec {
  readonly name: string;
  readonly label: string;
  readonly labelPlural?: string;
  readonly fields: readonly OrgFieldSpec[];
}

export interface OrgApexSpec {
  readonly name: string;
  readonly body: string;
  readonly namespacePrefix?: string | null;
}

export interface OrgMetadata {
  /** Objects of the org; one named like a package object replaces the package's definition. */
  readonly objects?: readonly OrgObjectSpec[];
  /** Fields on objects that exist (standard or the package's); one named like a field replaces it. */
  readonly fields?: readonly (OrgFieldSpec & { readonly object: string })[];
  readonly apexClasses?: readonly OrgApexSpec[];
  readonly apexTriggers?: readonly OrgApexSpec[];
}

function toField(spec: OrgFieldSpec): FieldDef {
  const numeric = ['double', 'currency', 'percent', 'int'].includes(spec.type);
  return makeField({
    name: spec.name,
    label: spec.label ?? spec.name,
    type: spec.type,
    length: spec.length ?? (spec.type === 'reference' ? 18 : numeric || spec.type === 'boolean' ? 0 : 255),
    precision: spec.precision ?? (numeric ? 18 : 0),
    scale: spec.scale ?? 0,
    externalId: spec.externalId ?? false,
    unique: spec.unique ?? false,
    referenceTo: spec.referenceTo === undefined ? [] : [spec.referenceTo],
    relationshipName: spec.type === 'reference' ? spec.name.replace(/__c$/, '__r') : null,
    childRelationshipName: spec.childRelationshipName ?? null,
    cascadeDelete: spec.masterDetail ?? false,
    autoNumber: spec.autoNumber ?? false,
  });
}

function apexObject(name: string, keyPrefix: string): ObjectDef {
  const readOnly = { createable: false, updateable: false, custom: false };
  return indexObject({
    name,
    label: name.replace('Apex', 'Apex '),
    labelPlural: `${name.replace('Apex', 'Apex ')}es`,
    keyPrefix,
    custom: false,
    isEvent: false,
    isMetadataType: false,
    fields: [
      ...systemFields({ owner: false }),
      makeField({ name: 'Name', type: 'string', length: 255, ...readOnly }),
      makeField({ name: 'NamespacePrefix', type: 'string', length: 15, ...readOnly }),
      makeField({ name: 'Body', type: 'textarea', length: 1_000_000, ...readOnly }),
      makeField({ name: 'ApiVersion', type: 'double', precision: 18, scale: 1, ...readOnly }),
      makeField({
        name: 'Status',
        type: 'picklist',
        length: 40,
        picklistValues: ['Active', 'Inactive', 'Deleted'],
        ...readOnly,
      }),
    ],
  });
}

function replaceFields(def: ObjectDef, fields: readonly FieldDef[]): ObjectDef {
  const names = new Set(fields.map((f) => f.name.toLowerCase()));
  return indexObject({
    ...def,
    fields: [...def.fields.filter((f) => !names.has(f.name.toLowerCase())), ...fields],
  });
}

/** The org's schema with what it already held, and the Apex records to seed. */
export function withOrgMetadata(
  schema: Schema,
  metadata: OrgMetadata = {},
): { schema: Schema; records: Map<string, Record<string, unknown>[]> } {
  const byLower = new Map(schema.byLower);
  const taken = new Set(schema.objects.map((o) => o.keyPrefix));
  for (const [name, prefix] of [
    ['ApexClass', '01p'],
    ['ApexTrigger', '01q'],
  ] as const) {
    if (!byLower.has(name.toLowerCase())) byLower.set(name.toLowerCase(), apexObject(name, prefix));
  }
  for (const spec of metadata.objects ?? []) {
    const prefix = byLower.get(spec.name.toLowerCase())?.keyPrefix ?? customKeyPrefix(spec.name, taken);
    taken.add(prefix);
    byLower.set(
      spec.name.toLowerCase(),
      indexObject({
        name: spec.name,
        label: spec.label,
        labelPlural: spec.labelPlural ?? spec.label,
        keyPrefix: prefix,
        custom: spec.name.endsWith('__c'),
        isEvent: false,
        isMetadataType: false,
        fields: [
          ...systemFields({ owner: true }),
          makeField({ name: 'Name', type: 'string', length: 80 }),
          ...spec.fields.map(toField),
        ],
      }),
    );
  }
  for (const field of metadata.fields ?? []) {
    const def = byLower.get(field.object.toLowerCase());
    if (def === undefined) throw new Error(`org metadata: no object ${field.object} for field ${field.name}`);
    byLower.set(def.name.toLowerCase(), replaceFields(def, [toField(field)]));
  }
  const objects = [...byLower.values()];
  const apex = (specs: readonly OrgApexSpec[] | undefined, prefix: string) =>
    (specs ?? []).map((spec, i) => ({
      Id: makeSalesforceId(prefix, i + 1),
      Name: spec.name,
      NamespacePrefix: spec.namespacePrefix ?? null,
      Body: spec.body,
      ApiVersion: 62,
      Status: 'Active',
    }));
  return {
    schema: { objects, byLower, byKeyPrefix: new Map(objects.map((o) => [o.keyPrefix, o])) },
    records: new Map([
      ['ApexClass', apex(metadata.apexClasses, '01p')],
      ['ApexTrigger', apex(metadata.apexTriggers, '01q')],
    ]),
  };
}
