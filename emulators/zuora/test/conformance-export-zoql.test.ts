// Export ZOQL through AQuA `zoqlexport` queries, checked against the export guide with plain fetch:
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-select-statements
// (*, Joined.*, aliases, '' escapes), .../export-zoql/export-zoql-clauses (order by, group by, having, limit),
// .../export-zoql-select-statements/aggregate-functions, .../export-zoql/export-zoql-filter-statements (not,
// parentheses, != null, field comparisons) and .../special-datetime-features-in-export-zoql/compare-datetimes-with-dates.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZRecord } from '../src/model/zuora-record.js';
import { pollUntil, startHarness, type Harness } from './helpers.js';

type Job = { status: string; batches: { status: string; fileId?: string; message?: string }[] };

describe('Export ZOQL (AQuA zoqlexport) as documented', () => {
  let h: Harness;
  let accounts: ZRecord[];
  beforeAll(async () => {
    h = await startHarness();
    accounts = [...h.emulator.tenant.scan('Account', null)].map((s) => s.record);
  });
  afterAll(async () => h.emulator.close());

  /** Runs one query with useQueryLabels=true and returns the CSV rows (header first). */
  async function exportRows(query: string): Promise<string[][]> {
    const res = await h.api('/v1/batch-query/', {
      method: 'POST',
      json: {
        format: 'csv',
        version: '1.1',
        useQueryLabels: 'true',
        queries: [{ name: 'q', query, type: 'zoqlexport' }],
      },
    });
    expect(res.status, `${query}: ${await res.clone().text()}`).toBe(200);
    const { id } = (await res.json()) as { id: string };
    const job = await pollUntil(
      async () => (await (await h.api(`/v1/batch-query/jobs/${id}`)).json()) as Job,
      (j) => j.status === 'completed' || j.status === 'error',
    );
    expect(job.status, job.batches[0]?.message).toBe('completed');
    const rows: string[][] = parse(
      await (await h.api(`/v1/file/${String(job.batches[0]?.fileId)}`)).text(),
      {},
    );
    return rows;
  }

  async function refusedMessage(query: string): Promise<string> {
    const res = await h.api('/v1/batch-query/', {
      method: 'POST',
      json: { queries: [{ name: 'bad', query, type: 'zoqlexport' }] },
    });
    expect(res.status, query).toBe(400);
    const body = (await res.json()) as { errorCode: string; message: string };
    expect(body.errorCode).toBe('90005');
    return body.message;
  }

  it('selects every field with * and a joined object with Joined.*', async () => {
    const rows = await exportRows('SELECT * FROM PaymentTerm');
    expect(rows[0]).toContain('Id');
    expect(rows[0]).toContain('DueDays');
    const joined = await exportRows('select AccountNumber, BillToContact.* from Account limit 1');
    expect(joined[0]?.[0]).toBe('AccountNumber');
    expect(joined[0]).toContain('BillToContact.FirstName');
    expect(joined).toHaveLength(2);
  });

  it('returns rows in the order asked, by several fields, and cuts them with limit', async () => {
    const rows = (
      await exportRows('select AccountNumber, Balance from Account order by Balance desc, AccountNumber')
    ).slice(1);
    const balances = rows.map((r) => Number(r[1]));
    expect(balances).toEqual([...balances].sort((a, b) => b - a));
    const expected = [...accounts].sort(
      (a, b) =>
        Number(b.Balance) - Number(a.Balance) ||
        String(a.AccountNumber).localeCompare(String(b.AccountNumber)),
    );
    expect(rows.map((r) => r[0])).toEqual(expected.map((a) => a.AccountNumber));
    const five = (await exportRows('select AccountNumber from Account order by AccountNumber limit 5')).slice(
      1,
    );
    expect(five.map((r) => r[0])).toEqual(
      expected
        .map((a) => String(a.AccountNumber))
        .sort()
        .slice(0, 5),
    );
    const window = (
      await exportRows('select AccountNumber from Account order by AccountNumber limit 10,3')
    ).slice(1);
    expect(window.map((r) => r[0])).toEqual(
      expected
        .map((a) => String(a.AccountNumber))
        .sort()
        .slice(10, 13),
    );
  });

  it('groups with aggregates and filters groups with having', async () => {
    const rows = await exportRows(
      'select Account.Id, count(Id), sum(Amount), max(Amount), min(Amount), avg(Amount) from Invoice group by Account.Id having count(Id) > 1 order by count(Id) desc',
    );
    const invoices = [...h.emulator.tenant.scan('Invoice', null)].map((s) => s.record);
    const byAccount = new Map<string, number[]>();
    for (const i of invoices)
      byAccount.set(String(i.AccountId), [...(byAccount.get(String(i.AccountId)) ?? []), Number(i.Amount)]);
    const expected = [...byAccount.entries()].filter(([, a]) => a.length > 1);
    expect(rows.slice(1)).toHaveLength(expected.length);
    for (const row of rows.slice(1)) {
      const amounts = byAccount.get(String(row[0])) ?? [];
      expect(Number(row[1])).toBe(amounts.length);
      expect(Number(row[2])).toBeCloseTo(
        amounts.reduce((a, b) => a + b, 0),
        6,
      );
      expect(Number(row[3])).toBe(Math.max(...amounts));
      expect(Number(row[4])).toBe(Math.min(...amounts));
    }
    const counts = rows.slice(1).map((r) => Number(r[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect((await exportRows('select count(*) from Account'))[1]).toEqual(['50']);
    expect(await refusedMessage('select Currency, Name from Account group by Currency')).toMatch(
      /does not appear in the GROUP BY/,
    );
  });

  it('names columns with aliases and refuses a repeated alias', async () => {
    const rows = await exportRows(
      'select AccountNumber as "Number", Name as "account.name" from Account limit 1',
    );
    expect(rows[0]).toEqual(['Number', 'Account.Name']);
    expect(await refusedMessage('select Name as "N", AccountNumber as "N" from Account')).toMatch(
      /Duplicate column aliases N/,
    );
  });

  it('filters with not, parentheses, != null, field comparisons and infix like', async () => {
    const active = accounts
      .filter((a) => a.Status === 'Active' && !(Number(a.Balance) > 0))
      .map((a) => a.AccountNumber);
    const rows = await exportRows(
      "select AccountNumber from Account where (Status = 'Active' and not (Balance > 0))",
    );
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(active.sort());
    const withPo = await exportRows('select Id from Account where CrmId != null');
    expect(withPo.length - 1).toBe(accounts.filter((a) => a.CrmId !== null && a.CrmId !== '').length);
    const overpaid = await exportRows('select Id from Invoice where Balance < Amount');
    const invoices = [...h.emulator.tenant.scan('Invoice', null)].map((s) => s.record);
    expect(overpaid.length - 1).toBe(invoices.filter((i) => Number(i.Balance) < Number(i.Amount)).length);
    const name = String(accounts[0]?.Name);
    const infix = await exportRows(`select Id from Account where Name like '%${name.slice(1, 4)}%'`);
    expect(infix.slice(1).map((r) => r[0])).toContain(accounts[0]?.Id);
  });

  it('matches a like pattern of many % without backtracking', async () => {
    // Translated to a regular expression (% -> .*), this pattern spun on a value that nearly matches.
    const [near, match] = [accounts[10] as ZRecord, accounts[11] as ZRecord];
    h.emulator.tenant.update('Account', near.Id, { Name: 'a'.repeat(200) });
    h.emulator.tenant.update('Account', match.Id, { Name: `${'a'.repeat(200)}b` });
    const rows = await exportRows(`select Id from Account where Name like '%${'a%'.repeat(14)}b'`);
    expect(rows.slice(1)).toEqual([[match.Id]]);
  });

  it('reads a date against a date-time field as the whole day', async () => {
    const a = accounts[5] as ZRecord;
    h.emulator.tenant.update('Account', a.Id, { Notes: 'day test' });
    const updated = String(h.emulator.tenant.get('Account', a.Id)?.record.UpdatedDate);
    const day = updated.slice(0, 10);
    const sameDay = await exportRows(`select Id from Account where UpdatedDate = '${day}'`);
    expect(sameDay.slice(1).map((r) => r[0])).toContain(a.Id);
    const after = await exportRows(`select Id from Account where UpdatedDate > '${day}'`);
    expect(after.slice(1).map((r) => r[0])).not.toContain(a.Id);
    const until = await exportRows(`select Id from Account where UpdatedDate <= '${day}'`);
    expect(until.slice(1).map((r) => r[0])).toContain(a.Id);
  });

  it('escapes a quote by doubling it, and refuses an impossible date', async () => {
    const a = accounts[7] as ZRecord;
    h.emulator.tenant.update('Account', a.Id, { Notes: "San Francisco's Finest" });
    const rows = await exportRows("select Id from Account where Notes = 'San Francisco''s Finest'");
    expect(rows.slice(1)).toEqual([[a.Id]]);
    expect(await refusedMessage("select Id from Invoice where InvoiceDate = '2025-02-30'")).toMatch(
      /2025-02-30/,
    );
  });
});
