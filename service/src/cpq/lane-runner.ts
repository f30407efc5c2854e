// Running the lanes of a chunk (order-lanes.ts) side by side, and the lock the session's catalog steps share.

/** Runs every lane, each one item after another, at most `concurrency` lanes at once. */
export async function runLanes<T>(
  lanes: readonly (readonly T[])[],
  concurrency: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let lane = lanes[next++]; lane !== undefined; lane = lanes[next++])
      for (const x of lane) await run(x);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, lanes.length)) }, worker));
}

/** A lock: the calls of `fn` through it run one at a time, in call order. */
export function serialized(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const result = tail.then(fn);
    tail = result.catch(() => undefined);
    return result;
  };
}
