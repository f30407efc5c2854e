// Every generated metadata file of the CPQ part (force-app-cpq), as (path, contents) pairs relative to
// force-app-cpq/main/default: the write-back fields, the CPQ Order Sync object with its views, tab and compact
// layout, the CPQ layouts and the CPQ permission sets. Pure, so a test can compare it with the committed files.

import { CPQ_PERMISSION_SETS } from '../model/cpq-permission-set-specs.js';
import type { PackageModel } from '../model/model-types.js';
import { renderCompactLayout } from './render-compact-layout.js';
import {
  CPQ_ACCOUNT_LAYOUT,
  CPQ_ORDER_LAYOUT,
  renderCpqAccountLayout,
  renderCpqOrderLayout,
} from './render-cpq-layouts.js';
import { renderField } from './render-field.js';
import { renderAllListView, renderFilteredListView } from './render-list-view.js';
import { renderObject } from './render-object.js';
import { renderPermissionSet } from './render-permission-set.js';
import { renderTab } from './render-tab.js';

/** Views of the sync records that need a person: the failed ones, and the ones waiting for CPQ. */
const STATUS_VIEWS = [
  { name: 'Failed', label: 'Failed', value: 'Failed' },
  { name: 'Waiting', label: 'Waiting', value: 'Waiting' },
];

export function renderCpqPackage(cpq: PackageModel, base: PackageModel): Map<string, string> {
  const files = new Map<string, string>();
  for (const object of cpq.objects) {
    const dir = `objects/${object.apiName}`;
    if (!object.standard) files.set(`${dir}/${object.apiName}.object-meta.xml`, renderObject(object));
    for (const field of object.fields)
      files.set(`${dir}/fields/${field.apiName}.field-meta.xml`, renderField(field));
    if (!object.main) continue;
    files.set(`${dir}/listViews/All.listView-meta.xml`, renderAllListView(object));
    for (const view of STATUS_VIEWS) {
      files.set(
        `${dir}/listViews/${view.name}.listView-meta.xml`,
        renderFilteredListView(object, view.name, view.label, { field: 'Status__c', value: view.value }),
      );
    }
    const compact = renderCompactLayout(object);
    files.set(`${dir}/compactLayouts/${compact.fileName}`, compact.xml);
    files.set(`tabs/${object.apiName}.tab-meta.xml`, renderTab(object));
  }
  files.set(`layouts/${CPQ_ORDER_LAYOUT}.layout-meta.xml`, renderCpqOrderLayout(cpq));
  files.set(`layouts/${CPQ_ACCOUNT_LAYOUT}.layout-meta.xml`, renderCpqAccountLayout(cpq, base));
  for (const spec of CPQ_PERMISSION_SETS) {
    files.set(`permissionsets/${spec.name}.permissionset-meta.xml`, renderPermissionSet(spec, cpq));
  }
  return files;
}
