// Runs a compiled query over records: filter, then (when asked) group, sort and cut. A plain query streams:
// the records pass through one at a time, so a million-row export is never gathered.
import type { ZRecord } from '../model/zuora-record.js';
import { isNumeric, isTemporal, type FieldType } from '../model/field-types.js';
import { compareValues } from './compare-values.js';
import type { CompiledQuery } from './compile-query.js';
import type { Operand } from './compile-filter.js';
import { groupRecords, type Group } from './group-plan.js';
import type { Row } from './select-columns.js';
import { readMoment } from './temporal.js';

function sortValue(type: FieldType, v: unknown): number | string | null {
  if (v === null || v === undefined || v === '') return null;
  if (isNumeric(type)) return Number(v);
  if (isTemporal(type) && typeof v === 'string') {
    const m = readMoment(v);
    if (typeof m === 'object') return m.kind === 'date' ? m.start : m.at;
  }
  return typeof v === 'boolean' ? String(v) : (v as string | number);
}

/** Sorts by the keys in turn; null values last, as Trino does. */
function sortBy<R>(rows: R[], keys: { operand: Operand<R>; desc: boolean }[]): R[] {
  if (keys.length === 0) return rows;
  const decorated = rows.map((row) => ({
    row,
    values: keys.map((k) => sortValue(k.operand.type, k.operand.get(row))),
  }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i += 1) {
      const x = a.values[i] ?? null;
      const y = b.values[i] ?? null;
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = compareValues(x, y) ?? 0;
      if (c !== 0) return keys[i]?.desc === true ? -c : c;
    }
    return 0;
  });
  return decorated.map((d) => d.row);
}

function* filtered(query: CompiledQuery, records: Iterable<ZRecord>): Generator<ZRecord> {
  for (const r of records) if (query.matches(r)) yield r;
}

function cut<R>(rows: R[], limit: CompiledQuery['limit']): R[] {
  return limit === null ? rows : rows.slice(limit.offset, limit.offset + limit.count);
}

/** The result rows: records for a plain query (their columns read fields), grouped rows otherwise. */
export function runQuery(query: CompiledQuery, records: Iterable<ZRecord>): Iterable<Row> {
  const plan = query.grouping;
  if (plan === null) {
    if (query.order.length === 0 && query.limit === null) return filtered(query, records);
    return cut(sortBy([...filtered(query, records)], query.order), query.limit);
  }
  let groups: Group[] = groupRecords(plan, filtered(query, records));
  if (plan.having !== null) groups = groups.filter(plan.having);
  groups = cut(sortBy(groups, plan.order), query.limit);
  return groups.map((g) => {
    const row: Record<string, unknown> = {};
    query.columns.forEach((c, i) => {
      row[`c${i}`] =
        c.aggregate !== null
          ? (g.values.get(aggregateKey(c.reference)) ?? null)
          : (c.field?.getter(g.first) ?? null);
    });
    return row as Row;
  });
}

function aggregateKey(text: string): string {
  return text.toLowerCase();
}
