// Where a drift check reads Salesforce: each object whole, once, with one Bulk API 2.0 query job (pages of
// 10,000 records: ceil(N / 10,000) result pages an object), instead of SOQL by external id. It remembers the
// keys the Zuora side holds, so what Salesforce has beyond them is found (orphans), and adds each record to
// its billing account's checksum on both sides (compare/account-checksums.ts).
import { AccountChecksums } from '../compare/account-checksums.js';
import type { DesiredRow } from '../compare/compare-rows.js';
import type { CurrentRecord, CurrentValues } from '../compare/current-values.js';
import { accountReferenceColumn } from '../mapping/account-reference.js';
import { bulkQuery } from '../salesforce/bulk-query.js';
import { driftQueries, prefetch, type ObjectQuery } from './drift-prefetch.js';
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
  /** The columns each object's comparison reads (an orphan is hashed over them). */
  readonly #columns = new Map<string, readonly string[]>();
  readonly #early: ReturnType<typeof prefetch<ObjectRead>>;
  readonly #run: TurboRun;

  constructor(run: TurboRun) {
    this.#run = run;
    this.checksums = new AccountChecksums(run.deps.schema);
    this.#early = prefetch(driftQueries(run), (q) => this.#query(q));
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
    this.#columns.set(
      object,
      [...columns].filter((c) => c !== 'Id'),
    );
    // The query started early serves when it asked for all of these (it does unless the maps changed).
    const early = this.#early.get(object);
    this.#early.delete(object);
    const fits =
      early?.query.keyField === keyField && [...columns].every((c) => early.query.columns.includes(c));
    const read = fits ? await early.result : await this.#query({ object, keyField, columns: [...columns] });
    this.reads.set(object, read);
    return { records: read.records, calls: read.calls };
  }

  async #query({ object, keyField, columns }: ObjectQuery): Promise<ObjectRead> {
    const records = new Map<string, CurrentRecord>();
    const soql = `SELECT ${columns.join(', ')} FROM ${object} WHERE ${keyField} != null`;
    const cost = await bulkQuery(this.#run.deps.salesforce, soql, (row) => {
      // The parsed row becomes the record in place: a blank cell is null (no copy of each record).
      const record: CurrentRecord = row;
      for (const c in row) if (row[c] === '') record[c] = null;
      records.set(row[keyField] ?? '', record);
    });
    return { records, calls: cost.calls, pages: cost.pages };
  }

  /** Zuora-side rows of an upsert pass: their keys are not orphans, and they count in their account's sum. */
  note(object: string, rows: readonly DesiredRow[], changing: ReadonlySet<string>): void {
    const seen = this.#seenOf(object);
    const map = this.#run.maps.find((m) => m.salesforceObject === object);
    const accountColumn = map === undefined ? undefined : accountReferenceColumn(map);
    const current = this.reads.get(object)?.records;
    // Once compared and hashed a record is needed only for its Id (a deletion names it) unless a deferred pass
    // compares it again: the rest goes, so a check at M does not hold every object's records whole to its end.
    const done = !this.#run.spool.has(object, 'deferred');
    for (const { key, row } of rows) {
      seen.add(key);
      const columns = Object.keys(row).filter((c) => row[c] !== undefined);
      const account = String(row[accountColumn ?? ''] ?? '');
      if (changing.has(key)) this.accountOf.set(`${object}\u0000${key}`, account);
      const sum = this.checksums.hashOf(object, key, columns, row);
      this.checksums.xor('zuora', account, sum);
      const now = current?.get(key);
      if (now === undefined) continue;
      // Unchanged: the comparison found every column equal (sameValue), so their canonical text is equal too
      // (numbers within 1e-9 aside, which the comparison counts equal) and Salesforce's record hashes as
      // Zuora's row does: one hash serves both sides. A changed record is hashed from its own values.
      if (changing.has(key)) this.checksums.add('salesforce', account, object, key, columns, now);
      else this.checksums.xor('salesforce', account, sum);
      if (done) current?.set(key, { Id: now.Id ?? null });
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
    const columns = this.#columns.get(object) ?? [];
    // A targeted check (--account) reads those accounts only: records of others are not its business.
    const only = this.#run.backfill?.accountIds;
    const scoped = only === undefined ? undefined : new Set(only);
    for (const [key, record] of this.reads.get(object)?.records ?? []) {
      if (seen.has(key)) continue;
      const owner = record[accountColumn ?? ''];
      if (scoped !== undefined && !(typeof owner === 'string' && scoped.has(owner))) continue;
      out.push(key);
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
