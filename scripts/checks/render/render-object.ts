// CustomObject (objects/<Object>/<Object>.object-meta.xml) for the package's custom objects.
// Synced objects are Public Read Only: users read billing data, only the integration user (View/Modify All
// through its permission set) writes it. Detail objects take their sharing from the master.

import type { ObjectSpec } from '../model/model-types.js';
import { metadataDocument, type XmlChild } from './xml-writer.js';

export function compactLayoutName(object: ObjectSpec): string {
  return `${object.apiName.replace(/__c$/, '')}_Compact`;
}

export function renderObject(object: ObjectSpec): string {
  const isDetail = object.fields.some((field) => field.type.kind === 'MasterDetail');
  const nameField: XmlChild[] =
    object.nameField.kind === 'AutoNumber'
      ? [
          ['displayFormat', object.nameField.format],
          ['label', object.nameField.label],
          ['trackHistory', false],
          ['type', 'AutoNumber'],
        ]
      : [
          ['label', object.nameField.label],
          ['trackHistory', false],
          ['type', 'Text'],
        ];
  return metadataDocument('CustomObject', [
    ['allowInChatterGroups', false],
    object.main && ['compactLayoutAssignment', compactLayoutName(object)],
    ['deploymentStatus', 'Deployed'],
    ['description', object.description],
    ['enableActivities', false],
    ['enableBulkApi', true],
    ['enableFeeds', false],
    ['enableHistory', false],
    ['enableLicensing', false],
    ['enableReports', true],
    ['enableSearch', object.main],
    ['enableSharing', true],
    ['enableStreamingApi', true],
    ['label', object.label],
    ['nameField', nameField],
    ['pluralLabel', object.pluralLabel],
    ['searchLayouts', ''],
    ['sharingModel', isDetail ? 'ControlledByParent' : 'Read'],
    ['visibility', 'Public'],
  ]);
}
