// Check (c): the permission sets reference only what exists, and cover every non-required custom field.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexObjects, type ObjectIndex } from '../metadata/object-index.js';
import {
  findDanglingReferences,
  findUncoveredFields,
  readPermissionSet,
  type ParsedPermissionSet,
} from '../metadata/permission-set-check.js';
import { isPaymentDetail, PAYMENT_DETAIL_FIELDS } from '../model/payment-detail-fields.js';
import { ENTRY_POINT_CLASSES } from '../model/permission-set-specs.js';
import { METADATA_ROOT } from '../paths.js';

const index = indexObjects(METADATA_ROOT);
const read = (name: string): ParsedPermissionSet =>
  readPermissionSet(path.join(METADATA_ROOT, 'permissionsets', `${name}.permissionset-meta.xml`));
const admin = read('Zuora_Sync_Admin');
const user = read('Zuora_Sync_User');
const integration = read('Zuora_Sync_Integration');
const paymentDetails = read('Zuora_Sync_Payment_Details');
const paymentFields = [...PAYMENT_DETAIL_FIELDS].flatMap(([object, fields]) =>
  fields.map((field) => `${object}.${field}`),
);

describe('permission sets', () => {
  it.each([admin, user, integration, paymentDetails])(
    '$name references only existing, FLS-capable fields and objects',
    (set) => {
      const problems = findDanglingReferences(set, index);
      expect(problems, problems.join('\n')).toEqual([]);
    },
  );

  it('the admin set can edit every non-required custom field', () => {
    const missing = findUncoveredFields(admin, index, 'edit');
    expect(missing, `No editable FLS in Zuora_Sync_Admin for:\n${missing.join('\n')}`).toEqual([]);
  });

  it('the integration set can edit every non-required custom field', () => {
    const missing = findUncoveredFields(integration, index, 'edit');
    expect(missing, `No editable FLS in Zuora_Sync_Integration for:\n${missing.join('\n')}`).toEqual([]);
  });

  it('the user set can read every non-required custom field but payment details, and edit nothing synced', () => {
    expect(findUncoveredFields(user, index, 'read')).toEqual(paymentFields.sort());
    const editable = [...user.fields.values()].filter(
      (p) => p.editable && !p.field.startsWith('Sync_History__c.'),
    );
    expect(editable.map((p) => p.field)).toEqual([]);
  });

  it('the payment details set reads exactly the payment detail fields, each of which exists', () => {
    for (const field of paymentFields) {
      const [object = '', name = ''] = field.split('.');
      expect(index.get(object)?.fields.has(name), field).toBe(true);
      expect(isPaymentDetail(object, name)).toBe(true);
    }
    expect([...paymentDetails.fields.keys()].sort()).toEqual([...paymentFields].sort());
    expect([...paymentDetails.fields.values()].filter((p) => p.editable || !p.readable)).toEqual([]);
    expect([...paymentDetails.objects].sort()).toEqual([...PAYMENT_DETAIL_FIELDS.keys()].sort());
    expect(paymentDetails.classes.size).toBe(0);
    expect(paymentFields).toEqual(
      expect.arrayContaining(['PaymentMethod__c.IBAN__c', 'CustomerAccount__c.CreditCard_Number__c']),
    );
  });

  it('covers a substantial number of fields (the check is not vacuous)', () => {
    expect(admin.fields.size).toBeGreaterThan(700);
  });

  it('grants the admin and user sets the on-demand Apex entry points, and not the integration user', () => {
    for (const name of ENTRY_POINT_CLASSES) {
      expect(admin.classes).toContain(name);
      expect(user.classes).toContain(name);
    }
    expect(integration.classes.size).toBe(0);
  });

  it('reports a reference to a missing field, a master-detail field, and an uncovered field', () => {
    const planted: ObjectIndex = new Map([
      [
        'Sync_Record_Error__c',
        {
          hasObjectFile: true,
          nameFieldType: 'AutoNumber',
          fields: new Map([
            ['Sync_History__c', { type: 'MasterDetail', required: true, file: '' }],
            ['Error_Code__c', { type: 'Text', required: false, file: '' }],
            ['Fields__c', { type: 'Text', required: false, file: '' }],
          ]),
        },
      ],
    ]);
    const set: ParsedPermissionSet = {
      name: 'Planted',
      objects: new Set(['Sync_Record_Error__c', 'Nope__c']),
      classes: new Set(),
      fields: new Map([
        [
          'Sync_Record_Error__c.Sync_History__c',
          { field: 'Sync_Record_Error__c.Sync_History__c', readable: true, editable: true },
        ],
        [
          'Sync_Record_Error__c.Gone__c',
          { field: 'Sync_Record_Error__c.Gone__c', readable: true, editable: true },
        ],
        [
          'Sync_Record_Error__c.Error_Code__c',
          { field: 'Sync_Record_Error__c.Error_Code__c', readable: true, editable: false },
        ],
      ]),
    };
    expect(findDanglingReferences(set, planted)).toEqual([
      'Planted: field Sync_Record_Error__c.Sync_History__c is required/master-detail and cannot carry field permissions',
      'Planted: field Sync_Record_Error__c.Gone__c does not exist in force-app',
      'Planted: object Nope__c does not exist in force-app',
    ]);
    expect(findUncoveredFields(set, planted, 'edit')).toEqual([
      'Sync_Record_Error__c.Error_Code__c',
      'Sync_Record_Error__c.Fields__c',
    ]);
    expect(findUncoveredFields(set, planted, 'read')).toEqual(['Sync_Record_Error__c.Fields__c']);
  });
});
