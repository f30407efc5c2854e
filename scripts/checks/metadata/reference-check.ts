// Cross-references a deploy would reject: layout fields, related lists and quick actions; list view and
// compact layout columns; app and permission-set tabs; permission-set Apex classes. `sf project convert`
// accepts all of these dangling, so they are checked here.

import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseMetadata, text } from './metadata-files.js';
import type { ObjectIndex } from './object-index.js';

type Element = Record<string, unknown[]>;

/** Standard fields the package's layouts use; every org has them. */
const STANDARD_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '*': ['Name', 'OwnerId', 'CreatedById', 'LastModifiedById'],
  Account: [
    'ParentId',
    'AccountNumber',
    'Type',
    'Industry',
    'Phone',
    'Website',
    'BillingAddress',
    'ShippingAddress',
  ],
  Order: [
    'OrderNumber',
    'AccountId',
    'Status',
    'EffectiveDate',
    'EndDate',
    'Type',
    'ContractId',
    'TotalAmount',
    'BillingAddress',
    'ShippingAddress',
  ],
};

/** Standard related lists the package's layouts use, by object (they name no lookup field). */
const STANDARD_RELATED_LISTS: Readonly<Record<string, readonly string[]>> = {
  Order: ['RelatedOrderItemList'],
};

const children = (element: Element, name: string): Element[] => (element[name] ?? []) as Element[];

function fieldExists(index: ObjectIndex, objectName: string, field: string): boolean {
  if (STANDARD_FIELDS['*']?.includes(field) || STANDARD_FIELDS[objectName]?.includes(field)) return true;
  return index.get(objectName)?.fields.has(field) === true;
}

/**
 * Layout fields, related lists and quick actions that do not exist. `quickActionRoots` are the metadata roots
 * whose quickActions folders a layout may use (force-app-cpq's layouts also use force-app's action).
 */
export function findLayoutProblems(
  metadataRoot: string,
  index: ObjectIndex,
  quickActionRoots: readonly string[] = [metadataRoot],
): string[] {
  const problems: string[] = [];
  const dir = path.join(metadataRoot, 'layouts');
  if (!existsSync(dir)) return problems;
  for (const fileName of readdirSync(dir).filter((name) => name.endsWith('.layout-meta.xml'))) {
    const objectName = fileName.split('-')[0] ?? '';
    const layout = parseMetadata(path.join(dir, fileName));
    for (const section of children(layout, 'layoutSections')) {
      for (const column of children(section, 'layoutColumns')) {
        for (const item of children(column, 'layoutItems')) {
          const field = text(item, 'field');
          if (field && !fieldExists(index, objectName, field))
            problems.push(`${fileName}: field ${objectName}.${field} does not exist`);
        }
      }
    }
    for (const list of children(layout, 'relatedLists')) {
      const name = text(list, 'relatedList') ?? '';
      if (STANDARD_RELATED_LISTS[objectName]?.includes(name)) continue;
      const [child = '', field = ''] = name.split('.');
      if (!index.get(child)?.fields.has(field))
        problems.push(`${fileName}: related list ${child}.${field} has no such lookup`);
    }
    for (const actions of children(layout, 'platformActionList')) {
      for (const item of children(actions, 'platformActionListItems')) {
        const name = text(item, 'actionName') ?? '';
        const found = quickActionRoots.some((root) =>
          existsSync(path.join(root, 'quickActions', `${name}.quickAction-meta.xml`)),
        );
        if (text(item, 'actionType') === 'QuickAction' && !found) {
          problems.push(`${fileName}: quick action ${name} has no quickActions/${name}.quickAction-meta.xml`);
        }
      }
    }
  }
  return problems;
}

export function findViewProblems(metadataRoot: string, index: ObjectIndex): string[] {
  const problems: string[] = [];
  for (const [objectName] of index) {
    for (const [folder, element] of [
      ['listViews', 'columns'],
      ['compactLayouts', 'fields'],
    ] as const) {
      const dir = path.join(metadataRoot, 'objects', objectName, folder);
      if (!existsSync(dir)) continue;
      for (const fileName of readdirSync(dir)) {
        const view = parseMetadata(path.join(dir, fileName));
        for (const column of (view[element] ?? []) as string[]) {
          const field = column === 'NAME' ? 'Name' : column;
          if (!fieldExists(index, objectName, field))
            problems.push(`${objectName}/${folder}/${fileName}: ${field} does not exist`);
        }
      }
    }
  }
  return problems;
}

export function findTabAndClassProblems(metadataRoot: string): string[] {
  const problems: string[] = [];
  const tabExists = (tab: string): boolean =>
    tab.startsWith('standard-') || existsSync(path.join(metadataRoot, 'tabs', `${tab}.tab-meta.xml`));
  const appsDir = path.join(metadataRoot, 'applications');
  for (const fileName of existsSync(appsDir) ? readdirSync(appsDir) : []) {
    for (const tab of (parseMetadata(path.join(appsDir, fileName))['tabs'] ?? []) as string[]) {
      if (!tabExists(tab)) problems.push(`${fileName}: tab ${tab} does not exist`);
    }
  }
  const setsDir = path.join(metadataRoot, 'permissionsets');
  for (const fileName of existsSync(setsDir) ? readdirSync(setsDir) : []) {
    const set = parseMetadata(path.join(setsDir, fileName));
    for (const setting of children(set, 'tabSettings')) {
      const tab = text(setting, 'tab') ?? '';
      if (!tabExists(tab)) problems.push(`${fileName}: tab ${tab} does not exist`);
    }
    for (const access of children(set, 'classAccesses')) {
      const name = text(access, 'apexClass') ?? '';
      if (!existsSync(path.join(metadataRoot, 'classes', `${name}.cls`)))
        problems.push(`${fileName}: Apex class ${name} does not exist`);
    }
  }
  return problems;
}
