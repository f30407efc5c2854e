// Key sets read once for the readers asking at the same time (store/shared-key-sets.ts): screening parts share
// a parent's open failures instead of each reading its own copy.
import { describe, expect, it } from 'vitest';
import { textHash } from '../../src/csv/text-hash.js';
import { KeySet } from '../../src/store/key-set.js';
import { SharedKeySets } from '../../src/store/shared-key-sets.js';

function counted(keys: readonly string[]) {
  const reader = {
    reads: 0,
    read: async (): Promise<KeySet> => {
      reader.reads += 1;
      await Promise.resolve();
      return new KeySet(keys, textHash);
    },
  };
  return reader;
}

describe('SharedKeySets', () => {
  it('reads a set once for the readers asking while it is read, and gives each the same set', async () => {
    const shared = new SharedKeySets();
    const reader = counted(['a', 'b']);
    const [one, two] = await Promise.all([shared.get('X', reader.read), shared.get('X', reader.read)]);
    expect(reader.reads).toBe(1);
    expect(one).toBe(two);
    expect(one.has('a')).toBe(true);
  });

  it('gives a set still held by a reader without reading it again', async () => {
    const shared = new SharedKeySets();
    const reader = counted(['a']);
    const held = await shared.get('X', reader.read);
    const again = await shared.get('X', reader.read);
    expect(reader.reads).toBe(1);
    expect(again).toBe(held);
  });

  it('keeps the sets of different names apart', async () => {
    const shared = new SharedKeySets();
    const x = await shared.get('X', counted(['x']).read);
    const y = await shared.get('Y', counted(['y']).read);
    expect(x.has('x') && !x.has('y')).toBe(true);
    expect(y.has('y') && !y.has('x')).toBe(true);
  });

  it('gives a failed read to the readers waiting on it, and reads again for the next one', async () => {
    const shared = new SharedKeySets();
    let reads = 0;
    const failing = async (): Promise<KeySet> => {
      reads += 1;
      await Promise.resolve();
      throw new Error('store down');
    };
    const both = await Promise.allSettled([shared.get('X', failing), shared.get('X', failing)]);
    expect(both.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(reads).toBe(1);
    const reader = counted(['a']);
    expect((await shared.get('X', reader.read)).has('a')).toBe(true);
    expect(reader.reads).toBe(1);
  });
});
