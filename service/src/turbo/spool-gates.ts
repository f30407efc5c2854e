// When each Salesforce object's upsert spool is complete, so its load may start while other streams are still
// being extracted. A stream's objects open once it has been routed, its mapping failures stored (children
// screened against them) and its parts closed; everything opens when the spool stage ends. Loading early
// is allowed only where nothing can append to a closed upsert part later: past the small-session limit (a
// small session loads through Composite calls once its rows are all in memory), and not a dry run. An
// incremental session's follow-up job for cancelled accounts adds only deletions (every record it reads
// belongs to a cancelled account), which load after every upsert anyway.
import type { StreamSpec } from '../mapping/stream-plan.js';

interface Gate {
  readonly promise: Promise<void>;
  readonly open: () => void;
  readonly fail: (error: Error) => void;
}

function gate(): Gate {
  let open = (): void => undefined;
  let fail = (_error: Error): void => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  // A gate nobody waits on must not end the process as an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, open, fail };
}

export class SpoolGates {
  /** Resolves true once loads may start during the spool stage, false when they wait for its end. */
  readonly early: Promise<boolean>;
  readonly #setEarly: (early: boolean) => void;
  readonly #objects = new Map<string, Gate>();
  /** The streams still to be routed that write each object. */
  readonly #writers = new Map<string, Set<string>>();

  constructor(streams: readonly StreamSpec[]) {
    let setEarly = (_early: boolean): void => undefined;
    this.early = new Promise<boolean>((resolve) => (setEarly = resolve));
    this.#setEarly = setEarly;
    for (const s of streams)
      for (const m of s.maps) {
        const writers = this.#writers.get(m.salesforceObject) ?? new Set<string>();
        writers.add(s.zuoraObject);
        this.#writers.set(m.salesforceObject, writers);
        if (!this.#objects.has(m.salesforceObject)) this.#objects.set(m.salesforceObject, gate());
      }
  }

  /** Settles once the object's upsert parts are complete (at once for an object no stream writes). */
  ready(object: string): Promise<void> {
    return this.#objects.get(object)?.promise ?? Promise.resolve();
  }

  /** Loads may start now, each object as its gate opens. */
  allowEarly(): void {
    this.#setEarly(true);
  }

  /** A stream has been routed: answers the objects no other stream still writes (to close, then `open`). */
  routed(stream: string): string[] {
    const done: string[] = [];
    for (const [object, writers] of this.#writers) {
      if (!writers.delete(stream) || writers.size > 0) continue;
      done.push(object);
    }
    return done;
  }

  open(objects: readonly string[]): void {
    for (const o of objects) this.#objects.get(o)?.open();
  }

  /** The spool stage ended: every object is complete. */
  openAll(): void {
    this.#setEarly(false);
    for (const g of this.#objects.values()) g.open();
  }

  /** The spool stage failed: loads waiting for it end with its error. */
  fail(error: Error): void {
    this.#setEarly(false);
    for (const g of this.#objects.values()) g.fail(error);
  }
}
