// The schema of an org that runs Zuora 360 (and Zuora Quotes), for the Salesforce emulator: every object and
// field the vendored Zuora 360 mapping tables name, with the namespace kept (`Zuora__CustomerAccount__c`,
// `zqu__ProductRatePlan__c.zqu__ZuoraId__c`). Field types, lengths, picklists and lookups come from this
// package's model of the same field (DESIGN.md: the package mirrors Zuora 360 with the prefix dropped, and
// service/test/mapping/zuora360-field-types.test.ts holds those types to Zuora 360's own WSDL types).
// Pure: generate-zuora360-org.ts writes it, its test compares the committed file.
import { buildPackageModel } from '../model/build-package-model.js';
import { isRelationship, type FieldSpec, type ObjectSpec, type PackageModel } from '../model/model-types.js';
import { cleanDocumentedName } from '../reference/api-names.js';
import type { MappingTable } from '../reference/mapping-tables.js';
import type { SchemaField } from '../reference/schema-types.js';

/** One CustomField as the emulator's metadata reader takes it (the shape of a `.field-meta.xml`). */
export type FieldXml = Record<string, string | boolean | number | object>;

export interface Zuora360Object {
  readonly name: string;
  readonly label: string;
  readonly labelPlural: string;
  /** This package's object the Zuora 360 object corresponds to (the emulator drops it from the org). */
  readonly packageObject: string;
  readonly fields: FieldXml[];
}

export interface Zuora360Org {
  readonly comment: string;
  readonly objects: Zuora360Object[];
}

/**
 * Zuora__SubscriptionChargeTier__c has no table of its own: the history table marks the columns the plain
 * object lacks ("newly added in Zuora__SubscriptionChargeTierHistory__c, but not in Zuora__SubscriptionChargeTier__c").
 */
const DERIVED_TABLES = [
  {
    from: 'Zuora__SubscriptionChargeTierHistory__c',
    documentedObject: 'Zuora__SubscriptionChargeTier__c',
    objectName: 'SubscriptionChargeTier__c',
    without: /not in Zuora__SubscriptionChargeTier__c/,
  },
];

/**
 * Parent lookups the tables leave out but the org has: the WSDL lists the child relationship
 * zqu__Product_RatePlan_Charge_Tier__r on zqu__ProductRatePlanCharge__c, and the plain subscription tier hangs
 * off the plain charge as the history tier (documented) hangs off the history charge.
 */
const UNDOCUMENTED_LOOKUPS: readonly { object: string; field: string; apiName: string }[] = [
  {
    object: 'zqu__ProductRatePlanChargeTier__c',
    field: 'zqu__ProductRatePlanCharge__c',
    apiName: 'ProductRatePlanCharge__c',
  },
  {
    object: 'Zuora__SubscriptionChargeTier__c',
    field: 'Zuora__SubscriptionProductCharge__c',
    apiName: 'SubscriptionProductCharge__c',
  },
];

function withDerivedTables(tables: readonly MappingTable[]): MappingTable[] {
  const derived = DERIVED_TABLES.flatMap((d) =>
    tables
      .filter((t) => t.documentedObject === d.from)
      .map((t) => ({
        ...t,
        documentedObject: d.documentedObject,
        objectName: d.objectName,
        rows: t.rows.filter((row) => !d.without.test(row.note)),
      })),
  );
  return [...tables, ...derived].map((t) => {
    const extra = UNDOCUMENTED_LOOKUPS.filter((l) => l.object === t.documentedObject).map((l) => ({
      zuoraField: 'Parent',
      documentedName: l.field,
      apiName: l.apiName,
      externalId: false,
      note: 'not in the table; see UNDOCUMENTED_LOOKUPS',
    }));
    return extra.length === 0 ? t : { ...t, rows: [...t.rows, ...extra] };
  });
}

/** `Zuora__X__c` -> `Zuora__`; Product2 (a standard object) takes the prefix of its documented fields. */
function namespaceOf(table: MappingTable): string {
  const own = /^(Zuora__|zqu__)/i.exec(table.documentedObject)?.[1];
  if (own) return own.toLowerCase() === 'zqu__' ? 'zqu__' : 'Zuora__';
  const field = table.rows.map((r) => /^(Zuora__|zqu__)/.exec(r.documentedName)?.[1]).find(Boolean);
  return field ?? 'Zuora__';
}

const namespaced = (prefix: string, name: string): string =>
  name.endsWith('__c') ? `${prefix}${name}` : name;

interface Documented {
  readonly prefix: string;
  readonly tables: MappingTable[];
}

function documentedObjects(tables: readonly MappingTable[]): Map<string, Documented> {
  const byObject = new Map<string, Documented>();
  for (const table of tables) {
    const name = table.documentedObject;
    const entry = byObject.get(name) ?? { prefix: namespaceOf(table), tables: [] };
    entry.tables.push(table);
    byObject.set(name, entry);
  }
  return byObject;
}

function fieldXml(
  field: FieldSpec,
  prefix: string,
  externalId: boolean,
  objectNames: ReadonlyMap<string, string>,
): FieldXml {
  const base = { fullName: namespaced(prefix, field.apiName), label: field.label };
  const key = externalId ? { externalId: true } : {};
  const t = field.type;
  if (isRelationship(t)) {
    const target = objectNames.get(t.referenceTo) ?? t.referenceTo;
    return {
      ...base,
      type: 'Lookup',
      referenceTo: target,
      relationshipName: `${prefix}${t.relationshipName}`,
    };
  }
  switch (t.kind) {
    case 'Text':
    case 'LongTextArea':
      return { ...base, ...key, type: t.kind, length: t.length };
    case 'Number':
    case 'Percent':
      return { ...base, ...key, type: t.kind, precision: t.precision, scale: t.scale };
    case 'Checkbox':
      return { ...base, type: 'Checkbox', defaultValue: t.defaultValue ? 'true' : 'false' };
    case 'Picklist':
      return {
        ...base,
        type: 'Picklist',
        valueSet: { valueSetDefinition: { value: t.values.map((v) => ({ fullName: v })) } },
      };
    default:
      return { ...base, type: t.kind };
  }
}

/**
 * The documented columns, then the fields the WSDL of a real Zuora 360 org lists and the tables leave out (the
 * tables omit most keys: Zuora__PaymentTerm__c's only documented column is Name, yet it is upserted on
 * Zuora__External_Id__c), where the package models the same field.
 */
function fieldNames(documented: Documented, wsdl: ReadonlyMap<string, SchemaField> | undefined): string[] {
  const names = documented.tables.flatMap((t) => t.rows).flatMap((row) => (row.apiName ? [row.apiName] : []));
  return [...new Set([...names, ...(wsdl?.keys() ?? [])])].filter((n) => n !== 'Name');
}

function buildObject(
  name: string,
  documented: Documented,
  model: PackageModel,
  schema: ReadonlyMap<string, ReadonlyMap<string, SchemaField>>,
  objectNames: ReadonlyMap<string, string>,
): Zuora360Object {
  const packageName = documented.tables[0]?.objectName ?? name;
  const spec: ObjectSpec | undefined = model.objects.find((o) => o.apiName === packageName);
  if (!spec) throw new Error(`${name}: the package model has no ${packageName}`);
  const rows = new Map(documented.tables.flatMap((t) => t.rows).map((row) => [row.apiName, row] as const));
  const fields: FieldXml[] = [];
  for (const apiName of fieldNames(documented, schema.get(packageName))) {
    const row = rows.get(apiName);
    const field = spec.fields.find((f) => f.apiName === apiName);
    if (!field && row) throw new Error(`${name}: the package model has no ${packageName}.${apiName}`);
    if (!field) continue;
    // Zuora's keys: Zuora__External_Id__c (Zuora__External_Id_Unique__c on taxation items), and zqu__ZuoraId__c on the Zuora Quotes catalog objects (seed 003
    // marks it "(External ID)" on Product2 and ProductRatePlanChargeTier).
    const key =
      (row !== undefined && cleanDocumentedName(row.documentedName).externalId) ||
      apiName === 'External_Id__c' ||
      row?.zuoraField === 'External Id' ||
      (documented.prefix === 'zqu__' && apiName === 'ZuoraId__c');
    fields.push(fieldXml(field, documented.prefix, key, objectNames));
  }
  return { name, label: spec.label, labelPlural: spec.pluralLabel, packageObject: packageName, fields };
}

export function buildZuora360Org(
  mappingTables: readonly MappingTable[],
  schema: ReadonlyMap<string, ReadonlyMap<string, SchemaField>>,
): Zuora360Org {
  const model = buildPackageModel({ mappingTables, schema });
  const documented = documentedObjects(withDerivedTables(mappingTables));
  const objectNames = new Map(
    [...documented].map(([name, d]) => [d.tables[0]?.objectName ?? name, name] as const),
  );
  return {
    comment:
      'Generated by scripts/checks/zuora360/generate-zuora360-org.ts from docs/reference (Zuora 360 mapping tables); do not edit.',
    objects: [...documented].map(([name, d]) => buildObject(name, d, model, schema, objectNames)),
  };
}
