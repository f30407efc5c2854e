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
  /** Record numbers updated: an open-addressing set (a row updates at most one), -1 in an empty slot. */
  private readonly updated: Int32Array;
  private updates = 0;
  private readonly others = new Set<string>();

  constructor(
    /** The table's next record number when the batch starts. */
    private readonly from: number,
    rows: number,
  ) {
    this.created = new Uint8Array(rows);
    let slots = 16;
    while (slots < rows * 2) slots *= 2;
    this.updated = new Int32Array(slots).fill(-1);
  }

  /** The slot holding record number `n`, or the empty slot where it would go. */
  private slotOf(n: number): number {
    const mask = this.updated.length - 1;
    let slot = Math.imul(n, 0x9e3779b1) >>> 0;
    for (slot &= mask; ; slot = (slot + 1) & mask) {
      const held = this.updated[slot] as number;
      if (held === n || held === -1) return slot;
    }
  }

  /** Whether a key is kept as a string (`had` then reads its key). */
  get anyOther(): boolean {
    return this.others.size > 0;
  }

  /** Whether a row of this batch had `key`; `hit`: what the index holds for it. */
  had(key: string, hit: Entry | undefined): boolean {
    if (this.others.size > 0 && this.others.has(key)) return true;
    if (typeof hit !== 'number') return false;
    const i = hit - this.from;
    if (i >= 0 && i < this.created.length) {
      if (this.created[i] === 1) return true;
    } else if (this.createdElse.size > 0 && this.createdElse.has(hit)) return true;
    return this.updates > 0 && this.updated[this.slotOf(hit)] === hit;
  }

  /** The row created record number `n`. */
  create(n: number): void {
    const i = n - this.from;
    if (i >= 0 && i < this.created.length) this.created[i] = 1;
    else this.createdElse.add(n);
  }

  /** The row updated (or tried to) the record numbered `n`. */
  update(n: number): void {
    const slot = this.slotOf(n);
    if (this.updated[slot] === n) return;
    this.updated[slot] = n;
    this.updates += 1;
  }

  /** The row with `key` ended any other way. */
  other(key: string): void {
    this.others.add(key);
  }
}
