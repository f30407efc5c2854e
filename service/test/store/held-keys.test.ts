// The open failures screening reads (store/held-keys.ts `openFailureKeySet`): one aggregate of every key with its
// length and held mark, unpacked into a compact key set, on both stores and for keys of any text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textHash } from '../../src/csv/text-hash.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { recordFailures, resolveFailures } from '../../src/store/failed-record-rows.js';
import { openFailureKeySet } from '../../src/store/held-keys.js';
import { unpackKeys } from '../../src/store/packed-keys.js';
import { migrate } from '../../src/store/migrate.js';
import { openTestStore, storeKinds, type StoreFixture } from '../support/stores.js';

const failure = (object: string, key: string, code: string, entityId = '') => ({
  stream: 'S',
  salesforceObject: object,
  entityId,
  externalId: key,
  zuoraId: null,
  code,
  message: code,
});

// Keys holding what could part them in an aggregate (the marks, digits, separators, quotes), multi-byte
// characters and a surrogate pair, an empty key and one of 300 characters.
const oddKeys = ['12:3', '7!', ':', '!', '', 'a,b', '"q"', 'é✓', '😀x', '1😀2', 'x'.repeat(300), 'tab\there'];

describe.each(storeKinds)('open failure keys (%s)', (kind) => {
  let fx: StoreFixture;
  let sessionId: string;
  let otherSession: string;
  beforeAll(async () => {
    fx = await openTestStore(kind);
    await migrate(fx.store);
    sessionId = (await insertSession(fx.store, { scope: 'accounts', trigger: 'manual', mode: 'full' })).id;
    otherSession = (await insertSession(fx.store, { scope: 'accounts', trigger: 'manual', mode: 'full' })).id;
    await recordFailures(fx.store, sessionId, [
      ...oddKeys.map((key, i) => failure('Odd__c', key, i % 2 === 0 ? 'PARENT_FAILED' : 'INVALID_FIELD')),
      ...Array.from({ length: 3_000 }, (_, i) =>
        failure('Many__c', `2c92a0fd55a0a4bc0155a2b2${String(i)}`, 'X'),
      ),
      failure('Many__c', 'resolved', 'X'),
      failure('Many__c', 'other-entity', 'X', 'e2'),
    ]);
    await recordFailures(fx.store, otherSession, [failure('Odd__c', 'later', 'PARENT_FAILED')]);
    await resolveFailures(fx.store, sessionId, 'Many__c', '', ['resolved']);
  });
  afterAll(async () => {
    await fx.dispose();
  });

  it('reads every open key of any text, marking those the session held', async () => {
    const held = { sessionId, code: 'PARENT_FAILED' };
    const set = await openFailureKeySet(fx.store, 'Odd__c', '', textHash, held);
    expect(set.size).toBe(oddKeys.length + 1);
    oddKeys.forEach((key, i) => {
      expect(set.has(key)).toBe(true);
      expect(set.marked(key)).toBe(i % 2 === 0);
      expect(set.hasHash(textHash(key))).toBe(true);
    });
    // Held by another session: open, not marked.
    expect(set.has('later')).toBe(true);
    expect(set.marked('later')).toBe(false);
    for (const key of ['12', '3', '7', '😀', 'x'.repeat(299), 'tab']) expect(set.has(key)).toBe(false);
    const unmarked = await openFailureKeySet(fx.store, 'Odd__c', '', textHash);
    expect(oddKeys.some((key) => unmarked.marked(key))).toBe(false);
  });

  it("reads an object's open failures of one entity only", async () => {
    const set = await openFailureKeySet(fx.store, 'Many__c', '', textHash);
    expect(set.size).toBe(3_000);
    expect(set.has('2c92a0fd55a0a4bc0155a2b22999')).toBe(true);
    expect(set.has('resolved')).toBe(false);
    expect(set.has('other-entity')).toBe(false);
    expect((await openFailureKeySet(fx.store, 'Many__c', 'e2', textHash)).size).toBe(1);
    expect((await openFailureKeySet(fx.store, 'None__c', '', textHash)).size).toBe(0);
  });
});

describe('unpackKeys', () => {
  it('finds each key by its length in UTF-8 bytes, and its mark', () => {
    const packed = unpackKeys('2:ab0!4!é✓4:😀3:1:2', 5);
    const keys = Array.from(packed.starts, (s, i) => packed.text.slice(s, packed.ends[i]));
    expect(keys).toEqual(['ab', '', 'é✓', '😀', '1:2']);
    expect([...packed.marks]).toEqual([0, 1, 1, 0, 0]);
  });

  it('refuses a text that does not hold the keys it counts', () => {
    expect(() => unpackKeys('2:ab', 2)).toThrow(/no length and mark/);
    expect(() => unpackKeys('2:ab3:c', 2)).toThrow(/ends inside a key/);
    expect(() => unpackKeys('4:é', 1)).toThrow(/ends inside a key/);
    expect(() => unpackKeys('2:ab1:c', 1)).toThrow(/more than 1 keys/);
    expect(() => unpackKeys('2ab', 1)).toThrow(/no length and mark/);
  });
});
