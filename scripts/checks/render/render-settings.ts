// Custom metadata type Sync_Setting__mdt, its fields and the Default record. Subscriber-controlled, so an
// admin can lower the limits or change the retention in their org; the service enforces 8/10 regardless.

import { escapeXml, metadataDocument } from './xml-writer.js';

interface SettingField {
  apiName: string;
  label: string;
  description: string;
  type: 'Number' | 'Checkbox' | 'Text';
  value: number | boolean | string;
}

export const SETTING_FIELDS: readonly SettingField[] = [
  {
    apiName: 'UI_Account_Limit__c',
    label: 'UI Account Limit',
    description: 'Most billing accounts one on-demand sync from the UI may request (Zuora 360: 8).',
    type: 'Number',
    value: 8,
  },
  {
    apiName: 'Apex_Account_Limit__c',
    label: 'Apex Account Limit',
    description: 'Most objects one OnDemandSyncManager request may carry (Zuora 360: 10).',
    type: 'Number',
    value: 10,
  },
  {
    apiName: 'Email_Notification_Default__c',
    label: 'Email Notification Default',
    description: 'Whether on-demand syncs email their result when the caller does not say.',
    type: 'Checkbox',
    value: true,
  },
  {
    apiName: 'History_Retention_Days__c',
    label: 'History Retention Days',
    description: 'Days Sync History records are kept (Zuora 360 keeps 7).',
    type: 'Number',
    value: 7,
  },
  {
    apiName: 'Named_Credential__c',
    label: 'Named Credential',
    description: 'Named credential the on-demand callout goes through.',
    type: 'Text',
    value: 'ZuoraSyncService',
  },
];

export function renderSettingsType(): string {
  return metadataDocument('CustomObject', [
    ['description', 'Settings of the Zuora sync package (one record: Default).'],
    ['label', 'Sync Setting'],
    ['pluralLabel', 'Sync Settings'],
    ['visibility', 'Public'],
  ]);
}

export function renderSettingField(field: SettingField): string {
  return metadataDocument('CustomField', [
    ['fullName', field.apiName],
    field.type === 'Checkbox' && ['defaultValue', false],
    ['description', field.description],
    ['externalId', false],
    ['fieldManageability', 'SubscriberControlled'],
    ['label', field.label],
    field.type === 'Text' && ['length', 255],
    field.type === 'Number' && ['precision', 18],
    field.type !== 'Checkbox' && ['required', false],
    field.type === 'Number' && ['scale', 0],
    ['type', field.type],
    field.type !== 'Checkbox' && ['unique', false],
  ]);
}

/** customMetadata/Sync_Setting.Default.md-meta.xml; values carry xsi types, which the writer does not model. */
export function renderDefaultSettingRecord(): string {
  const xsiType = (field: SettingField): string =>
    field.type === 'Number' ? 'xsd:double' : field.type === 'Checkbox' ? 'xsd:boolean' : 'xsd:string';
  const values = SETTING_FIELDS.map(
    (field) =>
      `    <values>\n        <field>${field.apiName}</field>\n        <value xsi:type="${xsiType(field)}">${escapeXml(String(field.value))}</value>\n    </values>\n`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n' +
    '    <label>Default</label>\n' +
    '    <protected>false</protected>\n' +
    values +
    '</CustomMetadata>\n'
  );
}
