// A spool part read for its upload into reused buffers (part-reads.ts): the chunks are the file's bytes (or a
// range of them); once a chunk is written the buffers read before its own are read into again, never its own
// nor a later one, and with no chunk (the whole body written) all of them are.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PartReads } from '../../src/turbo/part-reads.js';

const dir = mkdtempSync(join(tmpdir(), 'part-reads-'));
const bytes = Buffer.from(
  Array.from({ length: 80_000 }, (_, i) => `k${String(i)},row ${String(i)}\n`).join(''),
);
const file = join(dir, 'part.csv');
writeFileSync(file, bytes);

async function chunksOf(reads: PartReads, start?: number, end?: number): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of reads.chunks(file, start, end)) chunks.push(chunk);
  return chunks;
}

describe('PartReads', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file, or bytes [start, end) of it', async () => {
    expect(bytes.length).toBeGreaterThan(3 * (1 << 18));
    expect(Buffer.concat(await chunksOf(new PartReads())).equals(bytes)).toBe(true);
    const range = Buffer.concat(await chunksOf(new PartReads(), 1000, 600_000));
    expect(range.equals(bytes.subarray(1000, 600_000))).toBe(true);
  });

  it('reads into the buffers before a written chunk again, not into its own or later ones', async () => {
    const first = new PartReads();
    const chunks = await chunksOf(first);
    const kept = chunks.map((c) => Buffer.from(c));
    first.written(chunks[2]);
    const again = await chunksOf(new PartReads(), 0, 2 * (1 << 18));
    const reused = new Set(again.map((c) => c.buffer));
    expect(reused.has(chunks[0]?.buffer as ArrayBuffer) || reused.has(chunks[1]?.buffer as ArrayBuffer)).toBe(
      true,
    );
    for (const i of [2, 3]) {
      expect(reused.has(chunks[i]?.buffer as ArrayBuffer)).toBe(false);
      expect(chunks[i]?.equals(kept[i] as Buffer)).toBe(true);
    }
    // A chunk of a buffer these reads never lent frees nothing.
    first.written(Buffer.from('lent rows\n'));
    first.written();
    const last = await chunksOf(new PartReads(), 0, 1 << 18);
    expect(chunks.some((c) => c.buffer === last[0]?.buffer)).toBe(true);
  });
});
