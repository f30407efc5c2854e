import { textOf } from '../text-of.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { fieldFromXml } from './metadata-field.js';
import { makeField, type FieldDef } from './schema-types.js';

// Reads SFDX source-format object metadata (`objects/<Object>/<Object>.object-meta.xml` plus
// `fields/*.field-meta.xml`) and custom metadata records (`customMetadata/<Type>.<Record>.md-meta.xml`).
// https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_source_file_format.htm

export interface PackageObject {
  name: string;
  label: string;
  labelPlural: string;
  kind: 'custom' | 'event' | 'metadataType' | 'standardExtension';
  /** Controlled by parent (master-detail child): no OwnerId. */
  hasOwner: boolean;
  nameField: FieldDef | null;
  fields: FieldDef[];
}

export interface PackageMetadata {
  objects: PackageObject[];
  /** Custom metadata records by type name. */
  metadataRecords: Map<string, Record<string, unknown>[]>;
}

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

function parseXml(file: string): Record<string, unknown> {
  try {
    return parser.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${file}: not well-formed XML (${(error as Error).message})`);
  }
}

function findDirs(root: string, name: string, found: string[] = []): string[] {
  for (const entry of readdirSync(root)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(root, entry);
    if (!statSync(path).isDirectory()) continue;
    if (entry === name) found.push(path);
    else findDirs(path, name, found);
  }
  return found;
}

function readObject(dir: string): PackageObject {
  const name = basename(dir);
  const objectFile = join(dir, `${name}.object-meta.xml`);
  const xml = existsSync(objectFile)
    ? ((parseXml(objectFile).CustomObject ?? {}) as Record<string, unknown>)
    : {};
  const kind = name.endsWith('__e')
    ? 'event'
    : name.endsWith('__mdt')
      ? 'metadataType'
      : name.endsWith('__c')
        ? 'custom'
        : 'standardExtension';
  const fieldsDir = join(dir, 'fields');
  const fields = existsSync(fieldsDir)
    ? readdirSync(fieldsDir)
        .filter((f) => f.endsWith('.field-meta.xml'))
        .sort()
        .map((f) => {
          const file = join(fieldsDir, f);
          return fieldFromXml((parseXml(file).CustomField ?? {}) as Record<string, unknown>, file);
        })
    : [];
  const nameXml = xml.nameField as Record<string, unknown> | undefined;
  let nameField: FieldDef | null = null;
  if (kind === 'custom') {
    const auto = nameXml?.type === 'AutoNumber';
    nameField = makeField({
      name: 'Name',
      label: textOf(nameXml?.label ?? `${textOf(xml.label ?? name)} Name`),
      type: 'string',
      length: 80,
      required: !auto,
      createable: !auto,
      updateable: !auto,
      autoNumber: auto,
      displayFormat: auto ? textOf(nameXml?.displayFormat ?? '{0}') : null,
      custom: false,
    });
  }
  return {
    name,
    label: textOf(xml.label ?? name),
    labelPlural: textOf(xml.pluralLabel ?? xml.label ?? name),
    kind,
    hasOwner: kind === 'custom' && !fields.some((f) => f.cascadeDelete && f.required),
    nameField,
    fields,
  };
}

function readMetadataRecord(file: string): { type: string; record: Record<string, unknown> } {
  const [type, developerName] = basename(file, '.md-meta.xml').split('.');
  const xml = (parseXml(file).CustomMetadata ?? {}) as Record<string, unknown>;
  const raw = xml.values;
  const values = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Record<string, unknown>[];
  const record: Record<string, unknown> = {
    DeveloperName: developerName,
    MasterLabel: textOf(xml.label ?? developerName),
    Label: textOf(xml.label ?? developerName),
    QualifiedApiName: developerName,
  };
  for (const v of values) {
    const value = v.value as Record<string, unknown> | string | undefined;
    const text = typeof value === 'object' && value !== null ? (value['#text'] ?? null) : (value ?? null);
    const xsiType = typeof value === 'object' && value !== null ? textOf(value['@_xsi:type'] ?? '') : '';
    const parsed =
      text === null
        ? null
        : xsiType === 'xsd:boolean'
          ? textOf(text) === 'true'
          : xsiType === 'xsd:double' || xsiType === 'xsd:int'
            ? Number(text)
            : textOf(text);
    record[textOf(v.field)] = parsed;
  }
  return { type: `${type}__mdt`, record };
}

/**
 * Reads every object and custom metadata record under the package directories (force-app, and force-app-cpq
 * for an org with CPQ); an absent folder reads as empty. An object found in several directories (Account
 * extended by both) is listed once per directory; buildSchema merges their fields.
 */
export function readPackageMetadata(packageDirs: string | readonly string[]): PackageMetadata {
  const metadataRecords = new Map<string, Record<string, unknown>[]>();
  const objects: PackageObject[] = [];
  for (const dir of typeof packageDirs === 'string' ? [packageDirs] : packageDirs) {
    const read = readPackageDirectory(dir);
    objects.push(...read.objects);
    for (const [type, records] of read.metadataRecords) {
      metadataRecords.set(type, [...(metadataRecords.get(type) ?? []), ...records]);
    }
  }
  return { objects, metadataRecords };
}

function readPackageDirectory(forceAppDir: string): PackageMetadata {
  const metadataRecords = new Map<string, Record<string, unknown>[]>();
  if (!existsSync(forceAppDir)) return { objects: [], metadataRecords };
  const objects = findDirs(forceAppDir, 'objects')
    .flatMap((dir) => readdirSync(dir).map((entry) => join(dir, entry)))
    .filter((path) => statSync(path).isDirectory())
    .map(readObject);
  for (const dir of findDirs(forceAppDir, 'customMetadata')) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md-meta.xml'))) {
      const { type, record } = readMetadataRecord(join(dir, file));
      const list = metadataRecords.get(type) ?? [];
      list.push(record);
      metadataRecords.set(type, list);
    }
  }
  return { objects, metadataRecords };
}
