// Platform event Sync_Audit__e: how the package records an on-demand request the sync service never saw
// (refused, unreachable, or answered with something that is not the service's answer). Apex publishes it
// immediately, outside the caller's transaction; its trigger (SyncAuditEventTrigger) runs as the Automated
// Process user and writes the Sync_History__c and Sync_Record_Error__c records, so the write depends on
// neither the caller's record access nor the caller's transaction committing (NebulaLogger's pattern:
// LogEntryEvent__e, HighVolume, PublishImmediately). Publish Immediately events do not count as pending work,
// so a callout may follow them in the same transaction:
// https://releasenotes.docs.salesforce.com/en-us/winter21/release-notes/rn_platform_events_publish_immediate_limit.htm
// Field-level security does not apply to platform event fields, so no permission set lists them:
// https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_considerations.htm

import type { FieldSpec, FieldType } from '../model/model-types.js';
import { renderField } from './render-field.js';
import { metadataDocument } from './xml-writer.js';

export const AUDIT_EVENT = 'Sync_Audit__e';

const field = (apiName: string, label: string, description: string, type: FieldType): FieldSpec => ({
  apiName,
  label,
  description,
  type,
  externalId: false,
  unique: false,
  required: false,
});

export const AUDIT_EVENT_FIELDS: readonly FieldSpec[] = [
  field(
    'Session_Id__c',
    'Session Id',
    'A uuid made by Apex for this request (the service never gave it one).',
    { kind: 'Text', length: 36 },
  ),
  field('Object_Type__c', 'Object Type', 'BILLING_ACCOUNT, ZPRODUCT or CPQ_ORDER.', {
    kind: 'Text',
    length: 20,
  }),
  field('Source__c', 'Source', 'UI, APEX or FLOW.', { kind: 'Text', length: 10 }),
  field('Requested_Ids__c', 'Requested Ids', 'The ids of the request, one a line.', {
    kind: 'LongTextArea',
    length: 32768,
  }),
  field('Entity_Id__c', 'Entity Id', 'The Zuora entity of the request, when it names one.', {
    kind: 'Text',
    length: 64,
  }),
  field('Error_Code__c', 'Error Code', 'Why the request did not reach a sync session.', {
    kind: 'Text',
    length: 80,
  }),
  field('Error_Message__c', 'Error Message', 'The same, in words.', { kind: 'LongTextArea', length: 32768 }),
  field('Is_Async__c', 'Is Async', 'The callout ran in a Queueable.', {
    kind: 'Checkbox',
    defaultValue: false,
  }),
  field('Requested_By__c', 'Requested By', 'Username of the user who made the request.', {
    kind: 'Text',
    length: 255,
  }),
  field('Started_On__c', 'Started On', 'When the callout started.', { kind: 'DateTime' }),
  field('Finished_On__c', 'Finished On', 'When the callout ended.', { kind: 'DateTime' }),
];

export function renderAuditEvent(): string {
  return metadataDocument('CustomObject', [
    ['deploymentStatus', 'Deployed'],
    [
      'description',
      'An on-demand sync request, or a CPQ order sent to Zuora, that the sync service never saw; its trigger records it in Sync History.',
    ],
    ['eventType', 'HighVolume'],
    ['label', 'Sync Audit Event'],
    ['pluralLabel', 'Sync Audit Events'],
    ['publishBehavior', 'PublishImmediately'],
  ]);
}

export function renderAuditEventFiles(): Map<string, string> {
  const dir = `objects/${AUDIT_EVENT}`;
  const files = new Map<string, string>([[`${dir}/${AUDIT_EVENT}.object-meta.xml`, renderAuditEvent()]]);
  for (const spec of AUDIT_EVENT_FIELDS)
    files.set(`${dir}/fields/${spec.apiName}.field-meta.xml`, renderField(spec));
  return files;
}
