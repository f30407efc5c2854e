// List views (objects/<Object>/listViews/<Name>.listView-meta.xml) of a main object: "All", and views
// filtered on one field's value.

import type { ObjectSpec } from '../model/model-types.js';
import { metadataDocument, type XmlChild } from './xml-writer.js';

export function renderAllListView(object: ObjectSpec): string {
  return renderListView(object, 'All', 'All', []);
}

/** A view of the records whose `field` equals `value`, e.g. the failed CPQ order syncs. */
export function renderFilteredListView(
  object: ObjectSpec,
  name: string,
  label: string,
  filter: { field: string; value: string },
): string {
  return renderListView(object, name, label, [
    [
      'filters',
      [
        ['field', filter.field],
        ['operation', 'equals'],
        ['value', filter.value],
      ],
    ],
  ]);
}

function renderListView(
  object: ObjectSpec,
  name: string,
  label: string,
  filters: readonly XmlChild[],
): string {
  return metadataDocument('ListView', [
    ['fullName', name],
    ['columns', 'NAME'],
    ...object.highlightFields.map((field) => ['columns', field] as const),
    ['filterScope', 'Everything'],
    ...filters,
    ['label', label],
  ]);
}
