// The "All" list view (objects/<Object>/listViews/All.listView-meta.xml) of a main object.

import type { ObjectSpec } from '../model/model-types.js';
import { metadataDocument } from './xml-writer.js';

export function renderAllListView(object: ObjectSpec): string {
  return metadataDocument('ListView', [
    ['fullName', 'All'],
    ['columns', 'NAME'],
    ...object.highlightFields.map((field) => ['columns', field] as const),
    ['filterScope', 'Everything'],
    ['label', 'All'],
  ]);
}
