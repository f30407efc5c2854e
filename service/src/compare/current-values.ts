// The current Salesforce values of the records a session would write, read by their external id in SOQL
// queries of at most `keysPerQuery` keys (an IN list well under the 100,000-character statement limit), each
// answer paged with queryMore. Every call is counted, so the caller reports the cost of its comparison.
// https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_soslsoql.htm
import type jsforce from 'jsforce';
import { soqlList } from '../salesforce/soql.js';

export const keysPerQuery = 300;

/** A record flattened to the columns asked for (`Rel__r.Key__c` read from the nested relationship). */
export type CurrentRecord = Record<string, unknown>;

export interface CurrentValues {
  readonly records: Map<string, CurrentRecord>;
  readonly calls: number;
}

function valueAt(record: Record<string, unknown>, column: string): unknown {
  let value: unknown = record;
  for (const part of column.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[part];
  }
  return value ?? null;
}

function flatten(record: Record<string, unknown>, columns: readonly string[]): CurrentRecord {
  const flat: CurrentRecord = { Id: record.Id ?? null };
  for (const column of columns) flat[column] = valueAt(record, column);
  return flat;
}

export async function readCurrentValues(
  conn: jsforce.Connection,
  object: string,
  keyField: string,
  columns: readonly string[],
  keys: readonly string[],
): Promise<CurrentValues> {
  const records = new Map<string, CurrentRecord>();
  const fields = [...new Set(['Id', keyField, ...columns])];
  const unique = [...new Set(keys.filter((k) => k !== ''))];
  let calls = 0;
  for (let i = 0; i < unique.length; i += keysPerQuery) {
    const chunk = unique.slice(i, i + keysPerQuery);
    const soql = `SELECT ${fields.join(', ')} FROM ${object} WHERE ${keyField} IN (${soqlList(chunk)})`;
    let page = await conn.query<Record<string, unknown>>(soql);
    calls += 1;
    for (;;) {
      for (const r of page.records) records.set(String(valueAt(r, keyField)), flatten(r, fields));
      if (page.done || page.nextRecordsUrl === undefined) break;
      page = await conn.queryMore<Record<string, unknown>>(page.nextRecordsUrl);
      calls += 1;
    }
  }
  return { records, calls };
}
