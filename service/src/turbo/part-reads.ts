// A spool part read for its upload into buffers that are read into again once the socket has written them
// (salesforce/ingest-upload.ts), instead of a new buffer for every read: each fresh buffer was external memory
// that only a mark-compact freed, and V8 counts external memory allocated since the last one against the old
// generation's limit, so an upload's reads alone started a full collection every few megabytes (issue 19).
// The upload's chunks are views of these buffers, passed on in file order by the screen (csv/copy-csv-judged.ts
// never reorders or keeps a view past its record): once a chunk of a later buffer is written, every byte kept of
// the buffers before it has been written too, and they are free. Read synchronously, as the part was written
// (csv/spool-writer.ts): from the page cache, where fs/promises' trip through the thread pool cost a third more.
import { closeSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReusedBody } from '../salesforce/bulk-upsert.js';
import type { PartLoad } from './filled-part.js';

const size = 1 << 18;
/** Buffers kept for the next readings, at most (the rest are left to the collector). */
const keptFree = 16;
const free: Buffer[] = [];

export class PartReads {
  /** The buffers read into and not yet free, in read order. */
  readonly #lent: Buffer[] = [];

  /** Bytes [start, end) of `file` (to its end without `end`). */
  stream(file: string, start = 0, end = Number.POSITIVE_INFINITY): Readable {
    return Readable.from(this.chunks(file, start, end), { objectMode: false });
  }

  async *chunks(file: string, start = 0, end = Number.POSITIVE_INFINITY): AsyncGenerator<Buffer> {
    const fd = openSync(file, 'r');
    try {
      for (let at = start; at < end;) {
        const buf = free.pop() ?? Buffer.allocUnsafeSlow(size);
        const bytesRead = readSync(fd, buf, 0, Math.min(size, end - at), at);
        if (bytesRead === 0) {
          if (free.length < keptFree) free.push(buf);
          break;
        }
        this.#lent.push(buf);
        at += bytesRead;
        yield buf.subarray(0, bytesRead);
      }
    } finally {
      closeSync(fd);
    }
  }

  /** `chunk` is written: the buffers read before the one it views are free; with none, all of them are. */
  readonly written = (chunk?: Uint8Array): void => {
    const lent = this.#lent;
    const upTo = chunk === undefined ? lent.length : lent.findIndex((b) => b.buffer === chunk.buffer);
    if (upTo <= 0) return;
    for (const buf of lent.splice(0, upTo)) if (free.length < keptFree) free.push(buf);
  };
}

/** The upload body of a part (`file`) screened as it streams, read into reused buffers. */
export function reusedBody(screen: PartLoad, file: string): ReusedBody {
  const reads = new PartReads();
  return { body: screen.body(() => reads.stream(file), reads), onWritten: reads.written };
}
