// The export's row loop (row-kernel.ts) reads the columns' arrays directly and keeps a joined cell for a
// run of rows naming the same record: both are taken again after every chunk, so rows written after the
// store changed (a dictionary widened past 255 values, a renamed account) read as they are then.
import { describe, expect, it } from 'vitest';
import { generateTenant, TenantStore } from '../src/index.js';
import { selectRows } from '../src/aqua/aqua-rows.js';
import { ByteChunks } from '../src/aqua/byte-chunks.js';
import { csvCell } from '../src/aqua/csv.js';
import { rowFormatter } from '../src/aqua/row-formatter.js';
import { compileQuery } from '../src/query/compile-query.js';

const at = (): Date => new Date('2026-02-01T00:00:00Z');

function exportOf(store: TenantStore, text: string) {
  const compiled = compileQuery(store, text, 'export');
  if (!compiled.ok) throw compiled.error;
  const { query } = compiled;
  const format = rowFormatter(query.columns, csvCell);
  const rows = selectRows(store, query, null, { full: true, since: -1, incrementalFrom: undefined });
  const lines = (): string[] => [...rows.lines(format, query.columns, csvCell)].map((l) => `${l}\n`);
  const out = new ByteChunks();
  return { lines, chunks: rows.write(out, '', format, query.columns, csvCell), out };
}

describe('AQuA export row loop', () => {
  it('takes the columns again after each chunk: a widened dictionary and a renamed joined record', () => {
    const store = new TenantStore(at);
    store.load(generateTenant({ seed: 3, size: 'XS' }));
    const accounts = [...store.scan('Account', null)].map((s) => String(s.record.Id));
    const contacts = [...store.scan('Contact', null)].map((s) => s.record);
    const first = contacts[0];
    if (first === undefined || accounts.length < 3) throw new Error('tenant too small');
    const sameAccount = contacts.filter((c) => c.AccountId === first.AccountId).length;
    expect(sameAccount).toBeGreaterThan(1);
    // The first row alone fills a chunk: the rest is written after the changes below.
    store.update('Account', String(accounts[0]), { Notes: 'n'.repeat(1_100_000) });
    store.update('Contact', String(first.Id), { Description: 'd'.repeat(1_100_000) });

    const own = exportOf(store, 'select Id, Name, Batch, Notes, Balance from Account');
    const joined = exportOf(store, 'select Id, FirstName, Description, Account.Name from Contact');
    const ownFirst = own.chunks.next();
    const joinedFirst = joined.chunks.next();
    const ownBefore = own.lines();
    const joinedBefore = joined.lines();

    // 300 distinct values: the Batch column's codes outgrow one byte (a new, wider array).
    for (let i = 0; i < 300; i += 1) store.update('Account', String(accounts[1]), { Batch: `B${String(i)}` });
    store.update('Account', String(accounts[2]), { Name: 'Renamed, "quoted" Ä' });
    store.update('Account', String(first.AccountId), { Name: 'The account renamed' });

    for (const [e, head, before] of [
      [own, ownFirst, ownBefore],
      [joined, joinedFirst, joinedBefore],
    ] as const) {
      const rest = [...e.chunks, e.out.take()];
      const after = e.lines();
      expect(head.done).toBe(false);
      expect(Buffer.from(head.value ?? '').toString('utf8')).toBe(before[0]);
      expect(Buffer.concat(rest).toString('utf8')).toBe(after.slice(1).join(''));
      expect(after.slice(1).join('')).not.toBe(before.slice(1).join(''));
    }
  });
});
