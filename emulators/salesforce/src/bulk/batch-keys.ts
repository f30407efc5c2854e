import type { Entry } from '../store/unique-index.js';

// The upsert keys one batch of the Bulk column path (fast-ingest.ts) has had: a key repeated in a
// batch fails as DUPLICATE_EXTERNAL_ID, as the row path's set of the batch's keys says, without a
// string set of every key. A key a row wrote is held by the record it created or updated, so the
// index look-up the upsert makes anyway tells most of it: a key held by a record this batch created
// or updated was had. Keys of rows that ended otherwise (failed, or an Id the codec does not number)
// are kept as strings.

export class BatchKeys {
  /** Per record number from `from`: created by this batch. */
  private readonly created: Uint8Array;
  private readonly createdElse = new Set<number>();
  private readonly updated = new Set<number>();
  private readonly others = new Set<string>();

  constructor(
    /** The table's next record number when the batch starts. */
    private readonly from: number,
    rows: number,
  ) {
    this.created = new Uint8Array(rows);
  }

  /** Whether a row of this batch had `key`; `hit`: what the index holds for it. */
  had(key: string, hit: Entry | undefined): boolean {
    if (this.others.size > 0 && this.others.has(key)) return true;
    if (typeof hit !== 'number') return false;
    const i = hit - this.from;
    if (i >= 0 && i < this.created.length) {
      if (this.created[i] === 1) return true;
    } else if (this.createdElse.size > 0 && this.createdElse.has(hit)) return true;
    return this.updated.size > 0 && this.updated.has(hit);
  }

  /** The row created record number `n`. */
  create(n: number): void {
    const i = n - this.from;
    if (i >= 0 && i < this.created.length) this.created[i] = 1;
    else this.createdElse.add(n);
  }

  /** The row updated (or tried to) the record numbered `n`. */
  update(n: number): void {
    this.updated.add(n);
  }

  /** The row with `key` ended any other way. */
  other(key: string): void {
    this.others.add(key);
  }
}
