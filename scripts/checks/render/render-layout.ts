// Page layouts: the Billing Account layout and an Account layout, each carrying the
// "Sync Data from ZBilling" quick action in its Lightning action list. Object-specific quick actions are
// referenced as "<Object>.<Action>" in a layout
// (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_layouts.htm, PlatformActionListItem).

import type { FieldSpec, ObjectSpec, PackageModel } from '../model/model-types.js';
import { metadataDocument, type XmlChild } from './xml-writer.js';

export const SYNC_ACTION = 'Sync_Data_from_ZBilling';
export const BILLING_ACCOUNT_LAYOUT = 'CustomerAccount__c-Billing Account Layout';
/** A new Account layout, so installing the package never overwrites the org's own Account Layout. */
export const ACCOUNT_LAYOUT = 'Account-Zuora Sync Account Layout';

export interface Section {
  label: string;
  fields: Array<{ field: string; behavior: 'Required' | 'Readonly' | 'Edit' }>;
}

const SECTIONS: ReadonlyArray<{ label: string; match: RegExp }> = [
  { label: 'Sync Status', match: /^Last_Sync|^Last_Synced/ },
  { label: 'Bill To Contact', match: /^BillTo/ },
  { label: 'Sold To Contact', match: /^SoldTo/ },
  {
    label: 'Default Payment Method',
    match: /^CreditCard|^PaymentMethod_Type|^DefaultPaymentMethod|^Default_Payment_Method|^PaymentGateway/,
  },
  { label: 'Tax', match: /^TaxExempt|^VAT_Id/ },
];

export function renderBillingAccountLayout(model: PackageModel): string {
  const object = requireObject(model, 'CustomerAccount__c');
  const sections: Section[] = [{ label: 'Information', fields: [{ field: 'Name', behavior: 'Required' }] }];
  for (const section of SECTIONS) sections.push({ label: section.label, fields: [] });
  for (const field of object.fields) {
    const index = SECTIONS.findIndex((section) => section.match.test(field.apiName));
    sections[index + 1]?.fields.push({ field: field.apiName, behavior: behaviour(field) });
  }
  sections.push({
    label: 'System Information',
    fields: [
      { field: 'CreatedById', behavior: 'Readonly' },
      { field: 'LastModifiedById', behavior: 'Readonly' },
      { field: 'OwnerId', behavior: 'Edit' },
    ],
  });
  return renderLayout(sections, 'CustomerAccount__c', relatedListsOf(model, 'CustomerAccount__c'));
}

export function renderAccountLayout(model: PackageModel): string {
  return renderLayout(accountSections(), 'Account', relatedListsOf(model, 'Account'));
}

/** The standard Account fields the package's Account layouts show. */
export function accountSections(): Section[] {
  return [
    {
      label: 'Account Information',
      fields: [
        { field: 'Name', behavior: 'Required' },
        { field: 'OwnerId', behavior: 'Edit' },
        { field: 'ParentId', behavior: 'Edit' },
        { field: 'AccountNumber', behavior: 'Edit' },
        { field: 'Type', behavior: 'Edit' },
        { field: 'Industry', behavior: 'Edit' },
        { field: 'Phone', behavior: 'Edit' },
        { field: 'Website', behavior: 'Edit' },
      ],
    },
    {
      label: 'Address Information',
      fields: [
        { field: 'BillingAddress', behavior: 'Edit' },
        { field: 'ShippingAddress', behavior: 'Edit' },
      ],
    },
  ];
}

/**
 * A layout: its sections, the object's quick actions between Edit and Delete in the Lightning action list
 * (default: Sync Data from ZBilling), and its related lists ("<Child>.<Field>", or a standard list's name).
 */
export function renderLayout(
  sections: readonly Section[],
  objectName: string,
  relatedLists: readonly string[],
  quickActions: readonly string[] = [SYNC_ACTION],
): string {
  return metadataDocument('Layout', [
    ...sections.filter((section) => section.fields.length > 0).map(renderSection),
    [
      'platformActionList',
      [
        ['actionListContext', 'Record'],
        actionItem('Edit', 'StandardButton', 0),
        ...quickActions.map((action, index) =>
          actionItem(`${objectName}.${action}`, 'QuickAction', index + 1),
        ),
        actionItem('Delete', 'StandardButton', quickActions.length + 1),
      ],
    ],
    ...relatedLists.map((relatedList): XmlChild => [
      'relatedLists',
      [
        ['fields', 'NAME'],
        ['relatedList', relatedList],
      ],
    ]),
    ['showEmailCheckbox', false],
    ['showHighlightsPanel', false],
    ['showInteractionLogPanel', false],
    ['showRunAssignmentRulesCheckbox', false],
    ['showSubmitAndAttachButton', false],
  ]);
}

function renderSection(section: Section): XmlChild {
  const columns: Array<Section['fields']> = [[], []];
  section.fields.forEach((item, index) => columns[index % 2]?.push(item));
  return [
    'layoutSections',
    [
      ['customLabel', section.label !== 'Information'],
      ['detailHeading', true],
      ['editHeading', true],
      ['label', section.label],
      ...columns.map((column): XmlChild => [
        'layoutColumns',
        column.map((item): XmlChild => [
          'layoutItems',
          [
            ['behavior', item.behavior],
            ['field', item.field],
          ],
        ]),
      ]),
      ['style', 'TwoColumnsLeftToRight'],
    ],
  ];
}

function actionItem(name: string, type: string, order: number): XmlChild {
  return [
    'platformActionListItems',
    [
      ['actionName', name],
      ['actionType', type],
      ['sortOrder', order],
    ],
  ];
}

/** "<Child>.<Field>" for every relationship from a main object that points at the object. */
export function relatedListsOf(model: PackageModel, target: string): string[] {
  const lists: Array<{ name: string; main: boolean }> = [];
  for (const object of model.objects) {
    for (const field of object.fields) {
      if (
        (field.type.kind === 'Lookup' || field.type.kind === 'MasterDetail') &&
        field.type.referenceTo === target
      ) {
        lists.push({ name: `${object.apiName}.${field.apiName}`, main: object.main });
      }
    }
  }
  return lists.filter((list) => list.main).map((list) => list.name);
}

function behaviour(field: FieldSpec): 'Required' | 'Readonly' {
  // Synced values come from Zuora; editing them in Salesforce would be overwritten by the next sync.
  return field.required ? 'Required' : 'Readonly';
}

function requireObject(model: PackageModel, name: string): ObjectSpec {
  const object = model.objects.find((candidate) => candidate.apiName === name);
  if (!object) throw new Error(`The model has no ${name}`);
  return object;
}
