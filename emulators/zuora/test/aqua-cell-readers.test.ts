import { describe, expect, it } from 'vitest';
import { generateTenant, TenantStore } from '../src/index.js';
import { selectRows } from '../src/aqua/aqua-rows.js';
import { csvCell } from '../src/aqua/csv.js';
import { rowFormatter } from '../src/aqua/row-formatter.js';
import { compileQuery } from '../src/query/compile-query.js';

const at = (): Date => new Date('2026-02-01T00:00:00Z');

describe('AQuA export cells read from the columns', () => {
  it('match the cells of the records row by row: own and joined fields, missing parents and fields', () => {
    const store = new TenantStore(at);
    store.load(generateTenant({ seed: 9, size: 'XS' }));
    const items = store.table('InvoiceItem');
    const first = items.recordAt(0);
    const second = [...store.scan('InvoiceItem', null)].find((s) => s.record.AccountId !== first.AccountId);
    // A parent gone (its items join nothing), a joined value that needs quoting, a row written again
    // without the joined *Id field and an own field (its old cells stay in the columns), and a foreign key
    // that is not a Zuora id.
    expect(store.delete('Account', String(first.AccountId))).toBe(true);
    store.update('Account', String(second?.record.AccountId), { CrmId: 'a,"b' });
    const rewritten = items.rowOf(String(second?.record.Id)) ?? -1;
    const { AccountId: _a, ChargeAmount: _c, ...without } = items.recordAt(rewritten);
    items.put(without, store.defaultEntityId, store.currentSequence);
    items.put({ ...items.recordAt(2), Id: store.newId('InvoiceItem'), AccountId: 'not-an-id' }, '', 0);

    const compiled = compileQuery(
      store,
      'select Id, ChargeAmount, Account.CrmId, Account.Name, Invoice.InvoiceNumber, BillToContact.City from InvoiceItem',
      'export',
    );
    if (!compiled.ok) throw compiled.error;
    const { query } = compiled;
    const format = rowFormatter(query.columns, csvCell);
    const rows = selectRows(store, query, null, { full: true, since: -1, incrementalFrom: undefined });
    const fromColumns = [...rows.lines(format, query.columns, csvCell)];
    const fromRecords = [...items.rowsOf(null)].map((row) => format(items.recordAt(row)));
    expect(fromColumns).toEqual(fromRecords);
    expect(fromColumns.length).toBe(store.count('InvoiceItem'));
    expect(fromColumns.some((line) => line.includes('"a,""b"'))).toBe(true);
    expect(fromColumns[0]?.split(',').slice(2, 4)).toEqual(['', '']);
    expect(fromColumns[rewritten]?.split(',').slice(1, 4)).toEqual(['', '', '']);
    expect(fromColumns.at(-1)?.split(',').slice(2, 4)).toEqual(['', '']);
  });
});
