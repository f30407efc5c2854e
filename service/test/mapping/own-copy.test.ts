// A kept copy of a substring holds nothing of the string it was cut from (V8 keeps substrings of 13 characters
// or more as slices of their source), measured on the heap after a full collection.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { nullableCopy, ownCopy } from '../../src/mapping/own-copy.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** 64 ids, each cut from a fresh flat 1 MB string (a CSV chunk) and kept through `keep`. */
function keepIds(keep: (id: string) => string): string[] {
  const kept: string[] = [];
  for (let i = 0; i < 64; i += 1) {
    const chunk = `${String(i).padStart(32, 'x')},${'y'.repeat(1 << 20)}`.split('').join('');
    kept.push(keep(chunk.slice(0, 32)));
  }
  return kept;
}

/** Heap growth (bytes) while the ids are kept, after a full collection. */
function heldBy(keep: (id: string) => string): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = keepIds(keep);
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  expect(kept.every((id, i) => id === String(i).padStart(32, 'x'))).toBe(true);
  return grown;
}

describe('ownCopy', () => {
  it('keeps the value and not the string it was cut from', () => {
    // The slices themselves hold their 64 chunks (64 MB); the copies hold a few kilobytes.
    expect(heldBy((id) => id)).toBeGreaterThan(32 * 2 ** 20);
    expect(heldBy(ownCopy)).toBeLessThan(4 * 2 ** 20);
  });

  it('is an identity for any string, lone surrogates included', () => {
    for (const text of ['', 'a1b2', `\ud800${'é'.repeat(20)}\udfff"\\\n`, '😀'.repeat(8)])
      expect(ownCopy(text)).toBe(text);
  });

  it('copies null and undefined as null', () => {
    expect(nullableCopy(null)).toBeNull();
    expect(nullableCopy(undefined)).toBeNull();
    expect(nullableCopy('a'.repeat(20))).toBe('a'.repeat(20));
  });
});
