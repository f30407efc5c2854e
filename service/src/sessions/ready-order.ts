// Units of work run as soon as the units they wait for are done, at most `limit` at a time: the load plan's
// objects start when their own parents have loaded (or, for deletions, their children have been deleted),
// never held back by a group barrier behind an unrelated object, and, where a `gate` is given, once it opens
// (Turbo Sync: the object's spool parts are complete while other streams are still extracted). The first
// failure (of a unit or a gate) stops new units from starting; the ones running finish, then it is thrown.

/** A pseudo unit every gated unit waits for until its gate opens. */
const closedGate = '\u0000gate';

/**
 * Runs `work` over `items`, each once every item it `waitsFor` (among `items`) has finished and its `gate`
 * (if any) has opened, in the order given where several are ready, with at most `limit` side by side.
 */
export function runWhenReady(
  items: readonly string[],
  waitsFor: (item: string) => readonly string[],
  limit: number,
  work: (item: string) => Promise<void>,
  gate?: (item: string) => Promise<void>,
): Promise<void> {
  const known = new Set(items);
  const waiting = new Map(
    items.map((item) => [item, new Set(waitsFor(item).filter((w) => w !== item && known.has(w)))]),
  );
  return new Promise((resolve, reject) => {
    let running = 0;
    let gatesClosed = 0;
    let failure: { readonly error: Error } | undefined;
    const fail = (error: unknown): void => {
      failure ??= { error: error instanceof Error ? error : new Error(String(error)) };
    };
    const startReady = (): void => {
      for (const item of items) {
        if (failure !== undefined || running >= Math.max(1, limit)) break;
        if (waiting.get(item)?.size !== 0) continue;
        waiting.delete(item);
        running += 1;
        Promise.resolve()
          .then(() => work(item))
          .then(() => {
            for (const set of waiting.values()) set.delete(item);
          }, fail)
          .finally(() => {
            running -= 1;
            startReady();
          });
      }
      if (running > 0) return;
      if (failure !== undefined) reject(failure.error);
      else if (waiting.size === 0) resolve();
      else if (gatesClosed === 0)
        reject(new Error(`units waiting on each other: ${[...waiting.keys()].join(', ')}`));
    };
    if (gate !== undefined)
      for (const item of items) {
        gatesClosed += 1;
        waiting.get(item)?.add(closedGate);
        gate(item).then(
          () => {
            gatesClosed -= 1;
            waiting.get(item)?.delete(closedGate);
            startReady();
          },
          (error: unknown) => {
            gatesClosed -= 1;
            fail(error);
            startReady();
          },
        );
      }
    startReady();
  });
}
