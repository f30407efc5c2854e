// A CSV byte stream without some of its records, byte for byte (copy-csv-judged.ts): the upload of a screened
// spool part leaves out the rows held back (turbo/part-screen.ts) while the part itself stays as it was written,
// so screening never rewrites a part and a resumed session sends the same body.
import type { Readable } from 'node:stream';
import { csvStreamDropping } from './copy-csv-judged.js';

/** `input` (bytes) without the records whose ordinals are in `drop` (the header is 0); `input` itself if none. */
export function csvStreamWithout(input: Readable, drop: ReadonlySet<number>): Readable {
  return drop.size === 0 ? input : csvStreamDropping(input, drop);
}
