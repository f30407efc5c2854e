// Where a drift check reads Salesforce: each object whole, once, with one Bulk API 2.0 query job (pages of
// 10,000 records: ceil(N / 10,000) result pages an object), instead of SOQL by external id. It remembers the
// keys the Zuora side holds, so what Salesforce has beyond them is found (orphans), and adds each record to
// its billing account's checksum on both sides (compare/account-checksums.ts).
import { AccountChecksums } from '../compare/account-checksums.js';
import type { DesiredRow } from '../compare/compare-rows.js';
import type { CurrentRecord, CurrentValues } from '../compare/current-values.js';
import { accountReferenceColumn } from '../mapping/account-reference.js';
import { bulkQuery } from '../salesforce/bulk-query.js';
import type { TurboRun } from './turbo-run.js';

export interface ObjectRead {
  readonly records: Map<string, CurrentRecord>;
  readonly calls: number;
  readonly pages: number;
}

export class DriftSource {
  readonly reads = new Map<string, ObjectRead>();
  readonly checksums: AccountChecksums;
  /** The billing account of each differing record (`object\u0000key`): missing, extra or different. */
  readonly accountOf = new Map<string, string>();
  /** Keys the Zuora side holds (or failed on), per object. */
  readonly #seen = new Map<string, Set<string>>();
  readonly #run: TurboRun;

  constructor(run: TurboRun) {
    this.#run = run;
    this.checksums = new AccountChecksums(run.deps.schema);
  }

  /** The object's records (read once), keyed on `keyField`, with every column the maps write. */
  async read(object: string, keyField: string): Promise<CurrentValues> {
    const done = this.reads.get(object);
    if (done !== undefined) return { records: done.records, calls: 0 };
    const { spool } = this.#run;
    const columns = new Set<string>(['Id', keyField]);
    for (const pass of ['upsert', 'deferred'] as const)
      if (spool.has(object, pass)) for (const c of spool.header(object, pass, 0)) columns.add(c);
    const map = this.#run.maps.find((m) => m.salesforceObject === object);
    const account = map === undefined ? undefined : accountReferenceColumn(map);
    if (account !== undefined) columns.add(account);
    const records = new Map<string, CurrentRecord>();
    const soql = `SELECT ${[...columns].join(', ')} FROM ${object} WHERE ${keyField} != null`;
    const cost = await bulkQuery(this.#run.deps.salesforce, soql, (row) => {
      const record: CurrentRecord = {};
      for (const [c, v] of Object.entries(row)) record[c] = v === '' ? null : v;
      records.set(row[keyField] ?? '', record);
    });
    this.reads.set(object, { records, calls: cost.calls, pages: cost.pages });
    return { records, calls: cost.calls };
  }

  /** Zuora-side rows of an upsert pass: their keys are not orphans, and they count in their account's sum. */
  note(object: string, rows: readonly DesiredRow[], changing: ReadonlySet<string>): void {
    const seen = this.#seenOf(object);
    const map = this.#run.maps.find((m) => m.salesforceObject === object);
    const accountColumn = map === undefined ? undefined : accountReferenceColumn(map);
    const current = this.reads.get(object)?.records;
    for (const { key, row } of rows) {
      seen.add(key);
      const columns = Object.keys(row).filter((c) => row[c] !== undefined);
      const account = String(row[accountColumn ?? ''] ?? '');
      if (changing.has(key)) this.accountOf.set(`${object}\u0000${key}`, account);
      this.checksums.add('zuora', account, object, key, columns, row);
      const now = current?.get(key);
      if (now !== undefined) this.checksums.add('salesforce', account, object, key, columns, now);
    }
  }

  /** Keys known on the Zuora side even though no row was sent (mapping failures, held rows). */
  known(object: string, key: string): void {
    this.#seenOf(object).add(key);
  }

  /** Salesforce records of `object` the Zuora side does not hold; each added to its account's sum. */
  orphans(object: string): string[] {
    const seen = this.#seenOf(object);
    const map = this.#run.maps.find((m) => m.salesforceObject === object);
    const accountColumn = map === undefined ? undefined : accountReferenceColumn(map);
    const out: string[] = [];
    // A targeted check (--account) reads those accounts only: records of others are not its business.
    const only = this.#run.backfill?.accountIds;
    const scoped = only === undefined ? undefined : new Set(only);
    for (const [key, record] of this.reads.get(object)?.records ?? []) {
      if (seen.has(key)) continue;
      const owner = record[accountColumn ?? ''];
      if (scoped !== undefined && !(typeof owner === 'string' && scoped.has(owner))) continue;
      out.push(key);
      const columns = Object.keys(record).filter((c) => c !== 'Id');
      const account = record[accountColumn ?? ''];
      this.accountOf.set(`${object}\u0000${key}`, typeof account === 'string' ? account : '');
      this.checksums.add(
        'salesforce',
        typeof account === 'string' ? account : '',
        object,
        key,
        columns,
        record,
      );
    }
    return out;
  }

  #seenOf(object: string): Set<string> {
    let seen = this.#seen.get(object);
    if (seen === undefined) {
      seen = new Set();
      this.#seen.set(object, seen);
    }
    return seen;
  }
}
