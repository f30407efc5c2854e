import { aggregatable, filterable, groupable, isLongText, sortable } from '../schema/field-capabilities.js';
import type { FieldDef } from '../schema/schema-types.js';

// DescribeFieldResult as an org answers it, every attribute in the order the API lists them. System
// fields are neither nillable nor createable (OwnerId excepted) and are defaulted on create:
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_describesobjects_describesobjectresult.htm
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm

const soapTypes: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
  address: 'urn:address',
};

const auditFields = new Set([
  'Id',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
]);

/** Set by the platform on insert: system fields, the owner, auto-numbers and fields with a default. */
function defaultedOnCreate(f: FieldDef): boolean {
  if (f.calculated) return false;
  return auditFields.has(f.name) || f.name === 'OwnerId' || f.autoNumber || f.defaultValue !== null;
}

function nillable(f: FieldDef): boolean {
  if (f.calculated) return true;
  if (auditFields.has(f.name) || f.name === 'OwnerId' || f.autoNumber || f.type === 'boolean') return false;
  return !f.required && !f.cascadeDelete;
}

const byteLength = (f: FieldDef): number =>
  f.type === 'address'
    ? 0
    : f.type === 'id' || f.type === 'reference'
      ? 18
      : ['int', 'double', 'currency', 'percent', 'boolean', 'date', 'datetime'].includes(f.type)
        ? 0
        : f.length * 3;

export function describeField(f: FieldDef) {
  return {
    aggregatable: aggregatable(f),
    aiPredictionField: false,
    autoNumber: f.autoNumber,
    byteLength: byteLength(f),
    calculated: f.calculated,
    calculatedFormula: null,
    cascadeDelete: f.cascadeDelete,
    caseSensitive: f.caseSensitive,
    compoundFieldName: null,
    controllerName: null,
    createable: f.createable,
    custom: f.custom,
    defaultValue: f.defaultValue,
    defaultValueFormula: null,
    defaultedOnCreate: defaultedOnCreate(f),
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: f.type === 'int' ? f.precision : 0,
    displayLocationInDecimal: false,
    encrypted: false,
    externalId: f.externalId,
    extraTypeInfo: f.type === 'textarea' ? (f.htmlFormatted ? 'richtextarea' : 'plaintextarea') : null,
    filterable: filterable(f),
    filteredLookupInfo: null,
    formulaTreatNullNumberAsZero: false,
    groupable: groupable(f),
    highScaleNumber: false,
    htmlFormatted: f.htmlFormatted,
    idLookup: f.name === 'Id' || f.externalId || f.unique || (f.name === 'Name' && !isLongText(f)),
    inlineHelpText: null,
    label: f.label,
    length: f.length,
    mask: null,
    maskType: null,
    name: f.name,
    nameField: f.name === 'Name',
    namePointing: false,
    nillable: nillable(f),
    permissionable: f.custom && !f.required && !f.cascadeDelete,
    picklistValues: f.picklistValues.map((v) => ({
      active: true,
      defaultValue: v === f.defaultValue,
      label: v,
      validFor: null,
      value: v,
    })),
    polymorphicForeignKey: f.referenceTo.length > 1,
    precision: f.precision,
    queryByDistance: false,
    referenceTargetField: null,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    relationshipOrder: f.cascadeDelete && f.type === 'reference' ? 0 : null,
    restrictedDelete: false,
    restrictedPicklist: f.restrictedPicklist,
    scale: f.scale,
    searchPrefilterable: false,
    soapType: soapTypes[f.type] ?? 'xsd:string',
    sortable: sortable(f),
    type: f.type,
    unique: f.unique,
    updateable: f.updateable,
    writeRequiresMasterRead: false,
  };
}
