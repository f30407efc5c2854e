// Reads the Salesforce schema from SFDX source (objects/<Object>/fields/*.field-meta.xml), the same
// metadata the org and the Salesforce emulator are built from.
// Field metadata reference: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  implicitLength,
  type SalesforceField,
  type SalesforceFieldType,
  type SalesforceObjectSchema,
  type SalesforceSchema,
} from './salesforce-schema.js';

const knownTypes = new Set<string>([
  'Text',
  'TextArea',
  'LongTextArea',
  'Html',
  'Email',
  'Phone',
  'Url',
  'Number',
  'Currency',
  'Percent',
  'Checkbox',
  'Date',
  'DateTime',
  'Picklist',
  'MultiselectPicklist',
  'Lookup',
  'MasterDetail',
  'AutoNumber',
]);

// Standard fields the maps write on standard objects; their metadata is not in source.
// Product2.Name is 255 characters: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_product2.htm
const standardFields: Record<string, SalesforceField[]> = {
  Product2: [
    { name: 'Name', type: 'Text', length: 255 },
    { name: 'Description', type: 'TextArea', length: 4000 },
    { name: 'IsActive', type: 'Checkbox' },
    { name: 'ProductCode', type: 'Text', length: 255 },
  ],
  Account: [{ name: 'Name', type: 'Text', length: 255 }],
};

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (tag) => tag === 'value',
});

type Xml = Record<string, unknown>;

function text(node: Xml, key: string): string | undefined {
  const v = node[key];
  return typeof v === 'string' ? v : undefined;
}

function int(node: Xml, key: string): number | undefined {
  const v = text(node, key);
  return v === undefined ? undefined : Number.parseInt(v, 10);
}

function picklistValues(field: Xml): string[] | undefined {
  const valueSet = field['valueSet'] as Xml | undefined;
  if (!valueSet || text(valueSet, 'restricted') !== 'true') return undefined;
  const definition = valueSet['valueSetDefinition'] as Xml | undefined;
  const values = (definition?.['value'] ?? []) as Xml[];
  return values.map((v) => text(v, 'fullName') ?? '').filter((v) => v !== '');
}

export function parseFieldMeta(xml: string, fileName: string): SalesforceField {
  const field = (parser.parse(xml) as Xml)['CustomField'] as Xml | undefined;
  if (!field) throw new Error(`${fileName}: no <CustomField> root`);
  const name = text(field, 'fullName') ?? fileName.replace(/\.field-meta\.xml$/, '');
  const rawType = text(field, 'type') ?? (text(field, 'formula') ? 'Formula' : 'Other');
  const type: SalesforceFieldType = text(field, 'formula')
    ? 'Formula'
    : knownTypes.has(rawType)
      ? (rawType as SalesforceFieldType)
      : 'Other';
  const length = int(field, 'length') ?? implicitLength[type];
  const precision = int(field, 'precision');
  const scale = int(field, 'scale');
  const referenceTo = text(field, 'referenceTo');
  const values = type === 'Picklist' ? picklistValues(field) : undefined;
  return {
    name,
    type,
    ...(length !== undefined ? { length } : {}),
    ...(precision !== undefined ? { precision } : {}),
    ...(scale !== undefined ? { scale } : {}),
    ...(text(field, 'externalId') === 'true' ? { externalId: true } : {}),
    ...(referenceTo !== undefined ? { referenceTo } : {}),
    ...(values !== undefined ? { picklistValues: values } : {}),
  };
}

function nameField(objectDir: string, objectName: string): SalesforceField | undefined {
  const file = join(objectDir, `${objectName}.object-meta.xml`);
  if (!existsSync(file)) return undefined;
  const object = (parser.parse(readFileSync(file, 'utf8')) as Xml)['CustomObject'] as Xml | undefined;
  const nameNode = object?.['nameField'] as Xml | undefined;
  if (!nameNode) return undefined;
  // Custom object Name fields are Text(80) or AutoNumber (not writable).
  return text(nameNode, 'type') === 'AutoNumber'
    ? { name: 'Name', type: 'AutoNumber' }
    : { name: 'Name', type: 'Text', length: 80 };
}

/** The package's object metadata in this repository, the schema the service writes against. */
export const forceAppObjectsDir = new URL('../../../force-app/main/default/objects', import.meta.url)
  .pathname;

/** Every object folder under `objectsDir` (force-app/main/default/objects). Missing folder: empty schema. */
export function loadForceAppSchema(objectsDir: string): SalesforceSchema {
  const schema = new Map<string, SalesforceObjectSchema>();
  if (!existsSync(objectsDir)) return schema;
  for (const objectName of readdirSync(objectsDir)) {
    const objectDir = join(objectsDir, objectName);
    const fields = new Map<string, SalesforceField>();
    for (const f of standardFields[objectName] ?? []) fields.set(f.name, f);
    const name = nameField(objectDir, objectName);
    if (name) fields.set('Name', name);
    const fieldsDir = join(objectDir, 'fields');
    if (existsSync(fieldsDir)) {
      for (const file of readdirSync(fieldsDir).filter((f) => f.endsWith('.field-meta.xml'))) {
        const field = parseFieldMeta(readFileSync(join(fieldsDir, file), 'utf8'), file);
        fields.set(field.name, field);
      }
    }
    schema.set(objectName, { name: objectName, fields });
  }
  return schema;
}
