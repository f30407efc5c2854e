// Parses the vendored Zuora 360 field-mapping tables (docs/reference/*.md): one table per
// "#### <Zuora object> : <Salesforce object>" heading, rows "| Zuora field | `Salesforce field` | Note |".

import { cleanDocumentedName, toPackageName } from './api-names.js';

export interface MappingRow {
  zuoraField: string;
  /** The documented Salesforce name, as written (prefix and all). */
  documentedName: string;
  /** This package's API name (prefix dropped, corrections applied); null when the cell is empty. */
  apiName: string | null;
  externalId: boolean;
  note: string;
}

export interface MappingTable {
  heading: string;
  zuoraObject: string;
  documentedObject: string;
  /** This package's object API name, e.g. CustomerAccount__c or Product2. */
  objectName: string;
  source: string;
  rows: MappingRow[];
}

const HEADING = /^####\s+(.+?)\s*:\s*([A-Za-z0-9_]+)(?:\s*\(.*\))?\s*$/;

export function parseMappingTables(markdown: string): MappingTable[] {
  const tables: MappingTable[] = [];
  let current: MappingTable | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    if (heading?.[1] && heading[2]) {
      const objectName = toPackageName(heading[2]);
      if (!objectName) throw new Error(`Mapping heading without a Salesforce object: "${line}"`);
      current = {
        heading: line.replace(/^#+\s*/, ''),
        zuoraObject: heading[1],
        documentedObject: heading[2],
        objectName,
        source: '',
        rows: [],
      };
      tables.push(current);
      continue;
    }
    if (line.startsWith('#')) {
      current = undefined;
      continue;
    }
    if (!current) continue;
    if (line.startsWith('Source:')) {
      current.source = line.slice('Source:'.length).trim();
      continue;
    }
    const row = parseRow(line);
    if (row) current.rows.push(row);
  }
  return tables;
}

function parseRow(line: string): MappingRow | undefined {
  if (!line.startsWith('|')) return undefined;
  const cells = line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
  const [zuoraField = '', salesforceCell = ''] = cells;
  // Header and separator rows carry no backticked name.
  const backticked = /^`(.*)`$/.exec(salesforceCell);
  if (!backticked || backticked[1] === undefined) return undefined;
  const documentedName = backticked[1];
  return {
    zuoraField,
    documentedName,
    apiName: toPackageName(documentedName),
    externalId: cleanDocumentedName(documentedName).externalId,
    note: cells[2] ?? '',
  };
}

/** Every (object, field) the tables name, merged per object, in first-seen order. */
export function fieldsByObject(tables: readonly MappingTable[]): Map<string, Map<string, MappingRow>> {
  const result = new Map<string, Map<string, MappingRow>>();
  for (const table of tables) {
    const fields = result.get(table.objectName) ?? new Map<string, MappingRow>();
    result.set(table.objectName, fields);
    for (const row of table.rows) {
      if (row.apiName && !fields.has(row.apiName)) fields.set(row.apiName, row);
    }
  }
  return result;
}
