import { textOf } from '../text-of.js';
import { makeField, type FieldDef, type FieldType } from './schema-types.js';

// Maps an SFDX `*.field-meta.xml` (CustomField) to the describe shape. Type names and defaults follow
// the Metadata API's CustomField reference:
// https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm
// Custom Number fields describe as `double` whatever their scale (REST describe, DescribeFieldResult).

export type FieldXml = Record<string, unknown>;

const simpleTypes: Record<string, { type: FieldType; length?: number }> = {
  Text: { type: 'string' },
  TextArea: { type: 'textarea', length: 255 },
  LongTextArea: { type: 'textarea' },
  Html: { type: 'textarea' },
  EncryptedText: { type: 'string' },
  Number: { type: 'double' },
  Currency: { type: 'currency' },
  Percent: { type: 'percent' },
  Checkbox: { type: 'boolean' },
  Date: { type: 'date' },
  DateTime: { type: 'datetime' },
  Picklist: { type: 'picklist', length: 255 },
  MultiselectPicklist: { type: 'multipicklist', length: 4099 },
  Email: { type: 'email', length: 80 },
  Phone: { type: 'phone', length: 40 },
  Url: { type: 'url', length: 255 },
  Lookup: { type: 'reference', length: 18 },
  MasterDetail: { type: 'reference', length: 18 },
  AutoNumber: { type: 'string', length: 30 },
};

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : textOf(v));
const bool = (v: unknown): boolean => textOf(v) === 'true';
const num = (v: unknown, fallback: number): number => {
  const n = Number(v);
  return v === undefined || Number.isNaN(n) ? fallback : n;
};

function picklistValues(xml: FieldXml): {
  values: string[];
  restricted: boolean;
  defaultValue: string | null;
} {
  const valueSet = xml.valueSet as Record<string, unknown> | undefined;
  const definition = valueSet?.valueSetDefinition as Record<string, unknown> | undefined;
  const raw = definition?.value;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Record<string, unknown>[];
  const values = list.map((v) => textOf(v.fullName));
  const defaultEntry = list.find((v) => bool(v.default));
  // A global value set (valueSetName) is restricted by definition.
  const restricted = bool(valueSet?.restricted) || valueSet?.valueSetName !== undefined;
  return { values, restricted, defaultValue: defaultEntry ? textOf(defaultEntry.fullName) : null };
}

/** Converts one CustomField to a field definition; throws with the file named on an unknown type. */
export function fieldFromXml(xml: FieldXml, file: string): FieldDef {
  const name = str(xml.fullName);
  const xmlType = str(xml.type);
  if (!name) throw new Error(`${file}: <fullName> is missing`);
  if (!xmlType) throw new Error(`${file}: <type> is missing`);
  const mapped = simpleTypes[xmlType];
  if (!mapped) throw new Error(`${file}: field type ${xmlType} is not supported by the emulator`);
  const formula = str(xml.formula);
  const calculated = formula !== undefined;
  const autoNumber = xmlType === 'AutoNumber';
  const masterDetail = xmlType === 'MasterDetail';
  const numeric = ['double', 'currency', 'percent'].includes(mapped.type);
  const picklist = picklistValues(xml);
  const readOnly = calculated || autoNumber;
  let defaultValue: FieldDef['defaultValue'] = picklist.defaultValue;
  const xmlDefault = str(xml.defaultValue);
  if (mapped.type === 'boolean') defaultValue = xmlDefault === 'true';
  else if (xmlDefault !== undefined && /^-?\d+(\.\d+)?$/.test(xmlDefault)) defaultValue = Number(xmlDefault);
  else if (xmlDefault !== undefined && /^(['"]).*\1$/.test(xmlDefault))
    defaultValue = xmlDefault.slice(1, -1);
  return makeField({
    name,
    label: str(xml.label) ?? name,
    type: mapped.type,
    length:
      numeric || mapped.type === 'boolean' ? 0 : num(xml.length, mapped.length ?? (calculated ? 1300 : 255)),
    precision: numeric ? num(xml.precision, 18) : 0,
    scale: numeric ? num(xml.scale, 0) : 0,
    required:
      !readOnly && mapped.type !== 'boolean' && (masterDetail || bool(xml.required)) && defaultValue === null,
    unique: bool(xml.unique),
    externalId: bool(xml.externalId),
    caseSensitive: bool(xml.caseSensitive),
    picklistValues: picklist.values,
    restrictedPicklist: picklist.restricted,
    referenceTo: mapped.type === 'reference' && xml.referenceTo ? [textOf(xml.referenceTo)] : [],
    // The parent relationship is named after the field (`Account__c` -> `Account__r`); the XML's
    // <relationshipName> names the child relationship seen from the parent.
    relationshipName: mapped.type === 'reference' ? name.replace(/__c$/, '__r') : null,
    // A custom relationship's child side is the XML name plus `__r`, as in
    // `SELECT Id, (SELECT Id FROM Sync_Record_Errors__r) FROM Sync_History__c`:
    // https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_and_custom_objects.htm
    childRelationshipName:
      mapped.type === 'reference' && str(xml.relationshipName) ? `${str(xml.relationshipName)}__r` : null,
    cascadeDelete: masterDetail || str(xml.deleteConstraint) === 'Cascade',
    createable: !readOnly,
    updateable: !readOnly && !(masterDetail && !bool(xml.reparentableMasterDetail)),
    calculated,
    autoNumber,
    displayFormat: str(xml.displayFormat) ?? null,
    defaultValue,
    custom: true,
    htmlFormatted: xmlType === 'Html',
  });
}
