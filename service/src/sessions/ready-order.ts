// Units of work run as soon as the units they wait for are done, at most `limit` at a time: the load plan's
// objects start when their own parents have loaded (or, for deletions, their children have been deleted),
// never held back by a group barrier behind an unrelated object. The first failure stops new units from
// starting; the ones running finish, then it is thrown.

/**
 * Runs `work` over `items`, each once every item it `waitsFor` (among `items`) has finished, in the order
 * given where several are ready, with at most `limit` running side by side.
 */
export function runWhenReady(
  items: readonly string[],
  waitsFor: (item: string) => readonly string[],
  limit: number,
  work: (item: string) => Promise<void>,
): Promise<void> {
  const known = new Set(items);
  const waiting = new Map(
    items.map((item) => [item, new Set(waitsFor(item).filter((w) => w !== item && known.has(w)))]),
  );
  return new Promise((resolve, reject) => {
    let running = 0;
    let failure: { readonly error: Error } | undefined;
    const startReady = (): void => {
      for (const item of items) {
        if (failure !== undefined || running >= Math.max(1, limit)) break;
        if (waiting.get(item)?.size !== 0) continue;
        waiting.delete(item);
        running += 1;
        Promise.resolve()
          .then(() => work(item))
          .then(
            () => {
              for (const set of waiting.values()) set.delete(item);
            },
            (error: unknown) => {
              failure ??= { error: error instanceof Error ? error : new Error(String(error)) };
            },
          )
          .finally(() => {
            running -= 1;
            startReady();
          });
      }
      if (running > 0) return;
      if (failure !== undefined) reject(failure.error);
      else if (waiting.size === 0) resolve();
      else reject(new Error(`units waiting on each other: ${[...waiting.keys()].join(', ')}`));
    };
    startReady();
  });
}
