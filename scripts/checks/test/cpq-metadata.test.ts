// The CPQ part (force-app-cpq): the committed metadata is what the generator writes, it names exactly the
// contract's fields, its permission sets reference only what exists and give each role its access, and its
// layouts point at existing fields, related lists and actions.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMetadataFiles } from '../metadata/metadata-files.js';
import { indexObjects } from '../metadata/object-index.js';
import {
  CPQ_ORG_OBJECTS,
  findDanglingReferences,
  findUncoveredFields,
  readPermissionSet,
} from '../metadata/permission-set-check.js';
import {
  findLayoutProblems,
  findTabAndClassProblems,
  findViewProblems,
} from '../metadata/reference-check.js';
import { buildPackageModel } from '../model/build-package-model.js';
import { buildCpqModel, CPQ_ORDER_SYNC } from '../model/cpq-model.js';
import { CPQ_ENTRY_POINT_CLASSES } from '../model/cpq-permission-set-specs.js';
import { CPQ_GENERATED_FOLDERS, CPQ_METADATA_ROOT, METADATA_ROOT, REPO_ROOT } from '../paths.js';
import { loadMappingTables, loadSchemaTypes } from '../reference/load-reference.js';
import { CPQ_ACCOUNT_LAYOUT, CPQ_ORDER_LAYOUT, SEND_ACTION } from '../render/render-cpq-layouts.js';
import { renderCpqPackage } from '../render/render-cpq-package.js';

const base = buildPackageModel({ mappingTables: loadMappingTables(), schema: loadSchemaTypes() });
const cpq = buildCpqModel();
const expected = renderCpqPackage(cpq, base);
const index = indexObjects(CPQ_METADATA_ROOT);
const read = (name: string) =>
  readPermissionSet(path.join(CPQ_METADATA_ROOT, 'permissionsets', `${name}.permissionset-meta.xml`));

/** The contract's write-back fields and sync record fields (docs/cpq-order-sync-contract.md), by object. */
function contractFields(): Map<string, string[]> {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'cpq-order-sync-contract.md'), 'utf8');
  const fields = new Map<string, string[]>();
  const add = (object: string, field: string): void => {
    fields.set(object, [...(fields.get(object) ?? []), field].sort());
  };
  for (const [, object = '', field = ''] of doc.matchAll(/^\| `(\w+)`\s*\| `(\w+__c)`/gm)) add(object, field);
  const record = doc.slice(doc.indexOf('One sync record per order'));
  for (const [, field = ''] of record.matchAll(/^\| `(\w+__c)`/gm)) add(CPQ_ORDER_SYNC, field);
  return fields;
}

describe('CPQ part metadata (force-app-cpq)', () => {
  it('matches what scripts/checks/generate-objects.ts writes (run it after changing the model)', () => {
    const stale = [...expected].filter(([relative, contents]) => {
      const file = path.join(CPQ_METADATA_ROOT, relative);
      return !existsSync(file) || readFileSync(file, 'utf8') !== contents;
    });
    expect(stale.map(([relative]) => relative)).toEqual([]);
    const extra = CPQ_GENERATED_FOLDERS.flatMap((folder) =>
      existsSync(path.join(CPQ_METADATA_ROOT, folder))
        ? listMetadataFiles(path.join(CPQ_METADATA_ROOT, folder))
        : [],
    )
      .map((file) => path.relative(CPQ_METADATA_ROOT, file))
      .filter((relative) => !expected.has(relative));
    expect(extra).toEqual([]);
  });

  it('defines exactly the fields the contract names, on the objects it names', () => {
    const fromContract = contractFields();
    expect([...fromContract.keys()].sort()).toEqual(
      ['Account', CPQ_ORDER_SYNC, 'Order', 'OrderItem', 'SBQQ__Subscription__c'].sort(),
    );
    for (const [object, fields] of fromContract) {
      expect([...(index.get(object)?.fields.keys() ?? [])].sort(), object).toEqual(fields);
    }
    const key = cpq.objects
      .find((o) => o.apiName === CPQ_ORDER_SYNC)
      ?.fields.find((f) => f.apiName === 'Order_Key__c');
    expect(key).toMatchObject({ externalId: true, unique: true, type: { kind: 'Text', length: 18 } });
  });

  it('keeps the relationship names apart from the base package on Account', () => {
    const names = (model: typeof base, target: string) =>
      model.objects.flatMap((object) =>
        object.fields.flatMap((field) =>
          field.type.kind === 'Lookup' || field.type.kind === 'MasterDetail'
            ? field.type.referenceTo === target
              ? [field.type.relationshipName]
              : []
            : [],
        ),
      );
    const all = [...names(base, 'Account'), ...names(cpq, 'Account')];
    expect(new Set(all).size).toBe(all.length);
    expect(names(cpq, 'Order')).toEqual(['CPQ_Order_Syncs']);
  });

  describe('permission sets', () => {
    const admin = read('Zuora_Sync_CPQ_Admin');
    const user = read('Zuora_Sync_CPQ_User');
    const integration = read('Zuora_Sync_CPQ_Integration');

    it.each([admin, user, integration])('$name references only existing fields and org objects', (set) => {
      const problems = findDanglingReferences(set, index, CPQ_ORG_OBJECTS);
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('lets the integration user and admins edit every write-back field and sync record field', () => {
      expect(findUncoveredFields(integration, index, 'edit')).toEqual([]);
      expect(findUncoveredFields(admin, index, 'edit')).toEqual([]);
      expect(integration.fields.size).toBeGreaterThanOrEqual(24);
    });

    it('lets sales users read every field and edit none', () => {
      expect(findUncoveredFields(user, index, 'read')).toEqual([]);
      expect([...user.fields.values()].filter((p) => p.editable)).toEqual([]);
    });

    it('gives the send entry points to users and admins, none to the integration user', () => {
      for (const name of CPQ_ENTRY_POINT_CLASSES) {
        expect(admin.classes).toContain(name);
        expect(user.classes).toContain(name);
      }
      expect(integration.classes.size).toBe(0);
    });

    it('lets the integration user edit orders, order products and subscriptions, never delete them', () => {
      const xml = readFileSync(
        path.join(CPQ_METADATA_ROOT, 'permissionsets', 'Zuora_Sync_CPQ_Integration.permissionset-meta.xml'),
        'utf8',
      );
      for (const object of ['Account', 'Order', 'SBQQ__Subscription__c']) {
        const block = xml
          .split('<objectPermissions>')
          .find((part) => part.includes(`<object>${object}</object>`));
        expect(block, object).toContain('<allowEdit>true</allowEdit>');
        expect(block, object).toContain('<viewAllRecords>true</viewAllRecords>');
        expect(block, object).toContain('<allowDelete>false</allowDelete>');
        expect(block, object).toContain('<modifyAllRecords>false</modifyAllRecords>');
      }
      expect(integration.objects).toContain(CPQ_ORDER_SYNC);
      // The write-back edits activated orders and their products.
      expect(xml).toContain('<name>EditActivatedOrders</name>');
    });
  });

  describe('layouts and views', () => {
    it('name existing fields, related lists and quick actions (force-app-cpq or force-app)', () => {
      // The CPQ Account layout also lists the base package's related lists and uses its quick action.
      const both = new Map([...indexObjects(METADATA_ROOT), ...index]);
      const problems = findLayoutProblems(CPQ_METADATA_ROOT, both, [CPQ_METADATA_ROOT, METADATA_ROOT]);
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('carry Send to Zuora and the CPQ Order Syncs related list on Order and Account', () => {
      for (const [layout, object] of [
        [CPQ_ORDER_LAYOUT, 'Order'],
        [CPQ_ACCOUNT_LAYOUT, 'Account'],
      ] as const) {
        const xml = readFileSync(
          path.join(CPQ_METADATA_ROOT, 'layouts', `${layout}.layout-meta.xml`),
          'utf8',
        );
        expect(xml).toContain(`<actionName>${object}.${SEND_ACTION}</actionName>`);
        expect(xml).toContain(
          `<relatedList>${CPQ_ORDER_SYNC}.${object === 'Order' ? 'Order__c' : 'Account__c'}</relatedList>`,
        );
      }
    });

    it('list views and the compact layout name existing fields; the tab and the entry points exist', () => {
      const problems = [...findViewProblems(CPQ_METADATA_ROOT, index)];
      expect(problems, problems.join('\n')).toEqual([]);
      expect(findTabAndClassProblems(CPQ_METADATA_ROOT)).toEqual([]);
    });
  });
});
