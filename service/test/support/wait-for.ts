// Waiting for a condition instead of sleeping a fixed time: a test on a busy machine waits as long as it must
// (up to a generous limit), and when it gives up it says what it waited for and what it saw last.
export async function until<T>(
  what: string,
  read: () => Promise<T> | T,
  ok: (v: T) => boolean,
  ms = 60_000,
  pollMs = 100,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${String(ms / 1000)} s waiting for ${what} (last seen: ${JSON.stringify(v)})`,
      );
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * As `until`, for a condition reached through many steps (a burst of events drained): waits as long as what it
 * reads keeps changing, and gives up once it has not changed for `stallMs`. A busy machine that is slow but
 * progressing never fails the test; a stuck one fails within `stallMs`, saying what it saw last.
 */
export async function untilProgressing<T>(
  what: string,
  read: () => Promise<T> | T,
  ok: (v: T) => boolean,
  stallMs = 180_000,
  pollMs = 100,
): Promise<T> {
  let seen = '';
  let changedAt = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    const text = JSON.stringify(v);
    if (text !== seen) {
      seen = text;
      changedAt = Date.now();
    } else if (Date.now() - changedAt > stallMs)
      throw new Error(`no progress for ${String(stallMs / 1000)} s waiting for ${what} (last seen: ${text})`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
