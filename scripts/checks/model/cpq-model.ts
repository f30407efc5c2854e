// The CPQ part of the package (force-app-cpq), as data: the write-back fields the service writes on Account,
// Order, OrderItem and CPQ's SBQQ__Subscription__c, and the per-order sync record CPQ_Order_Sync__c, exactly
// as docs/cpq-order-sync-contract.md names them. A second package directory, because Order, OrderItem and
// SBQQ__Subscription__c exist only in orgs with Orders enabled and Salesforce CPQ installed.

import type { FieldSpec, FieldType, ObjectSpec, PackageModel } from './model-types.js';

export const CPQ_ORDER_SYNC = 'CPQ_Order_Sync__c';
/** The sync status of an order, on Order and on its sync record (the contract's picklist). */
export const ORDER_SYNC_STATUSES = ['Not Sent', 'Waiting', 'Synced', 'Failed'] as const;

const TEXT = (length: number): FieldType => ({ kind: 'Text', length });
const LONG_TEXT: FieldType = { kind: 'LongTextArea', length: 32768 };
const STATUS: FieldType = { kind: 'Picklist', values: ORDER_SYNC_STATUSES };
const WRITTEN =
  'Written by the sync service (as the integration user) after every attempt; read-only for users.';

const field = (
  apiName: string,
  label: string,
  description: string,
  type: FieldType,
  key?: 'unique',
): FieldSpec => ({
  apiName,
  label,
  description,
  type,
  externalId: key === 'unique',
  unique: key === 'unique',
  required: false,
});

const extension = (apiName: string, label: string, fields: FieldSpec[]): ObjectSpec => ({
  apiName,
  label,
  pluralLabel: `${label}s`,
  description: '',
  standard: true,
  nameField: { label: 'Name', kind: 'Text' },
  main: false,
  highlightFields: [],
  fields,
});

const relationship = (referenceTo: string): FieldType => ({
  kind: 'Lookup',
  referenceTo,
  relationshipName: 'CPQ_Order_Syncs',
  relationshipLabel: 'CPQ Order Syncs',
});

export function buildCpqModel(): PackageModel {
  return {
    objects: [
      extension('Account', 'Account', [
        field('Zuora_Account_Id__c', 'Zuora Account Id', `The Zuora account's id. ${WRITTEN}`, TEXT(32)),
        field(
          'Zuora_Account_Number__c',
          'Zuora Account Number',
          `The Zuora account created or found for this account (by CRM ID) when one of its orders was sent. ${WRITTEN}`,
          TEXT(50),
        ),
      ]),
      extension('Order', 'Order', [
        field(
          'Zuora_Last_Sync_Error__c',
          'Zuora Last Sync Error',
          `CODE: message of the last failure; cleared when the order syncs. ${WRITTEN}`,
          LONG_TEXT,
        ),
        field('Zuora_Last_Sync_Time__c', 'Zuora Last Sync Time', `When the last attempt ended. ${WRITTEN}`, {
          kind: 'DateTime',
        }),
        field(
          'Zuora_Order_Number__c',
          'Zuora Order Number',
          `The Zuora order (the same number as OrderNumber). ${WRITTEN}`,
          TEXT(50),
        ),
        field(
          'Zuora_Sync_Status__c',
          'Zuora Sync Status',
          `Not Sent, Waiting (not ready yet: contracting, or the amended order), Synced or Failed. ${WRITTEN}`,
          STATUS,
        ),
      ]),
      extension('OrderItem', 'Order Product', [
        field(
          'Zuora_Order_Line_Item_Id__c',
          'Zuora Order Line Item Id',
          `The Zuora order line item (one-time products). ${WRITTEN}`,
          TEXT(32),
        ),
        field(
          'Zuora_Rate_Plan_Charge_Id__c',
          'Zuora Rate Plan Charge Id',
          `The subscription rate plan charge. ${WRITTEN}`,
          TEXT(32),
        ),
        field(
          'Zuora_Rate_Plan_Id__c',
          'Zuora Rate Plan Id',
          `The subscription rate plan. ${WRITTEN}`,
          TEXT(32),
        ),
        field(
          'Zuora_Subscription_Number__c',
          'Zuora Subscription Number',
          `The Zuora subscription the product went into (subscription products). ${WRITTEN}`,
          TEXT(50),
        ),
      ]),
      extension('SBQQ__Subscription__c', 'Subscription', [
        field(
          'Zuora_Rate_Plan_Charge_Id__c',
          'Zuora Rate Plan Charge Id',
          `The subscription rate plan charge. ${WRITTEN}`,
          TEXT(32),
        ),
        field(
          'Zuora_Rate_Plan_Id__c',
          'Zuora Rate Plan Id',
          `The subscription rate plan. ${WRITTEN}`,
          TEXT(32),
        ),
        field(
          'Zuora_Subscription_Number__c',
          'Zuora Subscription Number',
          `The Zuora subscription of this CPQ subscription (one to one). ${WRITTEN}`,
          TEXT(50),
        ),
      ]),
      orderSyncObject(),
    ],
  };
}

function orderSyncObject(): ObjectSpec {
  return {
    apiName: CPQ_ORDER_SYNC,
    label: 'CPQ Order Sync',
    pluralLabel: 'CPQ Order Syncs',
    description:
      'One record per Salesforce CPQ order sent to Zuora: its status, the last error with a fix in plain words, and the Zuora order. Written by the sync service only; read-only for users.',
    standard: false,
    nameField: { label: 'Order Number', kind: 'Text' },
    main: true,
    highlightFields: [
      'Status__c',
      'Account__c',
      'Zuora_Order_Number__c',
      'Error_Code__c',
      'Last_Attempt_At__c',
    ],
    fields: [
      field('Account__c', 'Account', "The order's account.", relationship('Account')),
      field('Attempts__c', 'Attempts', 'Attempts so far.', { kind: 'Number', precision: 6, scale: 0 }),
      field('Error_Code__c', 'Error Code', "The last failure's code (Zuora's or CPQ-*).", TEXT(40)),
      field('Fix__c', 'Fix', 'What to change so the next attempt succeeds, in plain words.', LONG_TEXT),
      field('Last_Attempt_At__c', 'Last Attempt At', 'When the last attempt ended.', { kind: 'DateTime' }),
      field('Message__c', 'Message', 'What happened, in plain words.', LONG_TEXT),
      field(
        'Order_Key__c',
        'Order Key',
        'The Order Id (18 characters): the key the service upserts on.',
        TEXT(18),
        'unique',
      ),
      field('Order__c', 'Order', 'The order.', relationship('Order')),
      field('Session_Id__c', 'Session Id', "The sync service's session of the last attempt.", TEXT(36)),
      field('Status__c', 'Status', 'Not Sent, Waiting, Synced or Failed.', STATUS),
      field('Zuora_Order_Number__c', 'Zuora Order Number', 'The Zuora order.', TEXT(50)),
    ],
  };
}
