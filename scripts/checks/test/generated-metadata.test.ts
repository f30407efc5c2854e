// The committed metadata is exactly what the generator writes, so a hand edit or a stale generation shows
// up here instead of drifting from the reference tables.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMetadataFiles } from '../metadata/metadata-files.js';
import { buildPackageModel } from '../model/build-package-model.js';
import { GENERATED_FOLDERS, METADATA_ROOT } from '../paths.js';
import { loadMappingTables, loadSchemaTypes } from '../reference/load-reference.js';
import { renderPackage } from '../render/render-package.js';

const model = buildPackageModel({ mappingTables: loadMappingTables(), schema: loadSchemaTypes() });
const expected = renderPackage(model);

describe('generated metadata', () => {
  it('matches what scripts/checks/generate-objects.ts writes (run it after changing the model)', () => {
    const stale = [...expected].filter(([relative, contents]) => {
      const file = path.join(METADATA_ROOT, relative);
      return !existsSync(file) || readFileSync(file, 'utf8') !== contents;
    });
    expect(stale.map(([relative]) => relative)).toEqual([]);
  });

  it('has no extra files in the generated folders', () => {
    const extra = GENERATED_FOLDERS.flatMap((folder) =>
      existsSync(path.join(METADATA_ROOT, folder)) ? listMetadataFiles(path.join(METADATA_ROOT, folder)) : [],
    )
      .map((file) => path.relative(METADATA_ROOT, file))
      .filter((relative) => !expected.has(relative));
    expect(extra).toEqual([]);
  });

  it('keeps master-detail within platform limits: at most 2 masters per object, 3 detail levels', () => {
    const masters = new Map(
      model.objects.map((object) => [
        object.apiName,
        object.fields.flatMap((field) =>
          field.type.kind === 'MasterDetail' ? [field.type.referenceTo] : [],
        ),
      ]),
    );
    const depth = (name: string): number =>
      Math.max(0, ...(masters.get(name) ?? []).map((parent) => 1 + depth(parent)));
    for (const [name, parents] of masters) {
      expect(parents.length, name).toBeLessThanOrEqual(2);
      expect(depth(name), name).toBeLessThanOrEqual(3);
    }
  });

  it('gives every synced custom object a unique External_Id__c', () => {
    const withoutKey = model.objects
      .filter(
        (object) =>
          !object.standard &&
          !['Sync_History__c', 'Sync_Record_Error__c', 'BillingEntity__c'].includes(object.apiName),
      )
      .filter(
        (object) =>
          !object.fields.some(
            (field) => field.apiName === 'External_Id__c' && field.externalId && field.unique,
          ),
      );
    expect(withoutKey.map((object) => object.apiName)).toEqual([]);
  });

  it('uses unique relationship names per parent object', () => {
    const names = new Map<string, string[]>();
    for (const object of model.objects) {
      for (const field of object.fields) {
        if (field.type.kind !== 'Lookup' && field.type.kind !== 'MasterDetail') continue;
        const list = names.get(field.type.referenceTo) ?? [];
        list.push(field.type.relationshipName);
        names.set(field.type.referenceTo, list);
      }
    }
    for (const [parent, list] of names) expect(new Set(list).size, parent).toBe(list.length);
  });
});
