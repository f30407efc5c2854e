// A drift check's Bulk queries, started when the session starts, at most `inFlight` objects at a time, in
// load order: the Salesforce side serves them while Zuora exports and the connector maps, instead of each
// object's query waiting for the comparison of the one before. Each asks for the columns the mapping writes
// (the spool parts' headers, record-mapper.ts), so the comparison finds them all; a read that needs another
// column or key reads the object again (drift-source.ts).
import { accountReferenceColumn } from '../mapping/account-reference.js';
import { recordMapperFor } from '../mapping/map-record.js';
import type { TurboRun } from './turbo-run.js';

export interface ObjectQuery {
  readonly object: string;
  readonly keyField: string;
  readonly columns: readonly string[];
}

/** The objects a drift check reads whole (a targeted check: those it names), in load order, with columns. */
export function driftQueries(run: TurboRun): ObjectQuery[] {
  const only = run.backfill?.objects;
  const order = run.plan.groups('upsert').flat();
  const maps = run.maps
    .filter((m) => only === undefined || only.includes(m.salesforceObject) || only.includes(m.zuoraObject))
    .sort((a, b) => order.indexOf(a.salesforceObject) - order.indexOf(b.salesforceObject));
  return maps.map((map) => {
    const mapper = recordMapperFor(map, run.context);
    const account = accountReferenceColumn(map);
    const columns = new Set(['Id', mapper.upsertKey, ...mapper.columns, ...mapper.deferredColumns]);
    if (account !== undefined) columns.add(account);
    return { object: map.salesforceObject, keyField: mapper.upsertKey, columns: [...columns] };
  });
}

/** Runs `read` over `queries`, `inFlight` at a time; each object's result as a promise (never unhandled). */
export function prefetch<T>(
  queries: readonly ObjectQuery[],
  read: (query: ObjectQuery) => Promise<T>,
  inFlight = 2,
): Map<string, { query: ObjectQuery; result: Promise<T> }> {
  const out = new Map<string, { query: ObjectQuery; result: Promise<T> }>();
  const starts: (() => void)[] = [];
  for (const query of queries) {
    const result = new Promise<void>((resolve) => starts.push(resolve)).then(() => read(query));
    result.catch(() => undefined);
    out.set(query.object, { query, result });
  }
  const next = (): void => starts.shift()?.();
  for (const { result } of out.values()) void result.then(next, next);
  for (let i = 0; i < inFlight; i += 1) next();
  return out;
}
