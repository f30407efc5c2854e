// The CPQ part's page layouts: new layouts for Order and Account, so installing force-app-cpq never
// overwrites the org's own Order Layout or Account Layout. Each carries the "Send to Zuora" action, the Zuora
// write-back fields (read-only: the service writes them) and the CPQ Order Syncs related list. The Account one
// is the base package's Account layout plus the CPQ parts, for orgs that use both directions.

import type { FieldSpec, PackageModel } from '../model/model-types.js';
import { accountSections, relatedListsOf, renderLayout, SYNC_ACTION, type Section } from './render-layout.js';

export const SEND_ACTION = 'Send_to_Zuora';
export const CPQ_ORDER_LAYOUT = 'Order-Zuora Sync CPQ Order Layout';
export const CPQ_ACCOUNT_LAYOUT = 'Account-Zuora Sync CPQ Account Layout';
/** The standard "Order Products" related list of an Order layout. */
export const ORDER_PRODUCTS_LIST = 'RelatedOrderItemList';

function zuoraSection(model: PackageModel, objectName: string): Section {
  const object = model.objects.find((candidate) => candidate.apiName === objectName);
  if (!object) throw new Error(`The CPQ model has no ${objectName}`);
  const ordered = [...object.fields].sort((a: FieldSpec, b: FieldSpec) => a.label.localeCompare(b.label));
  return {
    label: 'Zuora',
    fields: ordered.map((field) => ({ field: field.apiName, behavior: 'Readonly' as const })),
  };
}

export function renderCpqOrderLayout(cpq: PackageModel): string {
  const sections: Section[] = [
    {
      label: 'Order Information',
      fields: [
        { field: 'OrderNumber', behavior: 'Readonly' },
        { field: 'AccountId', behavior: 'Required' },
        { field: 'Status', behavior: 'Required' },
        { field: 'EffectiveDate', behavior: 'Required' },
        { field: 'EndDate', behavior: 'Edit' },
        { field: 'Type', behavior: 'Edit' },
        { field: 'ContractId', behavior: 'Edit' },
        { field: 'OwnerId', behavior: 'Edit' },
        { field: 'TotalAmount', behavior: 'Readonly' },
      ],
    },
    {
      label: 'Address Information',
      fields: [
        { field: 'BillingAddress', behavior: 'Edit' },
        { field: 'ShippingAddress', behavior: 'Edit' },
      ],
    },
    zuoraSection(cpq, 'Order'),
  ];
  return renderLayout(
    sections,
    'Order',
    [ORDER_PRODUCTS_LIST, ...relatedListsOf(cpq, 'Order')],
    [SEND_ACTION],
  );
}

export function renderCpqAccountLayout(cpq: PackageModel, base: PackageModel): string {
  return renderLayout(
    [...accountSections(), zuoraSection(cpq, 'Account')],
    'Account',
    [...relatedListsOf(base, 'Account'), ...relatedListsOf(cpq, 'Account')],
    [SYNC_ACTION, SEND_ACTION],
  );
}
