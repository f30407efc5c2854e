// The XML documents of GET /v1/describe and GET /v1/describe/{object}: each field with its label, type,
// flags and `<contexts>` (every emulated field is available to both SOAP/REST and export, so both
// contexts are listed), and with showRelationships=true the joined objects.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Describe/ ;
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/changes-to-the-describe-api
import { objectNames, type ObjectName } from '../model/object-definitions.js';
import { typedFields } from '../model/field-types.js';
import { humanize } from '../query/column-labels.js';
import { directJoins } from '../query/field-paths.js';

const systemFields = new Set(['Id', 'CreatedDate', 'UpdatedDate', 'CreatedById', 'UpdatedById']);

export function xmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const header = '<?xml version="1.0" encoding="UTF-8"?>';

export function describeObjectXml(base: string, object: ObjectName, showRelationships: boolean): string {
  const fields = typedFields(object).map((f) => {
    const writable = !systemFields.has(f.name);
    return [
      '<field>',
      `<name>${f.name}</name>`,
      `<label>${xmlText(humanize(f.name))}</label>`,
      '<selectable>true</selectable>',
      `<createable>${writable}</createable>`,
      `<updateable>${writable}</updateable>`,
      '<filterable>true</filterable>',
      '<custom>false</custom>',
      `<maxlength>${f.type === 'text' ? (f.name.endsWith('Id') ? 32 : 255) : ''}</maxlength>`,
      '<required>false</required>',
      `<type>${f.type}</type>`,
      '<contexts><context>soap</context><context>export</context></contexts>',
      '</field>',
    ].join('');
  });
  const related = showRelationships
    ? [
        '<related-objects>',
        ...directJoins(object).map(
          (j) =>
            `<object href="${xmlText(`${base}/v1/describe/${j.target}`)}"><name>${j.name}</name><label>${xmlText(humanize(j.name))}</label><cardinality>TO_ONE</cardinality><direct-relationship>true</direct-relationship><path>${object}.${j.name}</path></object>`,
        ),
        '</related-objects>',
      ]
    : [];
  return [
    header,
    `<object href="${xmlText(`${base}/v1/describe/${object}`)}">`,
    `<name>${object}</name>`,
    `<label>${xmlText(humanize(object))}</label>`,
    '<fields>',
    ...fields,
    '</fields>',
    ...related,
    '</object>',
  ].join('\n');
}

export function describeListXml(base: string): string {
  return [
    header,
    '<objects>',
    ...objectNames.map(
      (o) =>
        `<object href="${xmlText(`${base}/v1/describe/${o}`)}"><name>${o}</name><label>${xmlText(humanize(o))}</label></object>`,
    ),
    '</objects>',
  ].join('\n');
}

export function describeErrorXml(code: string, message: string): string {
  return `${header}\n<error><code>${xmlText(code)}</code><message>${xmlText(message)}</message></error>`;
}
