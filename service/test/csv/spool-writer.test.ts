// The spool writer's lines measured as they are written (no byte count first): parts stay under the limit
// and hold every line once, byte for byte, whatever the characters (multi-byte, lone surrogates) and lengths
// (lines longer than the writer's chunk).
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpoolWriter } from '../../src/csv/spool-writer.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('spool writer lines', () => {
  it('keeps parts under the limit and every line once, for any characters and lengths', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spool-writer-'));
    dirs.push(dir);
    const pathOf = (part: number) => join(dir, `X.${String(part)}.csv`);
    const maxBytes = 150_000;
    const writer = new SpoolWriter(['A', 'B'], maxBytes, pathOf);
    const pieces = ['a', 'é', '😀', '\ud800', 'x'.repeat(997), '€'.repeat(30_000), 'b'.repeat(70_000)];
    const lines: string[] = [];
    for (let i = 0; i < 2_000; i += 1) {
      const long = i % 97 === 0 ? (pieces[4 + (i % 3)] as string) : '';
      lines.push(`${String(i)},${pieces[i % 4] as string}${long}`);
    }
    for (const line of lines) writer.writeLine(line);
    writer.close();
    expect(writer.rows).toBe(lines.length);
    const written: string[] = [];
    for (let part = 0; ; part += 1) {
      let text: string;
      try {
        text = readFileSync(pathOf(part), 'utf8');
      } catch {
        break;
      }
      expect(statSync(pathOf(part)).size).toBeLessThanOrEqual(maxBytes);
      const [header, ...rest] = text.split('\n');
      expect(header).toBe('A,B');
      expect(rest.pop()).toBe('');
      written.push(...rest);
    }
    expect(written.length).toBe(lines.length);
    // A lone surrogate is written as U+FFFD, as Buffer.byteLength counted it.
    expect(written).toEqual(lines.map((l) => l.replace('\ud800', '\ufffd')));
    expect(new Set(written.map((l) => l.split(',')[0])).size).toBe(lines.length);
  });
});
