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
