// Every metadata file of the package's data model, permissions and connection, as (path, contents) pairs
// relative to force-app/main/default. Pure, so a test can compare it with the committed files.

import type { PackageModel } from '../model/model-types.js';
import { PERMISSION_SETS } from '../model/permission-set-specs.js';
import { renderApplication } from './render-application.js';
import { renderAuditEventFiles } from './render-audit-event.js';
import { renderCompactLayout } from './render-compact-layout.js';
import { renderSyncEventFiles } from './render-sync-event.js';
import { renderExternalCredential, renderNamedCredential } from './render-credentials.js';
import { renderField } from './render-field.js';
import {
  ACCOUNT_LAYOUT,
  BILLING_ACCOUNT_LAYOUT,
  renderAccountLayout,
  renderBillingAccountLayout,
} from './render-layout.js';
import { renderAllListView } from './render-list-view.js';
import { renderObject } from './render-object.js';
import { renderPermissionSet, SETTINGS_TYPE } from './render-permission-set.js';
import {
  renderDefaultSettingRecord,
  renderSettingField,
  renderSettingsType,
  SETTING_FIELDS,
} from './render-settings.js';
import { renderTab } from './render-tab.js';

export function renderPackage(model: PackageModel): Map<string, string> {
  const files = new Map<string, string>();
  for (const object of model.objects) {
    const dir = `objects/${object.apiName}`;
    if (!object.standard) files.set(`${dir}/${object.apiName}.object-meta.xml`, renderObject(object));
    for (const field of object.fields)
      files.set(`${dir}/fields/${field.apiName}.field-meta.xml`, renderField(field));
    if (object.main) {
      files.set(`${dir}/listViews/All.listView-meta.xml`, renderAllListView(object));
      const compact = renderCompactLayout(object);
      files.set(`${dir}/compactLayouts/${compact.fileName}`, compact.xml);
      files.set(`tabs/${object.apiName}.tab-meta.xml`, renderTab(object));
    }
  }
  files.set(`layouts/${BILLING_ACCOUNT_LAYOUT}.layout-meta.xml`, renderBillingAccountLayout(model));
  files.set(`layouts/${ACCOUNT_LAYOUT}.layout-meta.xml`, renderAccountLayout(model));
  for (const spec of PERMISSION_SETS) {
    files.set(`permissionsets/${spec.name}.permissionset-meta.xml`, renderPermissionSet(spec, model));
  }
  files.set('applications/Zuora_Sync.app-meta.xml', renderApplication(model));
  files.set(`objects/${SETTINGS_TYPE}/${SETTINGS_TYPE}.object-meta.xml`, renderSettingsType());
  for (const field of SETTING_FIELDS) {
    files.set(`objects/${SETTINGS_TYPE}/fields/${field.apiName}.field-meta.xml`, renderSettingField(field));
  }
  files.set('customMetadata/Sync_Setting.Default.md-meta.xml', renderDefaultSettingRecord());
  for (const [relative, contents] of renderSyncEventFiles()) files.set(relative, contents);
  for (const [relative, contents] of renderAuditEventFiles()) files.set(relative, contents);
  files.set('externalCredentials/ZuoraSyncService.externalCredential-meta.xml', renderExternalCredential());
  files.set('namedCredentials/ZuoraSyncService.namedCredential-meta.xml', renderNamedCredential());
  return files;
}
