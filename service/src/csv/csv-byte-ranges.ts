// A byte stream without some byte ranges: the upload of a screened spool part leaves out the rows held back
// (their ranges found while screening read the part: csv-byte-records.ts), while the part stays as written.
import { Readable } from 'node:stream';

async function* kept(input: Readable, ranges: readonly number[]): AsyncGenerator<Buffer> {
  let pos = 0;
  let r = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const to = pos + chunk.length;
    const parts: Buffer[] = [];
    let at = pos;
    while (r < ranges.length && (ranges[r] as number) < to) {
      const start = ranges[r] as number;
      const end = ranges[r + 1] as number;
      if (start > at) parts.push(chunk.subarray(at - pos, start - pos));
      at = Math.max(at, Math.min(end, to));
      if (end > to) break;
      r += 2;
    }
    if (at < to) parts.push(chunk.subarray(at - pos));
    pos = to;
    // One buffer a chunk, whatever the number of ranges left out of it.
    if (parts.length === 1) yield parts[0] as Buffer;
    else if (parts.length > 1) yield Buffer.concat(parts);
  }
}

/** `input` without the bytes of `ranges` (start, end pairs, in order, not overlapping); `input` if none. */
export function bytesWithout(input: Readable, ranges: readonly number[]): Readable {
  if (ranges.length === 0) return input;
  return Readable.from(kept(input, ranges), { objectMode: false });
}
