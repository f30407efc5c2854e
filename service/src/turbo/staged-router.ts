// A stream's router fed as an AQuA file downloads. When versions share a key (subscriptions share a number)
// the newest is only known at the end of the stream, so the records to take are staged on disk as JSON lines
// meanwhile and taken once the stream is complete: an export is never held in memory.
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { privateFileMode } from '../config/private-files.js';
import type { StreamRouter } from '../mapping/record-router.js';
import type { ZuoraRow } from '../mapping/record-rules.js';

const chunkChars = 1 << 20;

export class StagedRouter {
  /** Records seen. */
  records = 0;
  readonly #router: StreamRouter;
  readonly #staging: { readonly path: string; readonly fd: number; pending: string } | undefined;

  constructor(router: StreamRouter, stagingPath: string) {
    this.#router = router;
    this.#staging = router.twoPasses
      ? { path: stagingPath, fd: openSync(stagingPath, 'w', privateFileMode), pending: '' }
      : undefined;
  }

  add(record: ZuoraRow): void {
    this.records += 1;
    if (!this.#router.offer(record)) return;
    const staging = this.#staging;
    if (staging === undefined) {
      this.#router.take(record);
      return;
    }
    staging.pending += `${JSON.stringify(record)}\n`;
    if (staging.pending.length > chunkChars) {
      writeSync(staging.fd, staging.pending);
      staging.pending = '';
    }
  }

  /** Takes the staged records, now that the newest per key is known. */
  async finish(): Promise<void> {
    const staging = this.#staging;
    if (staging === undefined) return;
    writeSync(staging.fd, staging.pending);
    closeSync(staging.fd);
    const lines = createInterface({ input: createReadStream(staging.path), crlfDelay: Infinity });
    for await (const line of lines) if (line !== '') this.#router.take(JSON.parse(line) as ZuoraRow);
    rmSync(staging.path, { force: true });
  }
}
