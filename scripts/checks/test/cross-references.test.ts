// Layouts, views, tabs and permission sets point only at things force-app defines.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexObjects } from '../metadata/object-index.js';
import {
  findLayoutProblems,
  findTabAndClassProblems,
  findViewProblems,
} from '../metadata/reference-check.js';
import { METADATA_ROOT } from '../paths.js';
import { ACCOUNT_LAYOUT, BILLING_ACCOUNT_LAYOUT, SYNC_ACTION } from '../render/render-layout.js';

const index = indexObjects(METADATA_ROOT);

describe('cross-references in the package metadata', () => {
  it('layouts name existing fields, related lists and quick actions', () => {
    const problems = findLayoutProblems(METADATA_ROOT, index);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('both layouts carry the Sync Data from ZBilling action', () => {
    for (const [layout, object] of [
      [BILLING_ACCOUNT_LAYOUT, 'CustomerAccount__c'],
      [ACCOUNT_LAYOUT, 'Account'],
    ] as const) {
      const xml = readFileSync(path.join(METADATA_ROOT, 'layouts', `${layout}.layout-meta.xml`), 'utf8');
      expect(xml).toContain(`<actionName>${object}.${SYNC_ACTION}</actionName>`);
    }
  });

  it('list views and compact layouts name existing fields', () => {
    const problems = findViewProblems(METADATA_ROOT, index);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('apps and permission sets name existing tabs and Apex classes', () => {
    const problems = findTabAndClassProblems(METADATA_ROOT);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  describe('on planted mistakes', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'xref-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));

    it('reports a layout field, related list and quick action that do not exist', () => {
      cpSync(path.join(METADATA_ROOT, 'layouts'), path.join(scratch, 'layouts'), { recursive: true });
      const file = path.join(scratch, 'layouts', `${BILLING_ACCOUNT_LAYOUT}.layout-meta.xml`);
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('<field>Status__c</field>', '<field>Statsu__c</field>')
          .replace(
            '<relatedList>ZInvoice__c.BillingAccount__c</relatedList>',
            '<relatedList>ZInvoice__c.Nope__c</relatedList>',
          ),
      );
      const problems = findLayoutProblems(scratch, index).filter((problem) =>
        problem.startsWith('CustomerAccount__c'),
      );
      expect(problems).toEqual([
        `${BILLING_ACCOUNT_LAYOUT}.layout-meta.xml: field CustomerAccount__c.Statsu__c does not exist`,
        `${BILLING_ACCOUNT_LAYOUT}.layout-meta.xml: related list ZInvoice__c.Nope__c has no such lookup`,
        // The scratch copy has no quickActions folder.
        `${BILLING_ACCOUNT_LAYOUT}.layout-meta.xml: quick action CustomerAccount__c.${SYNC_ACTION} has no quickActions/CustomerAccount__c.${SYNC_ACTION}.quickAction-meta.xml`,
      ]);
    });
  });
});
