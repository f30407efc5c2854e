// PermissionSet (permissionsets/<Name>.permissionset-meta.xml) from a PermissionSetSpec and the model.
// Required fields (master-detail) cannot carry field permissions: the platform always grants them.

import type { ObjectAccess, PermissionSetSpec } from '../model/permission-set-specs.js';
import { APP_NAME, EXTERNAL_CREDENTIAL, PRINCIPAL } from '../model/permission-set-specs.js';
import type { PackageModel } from '../model/model-types.js';
import { metadataDocument, type XmlChild } from './xml-writer.js';

export const SETTINGS_TYPE = 'Sync_Setting__mdt';

export function renderPermissionSet(spec: PermissionSetSpec, model: PackageModel): string {
  const fieldPermissions: XmlChild[] = [];
  const objectPermissions: XmlChild[] = [];
  for (const object of [...model.objects].sort((a, b) => a.apiName.localeCompare(b.apiName))) {
    const access = object.standard ? undefined : spec.objectAccess(object);
    if (access) objectPermissions.push(objectPermission(object.apiName, access));
    for (const field of [...object.fields].sort((a, b) => a.apiName.localeCompare(b.apiName))) {
      if (field.required) continue;
      const level = spec.fieldAccess(object, field);
      if (!level) continue;
      fieldPermissions.push([
        'fieldPermissions',
        [
          ['editable', level === 'edit'],
          ['field', `${object.apiName}.${field.apiName}`],
          ['readable', true],
        ],
      ]);
    }
  }
  for (const standard of spec.standardObjects)
    objectPermissions.push(objectPermission(standard.object, standard.access));
  objectPermissions.sort((a, b) => objectName(a).localeCompare(objectName(b)));

  return metadataDocument('PermissionSet', [
    spec.appVisible && [
      'applicationVisibilities',
      [
        ['application', APP_NAME],
        ['visible', true],
      ],
    ],
    ...spec.apexClasses.map((name): XmlChild => [
      'classAccesses',
      [
        ['apexClass', name],
        ['enabled', true],
      ],
    ]),
    [
      'customMetadataTypeAccesses',
      [
        ['enabled', true],
        ['name', SETTINGS_TYPE],
      ],
    ],
    ['description', spec.description],
    spec.calloutPrincipal && [
      'externalCredentialPrincipalAccesses',
      [
        ['enabled', true],
        ['externalCredentialPrincipal', `${EXTERNAL_CREDENTIAL}-${PRINCIPAL}`],
      ],
    ],
    ...fieldPermissions,
    ['hasActivationRequired', false],
    ['label', spec.label],
    ...objectPermissions,
    ...(spec.tabsVisible
      ? model.objects
          .filter((object) => object.main)
          .map((object): XmlChild => [
            'tabSettings',
            [
              ['tab', object.apiName],
              ['visibility', 'Visible'],
            ],
          ])
      : []),
    ...spec.userPermissions.map((name): XmlChild => [
      'userPermissions',
      [
        ['enabled', true],
        ['name', name],
      ],
    ]),
  ]);
}

function objectPermission(object: string, access: ObjectAccess): XmlChild {
  return [
    'objectPermissions',
    [
      ['allowCreate', access.create],
      ['allowDelete', access.delete],
      ['allowEdit', access.edit],
      ['allowRead', access.read],
      ['modifyAllRecords', access.modifyAll],
      ['object', object],
      ['viewAllRecords', access.viewAll],
    ],
  ];
}

function objectName(child: XmlChild): string {
  if (!child) return '';
  const entries = child[1];
  if (!Array.isArray(entries)) return '';
  const found = (entries as XmlChild[]).find((entry) => entry && entry[0] === 'object');
  return found ? String(found[1]) : '';
}
