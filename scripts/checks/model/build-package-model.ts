// Builds the package model from the vendored reference tables plus the package's own data (catalog,
// relationships, added fields, type overrides). Pure: the generator renders it, the tests inspect it.

import { fieldsByObject, type MappingRow, type MappingTable } from '../reference/mapping-tables.js';
import type { SchemaField } from '../reference/schema-types.js';
import { chooseFieldType } from './field-typing.js';
import {
  isRelationship,
  type FieldSpec,
  type FieldType,
  type ObjectSpec,
  type PackageModel,
} from './model-types.js';
import { OBJECT_CATALOG, type CatalogEntry } from './object-catalog.js';
import { EXTRA_EXTERNAL_IDS, PACKAGE_FIELDS, type PackageField } from './package-fields.js';
import { RELATIONSHIPS } from './relationships.js';

/** Objects whose records are not Zuora records, so they have no External_Id__c holding a Zuora id. */
const NOT_SYNCED_FROM_ZUORA = new Set(['Sync_History__c', 'Sync_Record_Error__c', 'BillingEntity__c']);
const MAX_LABEL = 40;

export interface ReferenceInputs {
  mappingTables: readonly MappingTable[];
  schema: ReadonlyMap<string, ReadonlyMap<string, SchemaField>>;
}

export function buildPackageModel(inputs: ReferenceInputs): PackageModel {
  const mapped = fieldsByObject(inputs.mappingTables);
  const unknown = [...mapped.keys()].filter(
    (name) => !OBJECT_CATALOG.some((entry) => entry.apiName === name),
  );
  if (unknown.length > 0)
    throw new Error(`Mapping tables name objects missing from OBJECT_CATALOG: ${unknown.join(', ')}`);

  const relationshipNames = new Map<string, Set<string>>();
  const objects = OBJECT_CATALOG.map((entry) =>
    buildObject(entry, mapped.get(entry.apiName), inputs.schema, relationshipNames),
  );
  const catalogNames = new Set<string>([...OBJECT_CATALOG.map((entry) => entry.apiName), 'Account']);
  for (const [key, relationship] of RELATIONSHIPS) {
    if (!catalogNames.has(relationship.referenceTo))
      throw new Error(`${key} points at unknown object ${relationship.referenceTo}`);
  }
  return { objects };
}

function buildObject(
  entry: CatalogEntry,
  mapped: ReadonlyMap<string, MappingRow> | undefined,
  schema: ReferenceInputs['schema'],
  relationshipNames: Map<string, Set<string>>,
): ObjectSpec {
  const drafts: PackageField[] = [];
  const externalIds = new Set<string>();
  for (const [apiName, row] of mapped ?? []) {
    if (apiName === 'Name') continue; // every object has its name field
    // A relationship is labelled after what it points at; Zuora's labels there are ids ("AccountId", "CrmId").
    const label = RELATIONSHIPS.has(`${entry.apiName}.${apiName}`)
      ? humanise(apiName)
      : labelFromZuora(row.zuoraField, apiName);
    drafts.push({ apiName, label, description: describeMapped(row) });
    if (row.externalId) externalIds.add(apiName);
    const extraKey = EXTRA_EXTERNAL_IDS.get(`${entry.apiName}.${apiName}`);
    if (extraKey) {
      externalIds.add(apiName);
      drafts[drafts.length - 1] = { apiName, label, description: `${describeMapped(row)} ${extraKey}` };
    }
  }
  for (const field of PACKAGE_FIELDS.get(entry.apiName) ?? []) {
    const index = drafts.findIndex((draft) => draft.apiName === field.apiName);
    if (index >= 0) drafts[index] = { ...drafts[index], ...field };
    else drafts.push(field);
  }
  if (
    !entry.standard &&
    !NOT_SYNCED_FROM_ZUORA.has(entry.apiName) &&
    !drafts.some((d) => d.apiName === 'External_Id__c')
  ) {
    drafts.push({
      apiName: 'External_Id__c',
      label: 'External Id',
      description: 'Key the sync service upserts on.',
    });
  }

  const fields = drafts.map((draft) =>
    toFieldSpec(entry, draft, externalIds.has(draft.apiName), schema, relationshipNames),
  );
  // A label goes first to the field whose API name it spells ("Effective End Date" -> EffectiveEndDate__c).
  const labels = new Set<string>();
  const spellsOwnName = (field: FieldSpec): boolean =>
    field.label.toLowerCase() === humanise(field.apiName).toLowerCase();
  for (const field of [...fields.filter(spellsOwnName), ...fields.filter((field) => !spellsOwnName(field))]) {
    field.label = uniqueLabel(field, labels);
  }
  return {
    apiName: entry.apiName,
    label: entry.label,
    pluralLabel: entry.pluralLabel,
    description: entry.description,
    standard: entry.standard ?? false,
    nameField: entry.autoNumber
      ? { label: entry.nameLabel ?? `${entry.label} Number`, kind: 'AutoNumber', format: entry.autoNumber }
      : { label: entry.nameLabel ?? `${entry.label} Name`, kind: 'Text' },
    main: entry.main ?? false,
    highlightFields: entry.highlightFields ?? [],
    fields,
  };
}

function toFieldSpec(
  entry: CatalogEntry,
  draft: PackageField,
  documentedExternalId: boolean,
  schema: ReferenceInputs['schema'],
  relationshipNames: Map<string, Set<string>>,
): FieldSpec {
  const relationship = RELATIONSHIPS.get(`${entry.apiName}.${draft.apiName}`);
  let type: FieldType;
  let reason: string;
  if (relationship) {
    const name = relationshipName(entry, draft.apiName, relationship.referenceTo, relationshipNames);
    type = { kind: relationship.kind, referenceTo: relationship.referenceTo, ...name };
    reason = `${relationship.kind === 'MasterDetail' ? 'master-detail' : 'lookup'} to ${relationship.referenceTo}`;
  } else if (draft.type) {
    type = draft.type;
    reason = '';
  } else {
    ({ type, reason } = chooseFieldType(entry.apiName, draft.apiName, schema));
  }
  const isKey = draft.apiName === 'External_Id__c' && !entry.standard;
  const isProductKey = entry.standard === true && draft.apiName === 'ZuoraId__c';
  return {
    apiName: draft.apiName,
    label: draft.label,
    description: [draft.description, reason ? `Type: ${reason}.` : '']
      .filter(Boolean)
      .join(' ')
      .slice(0, 1000),
    type,
    externalId: draft.externalId ?? (documentedExternalId || isKey || isProductKey),
    unique: draft.unique ?? (isKey || isProductKey),
    required: type.kind === 'MasterDetail',
  };
}

function relationshipName(
  entry: CatalogEntry,
  fieldName: string,
  target: string,
  used: Map<string, Set<string>>,
): { relationshipName: string; relationshipLabel: string } {
  const names = used.get(target) ?? new Set<string>();
  used.set(target, names);
  const plural = entry.pluralLabel
    .replace(/&/g, 'and')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  let name = plural;
  let label = entry.pluralLabel;
  if (names.has(name)) {
    const field = fieldName.replace(/__c$/, '').replace(/_+/g, '_');
    name = `${plural}_${field}`;
    label = `${entry.pluralLabel} (${humanise(fieldName)})`;
  }
  names.add(name);
  return { relationshipName: name, relationshipLabel: label.slice(0, MAX_LABEL) };
}

function uniqueLabel(field: FieldSpec, used: Set<string>): string {
  // Zuora's tables reuse labels across the objects they flatten in (three "Effective End Date"s on a charge);
  // the API name tells them apart, and a suffix settles what is left.
  const candidates = [field.label, humanise(field.apiName)].map((label) => label.slice(0, MAX_LABEL).trim());
  let label = candidates.find((candidate) => !used.has(candidate.toLowerCase()));
  if (!label) {
    const suffix = isRelationship(field.type) ? ' (Record)' : ' (2)';
    label = `${(candidates[0] ?? field.apiName).slice(0, MAX_LABEL - suffix.length).trim()}${suffix}`;
  }
  used.add(label.toLowerCase());
  return label;
}

function labelFromZuora(zuoraField: string, apiName: string): string {
  const cleaned = zuoraField
    .replace(/__QT\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '' || /^(N\/A|id|Id|CrmId)$/.test(cleaned)) return humanise(apiName);
  return cleaned.includes(' ') ? cleaned : humanise(cleaned);
}

/** `BillingAccount__c` -> "Billing Account", `Default_Payment_Method__c` -> "Default Payment Method". */
export function humanise(name: string): string {
  return name
    .replace(/__c$/, '')
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/\s+/g, ' ')
    .trim();
}

function describeMapped(row: MappingRow): string {
  const note = row.note ? ` ${row.note.replace(/\s+/g, ' ').trim()}` : '';
  return `Zuora field "${row.zuoraField}" (Zuora 360: ${row.documentedName.replace(/\s*\(External ID\)/i, '')}).${note}`;
}
