import { XMLParser } from 'fast-xml-parser';
import { textOf } from '../../text-of.js';
import { csvLine } from '../csv-reader.js';
import { AsyncError, type Format } from './async-format.js';

// Batches in JSON or XML carry the same records a CSV batch does; they are turned into CSV so every
// format goes through one ingest path. A relationship by external ID is a nested object
// (`"Account__r": {"Ext__c": "x"}`, `<Account__r><sObject><Ext__c>x</Ext__c></sObject></Account__r>`)
// and becomes the `Account__r.Ext__c` column; a null (JSON null, `xsi:nil="true"`) becomes `#N/A`.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_json_preparing.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_xml_preparing.htm

type Row = Map<string, string>;

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  removeNSPrefix: true,
  isArray: (name) => name === 'sObject',
});

function flatten(record: Record<string, unknown>, row: Row, prefix = ''): void {
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith('@_') || key === 'attributes' || key === 'type') continue;
    const name = prefix + key;
    if (value === null) row.set(name, '#N/A');
    else if (typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (v['@_nil'] === 'true') row.set(name, '#N/A');
      else if (Array.isArray(v.sObject)) flatten(v.sObject[0] as Record<string, unknown>, row, `${name}.`);
      else if ('#text' in v) row.set(name, textOf(v['#text']));
      else flatten(v, row, `${name}.`);
    } else row.set(name, textOf(value));
  }
}

function toCsv(rows: Row[]): string {
  const header = [...new Set(rows.flatMap((r) => [...r.keys()]))];
  return (
    [
      csvLine(header, ','),
      ...rows.map((r) =>
        csvLine(
          header.map((h) => r.get(h) ?? ''),
          ',',
        ),
      ),
    ].join('\n') + '\n'
  );
}

function jsonRecords(text: string): Array<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AsyncError('InvalidBatch', `Failed to parse the JSON batch: ${(error as Error).message}`);
  }
  if (!Array.isArray(value) || value.some((r) => r === null || typeof r !== 'object' || Array.isArray(r)))
    throw new AsyncError('InvalidBatch', 'A JSON batch must be an array of record objects');
  return value as Array<Record<string, unknown>>;
}

function xmlRecords(text: string): Array<Record<string, unknown>> {
  let doc: Record<string, unknown>;
  try {
    doc = xml.parse(text, true) as Record<string, unknown>;
  } catch (error) {
    throw new AsyncError('InvalidBatch', `Failed to parse the XML batch: ${(error as Error).message}`);
  }
  const root = doc.sObjects as { sObject?: unknown } | undefined;
  if (!root || typeof root !== 'object')
    throw new AsyncError('InvalidBatch', 'An XML batch must be <sObjects> of <sObject>');
  return Array.isArray(root.sObject) ? (root.sObject as Array<Record<string, unknown>>) : [];
}

/** The batch as CSV (CSV batches as sent). */
export function batchCsv(format: 'CSV' | Format, text: string): string {
  if (format === 'CSV') return text;
  const records = format === 'json' ? jsonRecords(text) : xmlRecords(text);
  return toCsv(
    records.map((r) => {
      const row: Row = new Map();
      flatten(r, row);
      return row;
    }),
  );
}
