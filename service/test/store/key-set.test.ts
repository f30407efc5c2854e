// The compact key set screening reads open failures into (store/key-set.ts): the same answers as a Set of the
// keys, asked by key or by the hash of a field not yet decoded.
import { describe, expect, it } from 'vitest';
import { textHash } from '../../src/csv/text-hash.js';
import { emptyKeySet, KeySet } from '../../src/store/key-set.js';

describe('KeySet', () => {
  it('answers as a Set of its keys, for keys of any length and text', () => {
    const keys = ['', 'a', 'ab', 'b', '2c92a0fd55a0a4bc0155a2b2e6c85f3d', 'é✓', 'x'.repeat(300), 'a"b,c'];
    const set = new KeySet(keys, textHash);
    expect(set.size).toBe(keys.length);
    for (const key of keys) expect(set.has(key)).toBe(true);
    for (const key of ['c', 'aa', 'ab ', 'é', 'x'.repeat(299), '2c92a0fd55a0a4bc0155a2b2e6c85f3']) {
      expect(set.has(key)).toBe(false);
    }
  });

  it('holds a key given twice once, marked if either was', () => {
    const set = new KeySet(['k1', 'k2', 'k1'], textHash, (i) => i === 2);
    expect(set.size).toBe(2);
    expect(set.marked('k1')).toBe(true);
    expect(set.marked('k2')).toBe(false);
    expect(set.marked('k3')).toBe(false);
  });

  it('agrees with a Set over many keys, and says no to a hash none of them has', () => {
    const keys = Array.from({ length: 4_000 }, (_, i) => `A${String(i * 7)}`);
    const set = new KeySet(keys, textHash, (i) => i % 3 === 0);
    const expected = new Set(keys);
    for (let i = 0; i < 30_000; i += 1) {
      const key = `A${String(i)}`;
      expect(set.has(key)).toBe(expected.has(key));
      expect(set.marked(key)).toBe(expected.has(key) && (i / 7) % 3 === 0);
      if (expected.has(key)) expect(set.hasHash(textHash(key))).toBe(true);
    }
    const hashes = new Set(keys.map(textHash));
    for (let h = 0; h < 5_000; h += 1) expect(set.hasHash(h)).toBe(hashes.has(h));
  });

  it('tells keys apart whose hashes are equal, under a hash with no span (each key sliced to be hashed)', () => {
    const byLength = (key: string) => key.length;
    const set = new KeySet(['ab', 'cd', 'ab', 'é', 'x', 'cd'], byLength, (i) => i === 5);
    expect(set.size).toBe(4);
    for (const key of ['ab', 'cd', 'é', 'x']) expect(set.has(key)).toBe(true);
    for (const key of ['ef', 'y', '']) expect(set.has(key)).toBe(false);
    expect(set.marked('cd')).toBe(true);
    expect(set.marked('ab')).toBe(false);
  });

  it('is empty when given nothing', () => {
    expect(emptyKeySet.size).toBe(0);
    expect(emptyKeySet.has('')).toBe(false);
    expect(emptyKeySet.hasHash(textHash(''))).toBe(false);
  });
});
