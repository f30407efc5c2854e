import { childRelationshipsOf } from '../schema/child-relationships.js';
import type { ObjectDef, Schema } from '../schema/schema-types.js';
import { describeField } from './describe-field.js';

// Describe Global entries and sObject Describe, with the attributes clients read (DescribeGlobalSObjectResult,
// DescribeSObjectResult). Child relationships are named as the metadata names them (null where the
// reference field has no child relationship name), not invented.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_describesobjects_describesobjectresult.htm

export function describeGlobalEntry(def: ObjectDef, version: string) {
  const base = `/services/data/v${version}/sobjects/${def.name}`;
  const data = !def.isEvent && !def.isMetadataType;
  return {
    activateable: false,
    associateEntityType: null,
    associateParentEntity: null,
    createable: !def.isMetadataType,
    custom: def.custom,
    customSetting: false,
    deepCloneable: false,
    deletable: data,
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isInterface: false,
    isSubtype: false,
    keyPrefix: def.keyPrefix,
    label: def.label,
    labelPlural: def.labelPlural,
    layoutable: data,
    mergeable: false,
    mruEnabled: false,
    name: def.name,
    queryable: !def.isEvent,
    replicateable: data,
    retrieveable: !def.isEvent,
    searchable: data,
    triggerable: !def.isMetadataType,
    undeletable: data,
    updateable: data,
    urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
  };
}

function childRelationships(schema: Schema, def: ObjectDef) {
  return childRelationshipsOf(schema, def).map((r) => ({
    cascadeDelete: r.field.cascadeDelete,
    childSObject: r.child.name,
    deprecatedAndHidden: false,
    field: r.field.name,
    junctionIdListNames: [],
    junctionReferenceTo: [],
    relationshipName: r.name,
    restrictedDelete: false,
  }));
}

export function describeObject(schema: Schema, def: ObjectDef, version: string) {
  const entry = describeGlobalEntry(def, version);
  const base = entry.urls.sobject;
  return {
    actionOverrides: [],
    ...entry,
    childRelationships: childRelationships(schema, def),
    compactLayoutable: entry.layoutable,
    defaultImplementation: null,
    extendedBy: null,
    extendsInterfaces: null,
    fields: def.fields.map(describeField),
    implementedBy: null,
    implementsInterfaces: null,
    listviewable: null,
    lookupLayoutable: null,
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
        urls: { layout: `${base}/describe/layouts/012000000000000AAA` },
      },
    ],
    searchLayoutable: entry.searchable,
    sobjectDescribeOption: 'FULL',
    supportedScopes: [{ label: `All ${def.labelPlural.toLowerCase()}`, name: 'everything' }],
    urls: { ...entry.urls, describe: `${base}/describe`, layouts: `${base}/describe/layouts` },
  };
}
