// Platform event Sync_Event__e: what the service publishes when a notification rule of the operations
// console fires (failures, latency, silence) or an admin sends a test, so admins can build Flows on it
// (a platform-event-triggered Flow, or an Apex trigger). HighVolume and Publish Immediately: the service
// publishes from outside any transaction. Delivery_Id__c is the same on a repeated delivery, so a subscriber
// can ignore a repeat. Field-level security does not apply to platform event fields; the integration
// permission set grants create ("publish") on the event:
// https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_considerations.htm

import type { FieldSpec, FieldType } from '../model/model-types.js';
import { renderField } from './render-field.js';
import { metadataDocument } from './xml-writer.js';

export const SYNC_EVENT = 'Sync_Event__e';

const field = (
  apiName: string,
  label: string,
  description: string,
  type: FieldType,
  required = false,
): FieldSpec => ({ apiName, label, description, type, externalId: false, unique: false, required });

export const SYNC_EVENT_FIELDS: readonly FieldSpec[] = [
  field(
    'Event_Type__c',
    'Event Type',
    'FAILURES, LATENCY or SILENCE (a rule fired) or TEST (a test notification).',
    { kind: 'Text', length: 40 },
    true,
  ),
  field(
    'Delivery_Id__c',
    'Delivery Id',
    'Unique per notification; the same value on a repeated delivery.',
    { kind: 'Text', length: 36 },
    true,
  ),
  field('Rule_Id__c', 'Rule Id', 'The notification rule in the service (a uuid).', {
    kind: 'Text',
    length: 36,
  }),
  field('Rule_Name__c', 'Rule Name', 'The name the admin gave the rule.', { kind: 'Text', length: 80 }),
  field('Message__c', 'Message', 'What happened, in words.', { kind: 'Text', length: 255 }),
  field(
    'Metric_Value__c',
    'Metric Value',
    'The value measured: failed records, percent failed, latency in ms, or minutes without a successful sync.',
    { kind: 'Number', precision: 18, scale: 2 },
  ),
  field('Threshold__c', 'Threshold', 'The threshold of the rule.', {
    kind: 'Number',
    precision: 18,
    scale: 2,
  }),
  field('Threshold_Type__c', 'Threshold Type', 'count, percentage, ms or minutes.', {
    kind: 'Text',
    length: 20,
  }),
  field('Window_Start__c', 'Window Start', 'Start of the period measured.', { kind: 'DateTime' }),
  field('Window_End__c', 'Window End', 'End of the period measured (when the rule was checked).', {
    kind: 'DateTime',
  }),
  field('Session_Id__c', 'Session Id', 'The sync session concerned, when there is one.', {
    kind: 'Text',
    length: 36,
  }),
];

export function renderSyncEvent(): string {
  return metadataDocument('CustomObject', [
    ['deploymentStatus', 'Deployed'],
    [
      'description',
      'A notification of the zuora-salesforce-sync operations console (a rule fired, or a test); subscribe with a Flow.',
    ],
    ['eventType', 'HighVolume'],
    ['label', 'Sync Event'],
    ['pluralLabel', 'Sync Events'],
    ['publishBehavior', 'PublishImmediately'],
  ]);
}

export function renderSyncEventFiles(): Map<string, string> {
  const dir = `objects/${SYNC_EVENT}`;
  const files = new Map<string, string>([[`${dir}/${SYNC_EVENT}.object-meta.xml`, renderSyncEvent()]]);
  for (const spec of SYNC_EVENT_FIELDS)
    files.set(`${dir}/fields/${spec.apiName}.field-meta.xml`, renderField(spec));
  return files;
}
