// A line handed to the spool writer as UTF-8 bytes (writeBytes, Turbo Sync's byte path) is written as the same
// line handed over as a string (writeLine): the same parts, cut at the same rows (the upload limit, 10,000-row
// boundaries), byte for byte, for lines of any length, the two kinds mixed in one writer.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import { SpoolWriter } from '../../src/csv/spool-writer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function written(lines: readonly string[], asBytes: (i: number) => boolean): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'spool-writer-bytes-'));
  dirs.push(dir);
  const writer = new SpoolWriter(['A', 'B'], 400_000, (part) => join(dir, `X.${String(part)}.csv`));
  const out = Buffer.alloc(200_000);
  lines.forEach((line, i) => {
    if (!asBytes(i)) writer.writeLine(line);
    else writer.writeBytes(out, out.write(line));
  });
  writer.close();
  expect(writer.rows).toBe(lines.length);
  return readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(join(dir, name), 'latin1')]);
}

describe('spool writer bytes', () => {
  it('writes the parts writeLine writes', () => {
    const next = random(3);
    const pieces = ['a', 'é', '😀', 'x'.repeat(997), '€'.repeat(30_000), 'b'.repeat(70_000)];
    const lines = Array.from({ length: 25_000 }, (_, i) => {
      const long = i % 997 === 0 ? (pieces[3 + (i % 3)] as string) : '';
      return `${String(i)},${pieces[Math.floor(next() * 3)] as string}${long}`;
    });
    const strings = written(lines, () => false);
    expect(strings.length).toBeGreaterThan(2);
    expect(written(lines, () => true)).toEqual(strings);
    expect(written(lines, () => next() < 0.5)).toEqual(strings);
  });
});
