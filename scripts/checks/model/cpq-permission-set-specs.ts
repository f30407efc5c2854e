// The CPQ part's permission sets, derived from the base roles (permission-set-specs.ts), so who may do what
// stays in one place: each CPQ set takes its base set's object and field rules and applies them to the CPQ
// model. They live in force-app-cpq, not in the base sets, because a base set that named Order or
// SBQQ__Subscription__c fields would fail to deploy to an org without Orders or CPQ. Each one is assigned on
// top of its base set, which keeps granting the app, the settings and the service connection.
//  - Zuora_Sync_CPQ_Admin (with Zuora_Sync_Admin): everything on the sync records, every write-back field.
//  - Zuora_Sync_CPQ_User (with Zuora_Sync_User): reads them, sends orders (quick action, Flow action).
//  - Zuora_Sync_CPQ_Integration (with Zuora_Sync_Integration): writes every write-back field and sync record.

import { PERMISSION_SETS, type ObjectAccess, type PermissionSetSpec } from './permission-set-specs.js';

/** The CPQ part's user-facing Apex entry points. */
export const CPQ_ENTRY_POINT_CLASSES = ['CpqOrderSyncController', 'CpqOrderSyncInvocable'];

const read: ObjectAccess = {
  create: false,
  read: true,
  edit: false,
  delete: false,
  viewAll: false,
  modifyAll: false,
};
// View All reads every record whatever the org's sharing (the poller and the write-back must see every order);
// editing still needs sharing access (docs/package.md), since Modify All would also grant Delete. Order
// Products (OrderItem) have no object permissions of their own: editing one takes Edit on Orders, and on an
// activated order the user permission Edit Activated Orders, which the write-back needs since the service
// writes only activated orders (https://help.salesforce.com/apex/HTViewHelpDoc?id=sales.orderproduct_edit.htm).
const readAllEdit: ObjectAccess = { ...read, edit: true, viewAll: true };
const readAll: ObjectAccess = { ...read, viewAll: true };

function base(name: string): PermissionSetSpec {
  const spec = PERMISSION_SETS.find((candidate) => candidate.name === name);
  if (!spec) throw new Error(`No base permission set ${name}`);
  return spec;
}

function derived(
  baseName: string,
  name: string,
  label: string,
  description: string,
  extra: Pick<PermissionSetSpec, 'standardObjects' | 'apexClasses' | 'tabsVisible' | 'userPermissions'>,
): PermissionSetSpec {
  const from = base(baseName);
  return {
    ...from,
    name,
    label,
    description,
    ...extra,
    appVisible: false,
    calloutPrincipal: false,
  };
}

export const CPQ_PERMISSION_SETS: readonly PermissionSetSpec[] = [
  derived(
    'Zuora_Sync_Admin',
    'Zuora_Sync_CPQ_Admin',
    'Zuora Sync CPQ Admin',
    'With Zuora Sync Admin, in orgs with Salesforce CPQ: full access to CPQ Order Sync records and the Zuora write-back fields on Account, Order, Order Product and Subscription; Send to Zuora.',
    {
      standardObjects: [
        { object: 'Order', access: read },
        { object: 'SBQQ__Subscription__c', access: read },
      ],
      apexClasses: CPQ_ENTRY_POINT_CLASSES,
      tabsVisible: true,
      userPermissions: [],
    },
  ),
  derived(
    'Zuora_Sync_User',
    'Zuora_Sync_CPQ_User',
    'Zuora Sync CPQ User',
    'With Zuora Sync User, in orgs with Salesforce CPQ: read CPQ Order Sync records and the Zuora write-back fields, and send orders to Zuora (Send to Zuora, the Flow action).',
    {
      standardObjects: [
        { object: 'Order', access: read },
        { object: 'SBQQ__Subscription__c', access: read },
      ],
      apexClasses: CPQ_ENTRY_POINT_CLASSES,
      tabsVisible: true,
      userPermissions: [],
    },
  ),
  derived(
    'Zuora_Sync_Integration',
    'Zuora_Sync_CPQ_Integration',
    'Zuora Sync CPQ Integration',
    'With Zuora Sync Integration, for the user the sync service logs in as, in orgs with Salesforce CPQ: reads every order, writes the Zuora write-back fields and the CPQ Order Sync records.',
    {
      standardObjects: [
        { object: 'Account', access: readAllEdit },
        { object: 'Contact', access: readAll },
        { object: 'Contract', access: readAll },
        { object: 'Order', access: readAllEdit },
        { object: 'SBQQ__Subscription__c', access: readAllEdit },
      ],
      apexClasses: [],
      tabsVisible: false,
      userPermissions: ['EditActivatedOrders'],
    },
  ),
];
