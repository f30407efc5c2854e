import { describe, expect, it } from 'vitest';
import { generateTenant, TenantStore } from '../src/index.js';
import type { FieldValue } from '../src/model/zuora-record.js';
import { selectRows } from '../src/aqua/aqua-rows.js';
import { ByteChunks } from '../src/aqua/byte-chunks.js';
import { csvCell } from '../src/aqua/csv.js';
import { rowFormatter } from '../src/aqua/row-formatter.js';
import { compileQuery } from '../src/query/compile-query.js';

const at = (): Date => new Date('2026-02-01T00:00:00Z');

describe('AQuA export bytes written cell by cell', () => {
  it('are the UTF-8 bytes of the text lines: non-ASCII, quoted, long and odd cells, own and joined', () => {
    const store = new TenantStore(at);
    store.load(generateTenant({ seed: 3, size: 'XS' }));
    const accounts = [...store.scan('Account', null)].map((s) => String(s.record.Id));
    const long = `${'Ünïcödé, "quoted" ☃ 😀 '.repeat(60_000)}end`; // longer than a chunk
    store.update('Account', String(accounts[0]), { Name: 'Zoë "Ä" ☃ 😀', Notes: long });
    store.update('Account', String(accounts[1]), { Name: 'lone \ud800 surrogate', Notes: 'x'.repeat(49) });
    store.update('Account', String(accounts[2]), { Name: '', Notes: null, ParentId: 'not-an-id' });
    const queries = [
      'select Id, Name, Notes, ParentId, Balance, AutoPay, CreatedDate from Account',
      'select Id, FirstName, Account.Name, Account.Notes, Account.AccountNumber from Contact',
    ];
    const nullText = (v: FieldValue): string => (v === null ? csvCell('NULL') : csvCell(v));
    for (const text of queries)
      for (const [cell, prefix] of [
        [csvCell, ''],
        [nullText, 'false,'],
      ] as const) {
        const compiled = compileQuery(store, text, 'export');
        if (!compiled.ok) throw compiled.error;
        const { query } = compiled;
        const format = rowFormatter(query.columns, cell);
        const rows = selectRows(store, query, null, { full: true, since: -1, incrementalFrom: undefined });
        const expected = Buffer.from(
          [...rows.lines(format, query.columns, cell)].map((line) => `${prefix}${line}\n`).join(''),
          'utf8',
        );
        const out = new ByteChunks();
        const chunks = [...rows.write(out, prefix, format, query.columns, cell), out.take()];
        expect(Buffer.concat(chunks).equals(expected)).toBe(true);
        expect(chunks.length).toBeGreaterThan(1);
      }
    const out = new ByteChunks();
    out.text('a\ud83d\ude00b\udc00c');
    expect(out.take().equals(Buffer.from('a\ud83d\ude00b\udc00c', 'utf8'))).toBe(true);
  });
});
