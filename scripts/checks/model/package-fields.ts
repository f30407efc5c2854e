// Fields this package defines beyond the documented mapping tables: the per-record sync status of a billing
// account, parent links the tables leave out (taken from the Zuora 360 schema), the CRM Account lookup on
// every child of a billing account, and the fields of the objects that are not in the tables.
// A field without `type` is typed like a mapped field (chooseFieldType); a relationship's type comes from
// RELATIONSHIPS.

import type { FieldType } from './model-types.js';
import { DATETIME, INTEGER, LONG_TEXT, TEXT } from './field-typing.js';

export interface PackageField {
  apiName: string;
  label: string;
  description: string;
  type?: FieldType;
  externalId?: boolean;
  unique?: boolean;
}

const picklist = (...values: string[]): FieldType => ({ kind: 'Picklist', values });
const checkbox: FieldType = { kind: 'Checkbox', defaultValue: false };
const crmAccount: PackageField = {
  apiName: 'Account__c',
  label: 'Account',
  description:
    "The CRM Account of the billing account (Zuora's CRM Account ID), so the record shows on the Account.",
};
const fromSchema = (apiName: string, label: string): PackageField => ({
  apiName,
  label,
  description: 'Field of the Zuora 360 schema that the mapping tables do not list.',
});

export const PACKAGE_FIELDS: ReadonlyMap<string, readonly PackageField[]> = new Map<string, PackageField[]>([
  [
    'CustomerAccount__c',
    [
      {
        apiName: 'Last_Sync_Status__c',
        label: 'Last Sync Status',
        description: 'Outcome of the last sync of this billing account, written by the sync service.',
        type: picklist('Synced', 'Pending', 'Failed'),
      },
      {
        apiName: 'Last_Synced_At__c',
        label: 'Last Synced At',
        description: 'When the sync service last wrote this billing account.',
        type: DATETIME,
      },
      {
        apiName: 'Last_Sync_Error__c',
        label: 'Last Sync Error',
        description:
          'Error of the last failed sync of this billing account, in plain words; empty after a success.',
        type: LONG_TEXT(32768),
      },
      {
        apiName: 'Last_Sync_History__c',
        label: 'Last Sync History',
        description: 'The sync session that last touched this billing account.',
      },
    ],
  ],
  ['PaymentMethod__c', [crmAccount]],
  ['CreditMemo__c', [crmAccount]],
  ['DebitMemo__c', [crmAccount]],
  ['SubscriptionHistory__c', [crmAccount]],
  [
    'SubscriptionProductCharge__c',
    [
      fromSchema('Subscription__c', 'Subscription'),
      fromSchema('Product__c', 'Product'),
      fromSchema('UnitOfMeasure__c', 'Unit Of Measure'),
    ],
  ],
  [
    'SubscriptionProductFeature__c',
    [
      fromSchema('Subscription__c', 'Subscription'),
      fromSchema('Product__c', 'Product'),
      fromSchema('FeatureCode__c', 'Feature Code'),
      fromSchema('FeatureName__c', 'Feature Name'),
      fromSchema('FeatureDescription__c', 'Feature Description'),
      fromSchema('ProductName__c', 'Product Name'),
      fromSchema('ProductSKU__c', 'Product SKU'),
      fromSchema('ProductDescription__c', 'Product Description'),
      fromSchema('ProductEffectiveEndDate__c', 'Product Effective End Date'),
      fromSchema('ProductZuoraId__c', 'Product Zuora Id'),
      fromSchema('RatePlanName__c', 'Rate Plan Name'),
      fromSchema('RatePlanDescription__c', 'Rate Plan Description'),
      fromSchema('RatePlanEffectiveEndDate__c', 'Rate Plan Effective End Date'),
      fromSchema('RatePlanZuoraId__c', 'Rate Plan Zuora Id'),
    ],
  ],
  ['PaymentInvoice__c', [fromSchema('Payment__c', 'Payment')]],
  [
    'SubscriptionChargeTier__c',
    [
      {
        apiName: 'SubscriptionProductCharge__c',
        label: 'Subscription Product & Charge',
        description: 'The charge this tier prices.',
      },
      { apiName: 'Tier__c', label: 'Tier', description: 'Zuora RatePlanChargeTier.Tier.' },
      {
        apiName: 'StartingUnit__c',
        label: 'Starting Unit',
        description: 'Zuora RatePlanChargeTier.StartingUnit.',
      },
      { apiName: 'EndingUnit__c', label: 'Ending Unit', description: 'Zuora RatePlanChargeTier.EndingUnit.' },
      { apiName: 'Price__c', label: 'Price', description: 'Zuora RatePlanChargeTier.Price.' },
      {
        apiName: 'PriceFormat__c',
        label: 'Price Format',
        description: 'Zuora RatePlanChargeTier.PriceFormat.',
      },
    ],
  ],
  [
    'ProductRatePlanChargeTier__c',
    [
      {
        apiName: 'ProductRatePlanCharge__c',
        label: 'Product Rate Plan Charge',
        description: 'The charge this tier prices.',
      },
    ],
  ],
  [
    'ZUnitOfMeasure__c',
    // Zuora's UnitOfMeasure object:
    // https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/unitofmeasure/field-descriptions
    [
      { apiName: 'ZuoraId__c', label: 'Zuora Id', description: 'Zuora UnitOfMeasure.Id.', externalId: true },
      { apiName: 'Active__c', label: 'Active', description: 'Zuora UnitOfMeasure.Active.', type: checkbox },
      {
        apiName: 'DecimalPlaces__c',
        label: 'Decimal Places',
        description: 'Zuora UnitOfMeasure.DecimalPlaces (0..9): quantities in this unit are rounded to it.',
        type: { kind: 'Number', precision: 1, scale: 0 },
      },
      {
        apiName: 'DisplayedAs__c',
        label: 'Displayed As',
        description: 'Zuora UnitOfMeasure.DisplayedAs.',
        type: TEXT(),
      },
      {
        apiName: 'RoundingMode__c',
        label: 'Rounding Mode',
        description: 'Zuora UnitOfMeasure.RoundingMode (Up, Down).',
        type: TEXT(),
      },
      {
        apiName: 'EntityID__c',
        label: 'Entity ID',
        description: 'Zuora entity of the unit (multi-entity).',
        type: TEXT(),
      },
    ],
  ],
  [
    'Product2',
    [
      {
        apiName: 'EntityID__c',
        label: 'Entity ID',
        description: 'Zuora entity of the product (multi-entity).',
        type: TEXT(),
      },
    ],
  ],
  [
    'BillingEntity__c',
    [
      {
        apiName: 'Entity_Id__c',
        label: 'Entity Id',
        description: 'Zuora entity id; the key the sync service upserts on.',
        type: TEXT(64),
        externalId: true,
        unique: true,
      },
      { apiName: 'Entity_Name__c', label: 'Entity Name', description: 'Zuora entity name.', type: TEXT() },
      {
        apiName: 'Display_Name__c',
        label: 'Display Name',
        description: 'Zuora entity display name.',
        type: TEXT(),
      },
    ],
  ],
  ['Sync_History__c', syncHistoryFields()],
  ['Sync_Record_Error__c', syncRecordErrorFields()],
]);

function syncHistoryFields(): PackageField[] {
  const z360 = 'Zuora 360 Sync History field.';
  return [
    {
      apiName: 'Sync_Error__c',
      label: 'Sync Error',
      description: `${z360} Session-level error.`,
      type: LONG_TEXT(131072),
    },
    {
      apiName: 'Failure_Log__c',
      label: 'Failure Log',
      description: `${z360} Summary of failed records.`,
      type: LONG_TEXT(131072),
    },
    { apiName: 'Is_Success__c', label: 'Is Success', description: z360, type: checkbox },
    { apiName: 'Is_Incremental__c', label: 'Is Incremental', description: z360, type: checkbox },
    { apiName: 'Is_Async__c', label: 'Is Async', description: z360, type: checkbox },
    { apiName: 'Is_Cancel__c', label: 'Is Cancel', description: z360, type: checkbox },
    {
      apiName: 'Sync_On__c',
      label: 'Sync On',
      description: `${z360} When the session started.`,
      type: DATETIME,
    },
    {
      apiName: 'Finished_On__c',
      label: 'Finished On',
      description: `${z360} When the session ended.`,
      type: DATETIME,
    },
    {
      apiName: 'Sync_By__c',
      label: 'Sync By',
      description: `${z360} Who or what started the session.`,
      type: TEXT(),
    },
    { apiName: 'Sync_Target__c', label: 'Sync Target', description: z360, type: TEXT() },
    { apiName: 'Target_Id__c', label: 'Target Id', description: z360, type: TEXT() },
    { apiName: 'Tenant_Id__c', label: 'Tenant Id', description: `${z360} Zuora tenant id.`, type: TEXT() },
    { apiName: 'Job_State_Id__c', label: 'Job State Id', description: z360, type: TEXT() },
    { apiName: 'Zuora_Hostname__c', label: 'Zuora Hostname', description: z360, type: TEXT() },
    {
      apiName: 'Session_Id__c',
      label: 'Session Id',
      description: "The sync service's session uuid; the key the service upserts on.",
      type: TEXT(36),
      externalId: true,
      unique: true,
    },
    {
      apiName: 'Sync_Type__c',
      label: 'Sync Type',
      description: 'How the session was started.',
      type: picklist('Manual', 'Scheduled', 'On-demand', 'Real-time', 'Sync Clean-up', 'Backfill'),
    },
    {
      apiName: 'Scope__c',
      label: 'Scope',
      description: 'What the session syncs: Zuora data into Salesforce, or Salesforce CPQ orders into Zuora.',
      type: picklist('Accounts & Related Objects', 'Product Catalog', 'CPQ Orders'),
    },
    {
      apiName: 'Status__c',
      label: 'Status',
      description:
        'Session state; Finished with Errors means some records failed and are retried next session.',
      type: picklist('Queued', 'Running', 'Finished', 'Finished with Errors', 'Failure', 'Cancelled'),
    },
    {
      apiName: 'Records_Processed__c',
      label: 'Records Processed',
      description: 'Records the session wrote or tried to.',
      type: INTEGER,
    },
    {
      apiName: 'Records_Succeeded__c',
      label: 'Records Succeeded',
      description: 'Records written.',
      type: INTEGER,
    },
    {
      apiName: 'Records_Failed__c',
      label: 'Records Failed',
      description: 'Records that failed (see Sync Record Errors).',
      type: INTEGER,
    },
    {
      apiName: 'Entity_Id__c',
      label: 'Entity Id',
      description: 'Zuora entity synced (multi-entity), if any.',
      type: TEXT(64),
    },
  ];
}

function syncRecordErrorFields(): PackageField[] {
  return [
    {
      apiName: 'Sync_History__c',
      label: 'Sync History',
      description: 'The session in which the record failed.',
    },
    {
      apiName: 'External_Id__c',
      label: 'External Id',
      description:
        'Key of the failure (session, object and record), so a retried write does not duplicate it.',
      type: TEXT(255),
      externalId: true,
      unique: true,
    },
    {
      apiName: 'Object_Type__c',
      label: 'Object Type',
      description: 'Salesforce object of the failed record.',
      type: TEXT(80),
    },
    {
      apiName: 'Zuora_Id__c',
      label: 'Zuora Id',
      description: 'Zuora id of the failed record.',
      type: TEXT(32),
    },
    {
      apiName: 'Salesforce_Id__c',
      label: 'Salesforce Id',
      description: 'Salesforce id of the record, if it exists.',
      type: TEXT(18),
    },
    {
      apiName: 'Error_Code__c',
      label: 'Error Code',
      description: 'Salesforce or Zuora error code.',
      type: TEXT(80),
    },
    {
      apiName: 'Error_Message__c',
      label: 'Error Message',
      description: 'The error, in the words of the API that returned it.',
      type: LONG_TEXT(32768),
    },
    {
      apiName: 'Fields__c',
      label: 'Fields',
      description: 'Fields the error names, comma-separated.',
      type: TEXT(255),
    },
    {
      apiName: 'Attempts__c',
      label: 'Attempts',
      description: 'How many sessions have tried this record.',
      type: { kind: 'Number', precision: 9, scale: 0 },
    },
  ];
}

/**
 * Documented fields that are also External IDs (not unique). Zuora 360's "single subscription" mode upserts
 * subscriptions and their charges on these numbers instead of replacing each version by a new record
 * (shared/reference/product-behaviours.md 1.9, "Subscription versions"). Not unique: in the default mode the new
 * version is written before the old one is deleted.
 */
export const EXTRA_EXTERNAL_IDS: ReadonlyMap<string, string> = new Map([
  [
    'Subscription__c.SubscriptionNumber__c',
    'External ID (not unique): the upsert key of single-subscription mode.',
  ],
  [
    'SubscriptionProductCharge__c.ChargeNumber__c',
    'External ID (not unique): the upsert key of single-subscription mode.',
  ],
]);
