// CustomField (objects/<Object>/fields/<Field>.field-meta.xml). Element order follows what a retrieve writes.

import type { FieldSpec } from '../model/model-types.js';
import { metadataDocument, type XmlChild } from './xml-writer.js';

export function renderField(field: FieldSpec): string {
  return metadataDocument('CustomField', [['fullName', field.apiName], ...typeElements(field)]);
}

function typeElements(field: FieldSpec): XmlChild[] {
  const { type } = field;
  const common = {
    description: ['description', field.description] as const,
    label: ['label', field.label] as const,
  };
  switch (type.kind) {
    case 'Text':
      return [
        field.unique && ['caseSensitive', false],
        common.description,
        ['externalId', field.externalId],
        common.label,
        ['length', type.length],
        ['required', field.required],
        ['trackTrending', false],
        ['type', 'Text'],
        ['unique', field.unique],
      ];
    case 'LongTextArea':
      return [
        common.description,
        ['externalId', false],
        common.label,
        ['length', type.length],
        ['trackTrending', false],
        ['type', 'LongTextArea'],
        ['visibleLines', 5],
      ];
    case 'Number':
    case 'Percent':
      return [
        common.description,
        ['externalId', false],
        common.label,
        ['precision', type.precision],
        ['required', field.required],
        ['scale', type.scale],
        ['trackTrending', false],
        ['type', type.kind],
        ['unique', false],
      ];
    case 'Checkbox':
      return [
        ['defaultValue', type.defaultValue],
        common.description,
        ['externalId', false],
        common.label,
        ['trackTrending', false],
        ['type', 'Checkbox'],
      ];
    case 'Date':
    case 'DateTime':
      return [
        common.description,
        ['externalId', false],
        common.label,
        ['required', field.required],
        ['trackTrending', false],
        ['type', type.kind],
      ];
    case 'Picklist':
      return [
        common.description,
        ['externalId', false],
        common.label,
        ['required', false],
        ['trackTrending', false],
        ['type', 'Picklist'],
        [
          'valueSet',
          [
            ['restricted', true],
            [
              'valueSetDefinition',
              [
                ['sorted', false],
                ...type.values.map((value): XmlChild => [
                  'value',
                  [
                    ['fullName', value],
                    ['default', false],
                    ['label', value],
                  ],
                ]),
              ],
            ],
          ],
        ],
      ];
    case 'Lookup':
      return [
        ['deleteConstraint', 'SetNull'],
        common.description,
        ['externalId', false],
        common.label,
        ['referenceTo', type.referenceTo],
        ['relationshipLabel', type.relationshipLabel],
        ['relationshipName', type.relationshipName],
        ['required', false],
        ['trackTrending', false],
        ['type', 'Lookup'],
      ];
    case 'MasterDetail':
      return [
        common.description,
        ['externalId', false],
        common.label,
        ['referenceTo', type.referenceTo],
        ['relationshipLabel', type.relationshipLabel],
        ['relationshipName', type.relationshipName],
        ['relationshipOrder', 0],
        // Reparenting lets an upsert move a child when Zuora moves it (e.g. an invoice item re-linked).
        ['reparentableMasterDetail', true],
        ['trackTrending', false],
        ['type', 'MasterDetail'],
        ['writeRequiresMasterRead', false],
      ];
  }
}
