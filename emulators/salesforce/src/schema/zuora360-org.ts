// An org that runs Zuora 360 and Zuora Quotes instead of this package's synced objects: the objects of
// orgs/zuora360-org.json (generated from the Zuora 360 mapping tables by
// scripts/checks/zuora360/generate-zuora360-org.ts, namespaces kept), plus the package objects that have no
// Zuora 360 counterpart (Sync_History__c, Sync_Record_Error__c, events, settings), which a migrating org
// installs next to Zuora 360.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fieldFromXml } from './metadata-field.js';
import { readPackageMetadata, type PackageMetadata, type PackageObject } from './metadata-reader.js';
import { makeField } from './schema-types.js';

export const orgSchemas = ['package', 'zuora360'] as const;
export type OrgSchema = (typeof orgSchemas)[number];

export const ZUORA360_ORG_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../orgs/zuora360-org.json',
);

interface GeneratedObject {
  name: string;
  label: string;
  labelPlural: string;
  packageObject: string;
  fields: Record<string, unknown>[];
}

function toPackageObject(o: GeneratedObject): PackageObject {
  const custom = o.name.endsWith('__c');
  return {
    name: o.name,
    label: o.label,
    labelPlural: o.labelPlural,
    kind: custom ? 'custom' : 'standardExtension',
    hasOwner: custom,
    nameField: custom
      ? makeField({
          name: 'Name',
          label: `${o.label} Name`,
          type: 'string',
          length: 80,
          required: true,
          custom: false,
        })
      : null,
    fields: o.fields.map((f) => fieldFromXml(f, `${ZUORA360_ORG_FILE} (${o.name})`)),
  };
}

export function readZuora360Org(packageDirs: string | readonly string[]): PackageMetadata {
  const generated = (JSON.parse(readFileSync(ZUORA360_ORG_FILE, 'utf8')) as { objects: GeneratedObject[] })
    .objects;
  const replaced = new Set(generated.map((o) => o.packageObject));
  const pkg = readPackageMetadata(packageDirs);
  return {
    objects: [...pkg.objects.filter((o) => !replaced.has(o.name)), ...generated.map(toPackageObject)],
    metadataRecords: pkg.metadataRecords,
  };
}
