// The four permission sets, as data: who may do what with which object and field.
//  - Zuora_Sync_Admin: configures the package, sees and may correct every record, cleans up history.
//  - Zuora_Sync_User: reads billing data except payment details, runs on-demand sync (the LWC, the Apex API,
//    the Flow action).
//  - Zuora_Sync_Payment_Details: added to Zuora_Sync_User for the few who need bank, card and token data.
//  - Zuora_Sync_Integration: the user the sync service logs in as; writes every synced object.

import type { FieldSpec, ObjectSpec } from './model-types.js';
import { isPaymentDetail, PAYMENT_DETAIL_FIELDS } from './payment-detail-fields.js';

export interface ObjectAccess {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

export interface PermissionSetSpec {
  name: string;
  label: string;
  description: string;
  objectAccess(object: ObjectSpec): ObjectAccess | undefined;
  /** 'edit' implies read. Undefined: no access. */
  fieldAccess(object: ObjectSpec, field: FieldSpec): 'read' | 'edit' | undefined;
  standardObjects: ReadonlyArray<{ object: string; access: ObjectAccess }>;
  apexClasses: readonly string[];
  tabsVisible: boolean;
  appVisible: boolean;
  calloutPrincipal: boolean;
  userPermissions: readonly string[];
}

export const APP_NAME = 'Zuora_Sync';
export const EXTERNAL_CREDENTIAL = 'ZuoraSyncService';
export const PRINCIPAL = 'ServicePrincipal';
/** The user-facing Apex entry points (written by the Apex half of issue 5). */
export const ENTRY_POINT_CLASSES = [
  'OnDemandSyncController',
  'SyncHistoryController',
  'OnDemandSyncManager',
  'OnDemandSyncInvocable',
];

const full: ObjectAccess = {
  create: true,
  read: true,
  edit: true,
  delete: true,
  viewAll: true,
  modifyAll: true,
};
const readOnly: ObjectAccess = {
  create: false,
  read: true,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false,
};
const readAll: ObjectAccess = { ...readOnly, viewAll: true };

export const PERMISSION_SETS: readonly PermissionSetSpec[] = [
  {
    name: 'Zuora_Sync_Admin',
    label: 'Zuora Sync Admin',
    description:
      'Administers Zuora sync: full access to synced billing data, sync history and errors (including clean-up), settings, the service connection and on-demand sync.',
    objectAccess: () => full,
    fieldAccess: () => 'edit',
    standardObjects: [
      { object: 'Product2', access: { ...full, delete: false, modifyAll: false } },
      { object: 'Account', access: readOnly },
    ],
    apexClasses: ENTRY_POINT_CLASSES,
    tabsVisible: true,
    appVisible: true,
    calloutPrincipal: true,
    userPermissions: [],
  },
  {
    name: 'Zuora_Sync_User',
    label: 'Zuora Sync User',
    description:
      'Sales and service users: read billing data synced from Zuora and request an on-demand sync (Sync Data from ZBilling, the Apex API, the Flow action).',
    // Read-only everywhere: the service writes every history and status record of the sessions it runs, and
    // Apex records the requests it never saw through a platform event whose trigger runs as the Automated
    // Process user (SyncAuditEventHandler), so users need no write access to anything the package holds.
    objectAccess: () => readOnly,
    fieldAccess: (object, field) => (isPaymentDetail(object.apiName, field.apiName) ? undefined : 'read'),
    standardObjects: [
      { object: 'Product2', access: readOnly },
      { object: 'Account', access: readOnly },
    ],
    apexClasses: ENTRY_POINT_CLASSES,
    tabsVisible: true,
    appVisible: true,
    calloutPrincipal: true,
    userPermissions: [],
  },
  {
    name: 'Zuora_Sync_Payment_Details',
    label: 'Zuora Sync Payment Details',
    description:
      'With Zuora Sync User: read the payment details synced from Zuora (bank account numbers, IBAN, card data, gateway tokens, mandate ids). For billing operations only.',
    objectAccess: (object) => (PAYMENT_DETAIL_FIELDS.has(object.apiName) ? readOnly : undefined),
    fieldAccess: (object, field) => (isPaymentDetail(object.apiName, field.apiName) ? 'read' : undefined),
    standardObjects: [],
    apexClasses: [],
    tabsVisible: false,
    appVisible: false,
    calloutPrincipal: false,
    userPermissions: [],
  },
  {
    name: 'Zuora_Sync_Integration',
    label: 'Zuora Sync Integration',
    description:
      'The integration user the zuora-salesforce-sync service logs in as: API access, create/edit/delete on every synced object and on the sync history and error objects, read on CRM Accounts.',
    objectAccess: () => full,
    fieldAccess: () => 'edit',
    standardObjects: [
      { object: 'Product2', access: { ...full, delete: true, modifyAll: true } },
      // Lookups to the CRM Account need read access to every Account, whatever the org's sharing.
      { object: 'Account', access: readAll },
      // The service publishes the console's notifications as Sync_Event__e (create is "publish").
      { object: 'Sync_Event__e', access: { ...readOnly, create: true } },
    ],
    apexClasses: [],
    tabsVisible: false,
    appVisible: false,
    calloutPrincipal: false,
    userPermissions: ['ApiEnabled'],
  },
];
