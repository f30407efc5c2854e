// A CSV byte stream without some of its records, byte for byte (the chunk scan of copy-csv-chunk.ts): the
// upload of a screened spool part leaves out the rows held back (turbo/screen-part.ts) while the part itself
// stays as it was written, so screening never rewrites a part and a resumed session sends the same body.
import { Readable } from 'node:stream';
import { copyChunk, type CopyState } from './copy-csv-chunk.js';

async function* kept(input: Readable, drop: ReadonlySet<number>): AsyncGenerator<Buffer> {
  const state: CopyState = { record: 0, inQuotes: false, skipping: drop.has(0), hasContent: false };
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const ranges: Buffer[] = [];
    copyChunk(chunk, chunk.length, state, drop, (from, to) => ranges.push(chunk.subarray(from, to)));
    // One buffer a chunk, whatever the number of records left out of it.
    if (ranges.length === 1) yield ranges[0] as Buffer;
    else if (ranges.length > 1) yield Buffer.concat(ranges);
  }
}

/** `input` (bytes) without the records whose ordinals are in `drop` (the header is 0); `input` itself if none. */
export function csvStreamWithout(input: Readable, drop: ReadonlySet<number>): Readable {
  if (drop.size === 0) return input;
  return Readable.from(kept(input, drop), { objectMode: false });
}
