// What a session counts per Salesforce object, in one book every engine writes to: records read (taken by a
// map, deletions included), written, created, failed and deleted.

export interface ObjectCounts {
  read: number;
  written: number;
  created: number;
  failed: number;
  deleted: number;
}

export class CountsBook {
  readonly #objects: Record<string, ObjectCounts> = {};

  of(object: string): ObjectCounts {
    return (this.#objects[object] ??= { read: 0, written: 0, created: 0, failed: 0, deleted: 0 });
  }

  /** Adds records read per object (what the record rules and maps took). */
  addRead(read: Iterable<readonly [string, number]>): void {
    for (const [object, n] of read) this.of(object).read += n;
  }

  /**
   * Replaces every object's failures with the stored ones (store/session-failure-counts.ts): what a resumed
   * session tallied in memory misses the work done before the crash.
   */
  setFailed(stored: ReadonlyMap<string, number>): void {
    for (const c of Object.values(this.#objects)) c.failed = 0;
    for (const [object, n] of stored) this.of(object).failed = n;
  }

  get objects(): Readonly<Record<string, ObjectCounts>> {
    return this.#objects;
  }

  /** Failed records over every object. */
  get failed(): number {
    return Object.values(this.#objects).reduce((n, c) => n + c.failed, 0);
  }

  /** Records written or deleted over every object. */
  get synced(): number {
    return Object.values(this.#objects).reduce((n, c) => n + c.written + c.deleted, 0);
  }
}
