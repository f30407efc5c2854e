// Deferred references sent with the record's own upsert, so a run pays one Composite call instead of two:
// a reference is deferred only because its target may load in the same run (a self reference, the account
// <-> default payment method cycle). When no target of the record is written in this run, none has an open
// failure and neither has the record (nor its deferred references), the targets are already in Salesforce
// and an upsert resolves them by external id in the same request (`Rel__r: { Key__c: value }`).
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
import { referenceColumn } from '../mapping/field-map.js';
import type { Row } from '../mapping/record-mapper.js';
import { failureObjectOf } from '../sessions/load-plan.js';
import { openFailureKeys } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';
import type { PreparedObject, PreparedRecord } from './composite-writer.js';

/** Per object, the deferred rows by record key; `refs`: the row sets some reference. */
export type Inlinable = Map<PreparedObject, Map<string, { row: Row; refs: boolean }>>;

type Sent = readonly { readonly object: PreparedObject; readonly records: readonly PreparedRecord[] }[];

/** Per object sent, the deferred rows that may go with the upsert. */
export async function inlinableDeferred(store: Queryable, entityId: string, sent: Sent): Promise<Inlinable> {
  const upserted = new Map(sent.map((s) => [s.object.object, new Set(s.records.map((r) => r.key))]));
  const wanted = new Map<string, Set<string>>();
  const candidates: { object: PreparedObject; record: PreparedRecord; waits: [string, string][] }[] = [];
  for (const { object, records } of sent) {
    const targets = new Map(
      object.map.references.filter((r) => r.deferred === true).map((r) => [referenceColumn(r), r.target]),
    );
    const keys = new Set(records.map((r) => r.key));
    for (const record of object.deferred) {
      if (!keys.has(record.key)) continue;
      const waits: [string, string][] = [
        [object.object, record.key],
        [failureObjectOf(object.object, 'deferred'), record.key],
      ];
      for (const [column, value] of Object.entries(record.row))
        if (targets.has(column) && value !== null && value !== '')
          waits.push([targets.get(column) as string, String(value)]);
      if (waits.slice(2).some(([target, key]) => upserted.get(target)?.has(key) === true)) continue;
      for (const [label, key] of waits) wanted.set(label, (wanted.get(label) ?? new Set()).add(key));
      candidates.push({ object, record, waits });
    }
  }
  const open = new Map<string, Set<string>>();
  for (const [label, keys] of wanted)
    open.set(label, await openFailureKeys(store, label, entityId, [...keys]));
  const inline: Inlinable = new Map();
  for (const { object, record, waits } of candidates) {
    if (waits.some(([label, key]) => open.get(label)?.has(key) === true)) continue;
    const rows = inline.get(object) ?? new Map<string, { row: Row; refs: boolean }>();
    rows.set(record.key, { row: record.row, refs: waits.length > 2 });
    inline.set(object, rows);
  }
  return inline;
}
