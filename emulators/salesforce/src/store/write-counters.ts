import { AsyncLocalStorage } from 'node:async_hooks';

// What the org was asked to write, per object: records created, updated and deleted, and the API calls that
// wrote them (a REST or Collections request, a Composite call, a Bulk ingest job: one call per object it
// wrote, however many records). Tests read it to prove a dry run wrote nothing and a repair touched only what
// it named. The hot path is a map lookup and an increment; the call an increment runs under is carried by
// AsyncLocalStorage, so a Bulk job processed on timers after its close request still counts as that call.

export interface ObjectWrites {
  created: number;
  updated: number;
  deleted: number;
  writeCalls: number;
}

export type WriteKind = 'created' | 'updated' | 'deleted';

interface CallScope {
  readonly written: Set<string>;
}

export class WriteCounters {
  readonly #byObject = new Map<string, ObjectWrites>();
  readonly #calls = new AsyncLocalStorage<CallScope>();

  /** Runs `fn` as one API call; a call made inside another (a Composite subrequest) belongs to the outer one. */
  inCall<T>(fn: () => T): T {
    if (this.#calls.getStore() !== undefined) return fn();
    return this.#calls.run({ written: new Set() }, fn);
  }

  count(object: string, kind: WriteKind, records = 1): void {
    const entry = this.#of(object);
    entry[kind] += records;
    const scope = this.#calls.getStore();
    if (scope === undefined || scope.written.has(object)) return;
    scope.written.add(object);
    entry.writeCalls += 1;
  }

  /** A write rolled back (allOrNone): the record is no longer counted; the call still is. */
  uncount(object: string, kind: WriteKind): void {
    this.#of(object)[kind] -= 1;
  }

  /** Objects written since the last reset, each with its counts. */
  snapshot(): Record<string, ObjectWrites> {
    const out: Record<string, ObjectWrites> = {};
    for (const [object, writes] of this.#byObject) out[object] = { ...writes };
    return out;
  }

  reset(): void {
    this.#byObject.clear();
  }

  #of(object: string): ObjectWrites {
    let entry = this.#byObject.get(object);
    if (entry === undefined) {
      entry = { created: 0, updated: 0, deleted: 0, writeCalls: 0 };
      this.#byObject.set(object, entry);
    }
    return entry;
  }
}
