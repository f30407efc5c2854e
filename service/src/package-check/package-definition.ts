// What the Salesforce package (force-app, SFDX source format) defines, in the terms an org's describe uses,
// so it can be compared with what a target org already has: objects with their label, name field and key
// field, fields with their describe type and size, relationship names, and Apex classes and triggers.
// Field metadata: https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm
// Describe field types: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_describesobjects_describesobjectresult.htm
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface PackageField {
  readonly object: string;
  readonly name: string;
  /** The describe type (`string`, `double`, `reference`, ...). */
  readonly type: string;
  /** Compared for string and textarea fields only. */
  readonly length: number;
  readonly precision: number;
  readonly scale: number;
  readonly externalId: boolean;
  readonly unique: boolean;
  readonly referenceTo: string | null;
  readonly masterDetail: boolean;
  /** The child relationship as the parent's describe names it (`Invoices__r`). */
  readonly childRelationshipName: string | null;
}

export interface PackageObject {
  readonly name: string;
  /** False for a standard object the package only adds fields to (Product2). */
  readonly defined: boolean;
  readonly label: string | null;
  readonly autoNumberName: boolean;
  /** The unique external id the service upserts on, if the object has one. */
  readonly keyField: string | null;
  readonly fields: readonly PackageField[];
}

export interface PackageApex {
  readonly kind: 'class' | 'trigger';
  readonly name: string;
  readonly body: string;
}

export interface PackageDefinition {
  readonly objects: readonly PackageObject[];
  readonly apex: readonly PackageApex[];
}

const describeTypes: Readonly<Record<string, { type: string; length?: number }>> = {
  Text: { type: 'string' },
  TextArea: { type: 'textarea', length: 255 },
  LongTextArea: { type: 'textarea' },
  Html: { type: 'textarea' },
  EncryptedText: { type: 'encryptedstring' },
  Email: { type: 'email', length: 80 },
  Phone: { type: 'phone', length: 40 },
  Url: { type: 'url', length: 255 },
  Number: { type: 'double' },
  Currency: { type: 'currency' },
  Percent: { type: 'percent' },
  Checkbox: { type: 'boolean' },
  Date: { type: 'date' },
  DateTime: { type: 'datetime' },
  Picklist: { type: 'picklist', length: 255 },
  MultiselectPicklist: { type: 'multipicklist', length: 4099 },
  Lookup: { type: 'reference', length: 18 },
  MasterDetail: { type: 'reference', length: 18 },
  AutoNumber: { type: 'string', length: 30 },
};

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });
type Xml = Record<string, unknown>;

function readXml(file: string, root: string): Xml {
  const parsed = parser.parse(readFileSync(file, 'utf8')) as Xml;
  const node = parsed[root];
  return typeof node === 'object' && node !== null ? (node as Xml) : {};
}

const text = (xml: Xml, key: string): string | null => (typeof xml[key] === 'string' ? xml[key] : null);
const number = (xml: Xml, key: string, fallback: number): number => {
  const value = Number(text(xml, key) ?? Number.NaN);
  return Number.isFinite(value) ? value : fallback;
};

function readField(object: string, file: string): PackageField {
  const xml = readXml(file, 'CustomField');
  const metadataType = text(xml, 'type') ?? '';
  const mapped = describeTypes[metadataType];
  if (mapped === undefined) throw new Error(`${file}: field type ${metadataType} is not known to check-org`);
  const relationship = text(xml, 'relationshipName');
  return {
    object,
    name: text(xml, 'fullName') ?? basename(file, '.field-meta.xml'),
    type: mapped.type,
    length: number(xml, 'length', mapped.length ?? 0),
    precision: number(xml, 'precision', 0),
    scale: number(xml, 'scale', 0),
    externalId: text(xml, 'externalId') === 'true',
    unique: text(xml, 'unique') === 'true',
    referenceTo: text(xml, 'referenceTo'),
    masterDetail: metadataType === 'MasterDetail',
    childRelationshipName: relationship === null ? null : `${relationship}__r`,
  };
}

function readObject(dir: string): PackageObject {
  const name = basename(dir);
  const objectFile = join(dir, `${name}.object-meta.xml`);
  const xml = existsSync(objectFile) ? readXml(objectFile, 'CustomObject') : null;
  const fieldsDir = join(dir, 'fields');
  const fields = existsSync(fieldsDir)
    ? readdirSync(fieldsDir)
        .filter((file) => file.endsWith('.field-meta.xml'))
        .sort()
        .map((file) => readField(name, join(fieldsDir, file)))
    : [];
  const nameField = xml?.nameField;
  return {
    name,
    defined: xml !== null,
    label: xml === null ? null : text(xml, 'label'),
    autoNumberName:
      typeof nameField === 'object' && nameField !== null && text(nameField as Xml, 'type') === 'AutoNumber',
    keyField: fields.find((f) => f.externalId && f.unique)?.name ?? null,
    fields,
  };
}

function findDirs(root: string, name: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    if (entry === 'node_modules' || entry.startsWith('.') || !statSync(path).isDirectory()) continue;
    if (entry === name) found.push(path);
    else found.push(...findDirs(path, name));
  }
  return found;
}

function readApex(dirs: readonly string[], kind: PackageApex['kind']): PackageApex[] {
  const extension = kind === 'class' ? '.cls' : '.trigger';
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith(extension))
      .sort()
      .map((file) => ({
        kind,
        name: basename(file, extension),
        body: readFileSync(join(dir, file), 'utf8'),
      })),
  );
}

/** Reads a package directory (force-app); throws naming the file on metadata it cannot read. */
export function readPackageDefinition(forceAppDir: string): PackageDefinition {
  if (!existsSync(forceAppDir)) throw new Error(`${forceAppDir} does not exist`);
  const objects = findDirs(forceAppDir, 'objects')
    .flatMap((dir) => readdirSync(dir).map((entry) => join(dir, entry)))
    .filter((path) => statSync(path).isDirectory())
    .map(readObject);
  return {
    objects,
    apex: [
      ...readApex(findDirs(forceAppDir, 'classes'), 'class'),
      ...readApex(findDirs(forceAppDir, 'triggers'), 'trigger'),
    ],
  };
}
