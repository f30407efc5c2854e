// ZOQL through the Action query, checked against Zuora's documentation with plain fetch:
// https://developer.zuora.com/v1-api-reference/api/operation/Action_POSTquery/ (lower-case keywords, Id in the
// response, null fields left out, rejectUnknownFields, no Orders or Invoice Settlement objects);
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/filter-statements (operators per
// type, escapes, `%` once at an end of a like pattern, `_` anywhere, unquoted date-times);
// https://knowledgecenter.zuora.com/Zuora_Central_Platform/Query/ZOQL (no *, joins, order by; 200 conditions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

type Page = { records: Record<string, unknown>[]; size: number; done: boolean; queryLocator?: string };
type Fault = { faultcode: string; faultstring: string };

describe('Action query (ZOQL) as documented', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.emulator.close());

  const query = (queryString: string, extra: Record<string, unknown> = {}, path = '/v1/action/query') =>
    h.api(path, { method: 'POST', json: { queryString, ...extra } });

  async function refused(queryString: string, code: string): Promise<string> {
    const res = await query(queryString);
    const body = (await res.json()) as Fault;
    expect(res.status, queryString.slice(0, 80)).toBe(400);
    expect(body.faultcode, `${queryString.slice(0, 80)}: ${body.faultstring}`).toBe(`fns:${code}`);
    return body.faultstring;
  }

  it('returns Id with the selected fields and leaves null fields out', async () => {
    const res = await query('select AccountNumber, BillCycleDay, PurchaseOrderNumber from Account');
    const page = (await res.json()) as Page;
    expect(res.status).toBe(200);
    expect(page.size).toBe(50);
    for (const r of page.records) {
      expect(Object.keys(r).sort()).toEqual(['AccountNumber', 'BillCycleDay', 'Id']);
    }
  });

  it('refuses upper-case keywords, *, order by, joins, aggregates and parentheses', async () => {
    expect(await refused('SELECT Id FROM Account', 'MALFORMED_QUERY')).toMatch(/lower case/);
    expect(await refused("select Id from Account WHERE Name = 'x'", 'MALFORMED_QUERY')).toMatch(/lower case/);
    await refused('select * from Account', 'MALFORMED_QUERY');
    await refused('select Id from Account order by Name', 'MALFORMED_QUERY');
    await refused('select count(Id) from Account', 'MALFORMED_QUERY');
    await refused("select Id from Account where (Name = 'x')", 'MALFORMED_QUERY');
    await refused('select Id, Account.Name from Invoice', 'INVALID_FIELD');
    await refused('select Id from Account, Contact', 'MALFORMED_QUERY');
  });

  it('allows 200 conditions and refuses the 201st', async () => {
    const where = (n: number) => Array.from({ length: n }, (_, i) => `AccountNumber = 'A${i}'`).join(' or ');
    expect((await query(`select Id from Account where ${where(200)}`)).status).toBe(200);
    expect(await refused(`select Id from Account where ${where(201)}`, 'MALFORMED_QUERY')).toMatch(/200/);
  });

  it('takes % once at the start or end of a like pattern and _ anywhere', async () => {
    const accounts = [...h.emulator.tenant.scan('Account', null)].map((s) => s.record);
    const number = String(accounts[3]?.AccountNumber);
    const ids = async (q: string) => ((await (await query(q)).json()) as Page).records.map((r) => r.Id);
    expect(await ids(`select Id from Account where AccountNumber like '${number.slice(0, 6)}%'`)).toContain(
      accounts[3]?.Id,
    );
    expect(await ids(`select Id from Account where AccountNumber like '%${number.slice(-3)}'`)).toContain(
      accounts[3]?.Id,
    );
    expect(await ids(`select Id from Account where AccountNumber like '${number.slice(0, -2)}__'`)).toContain(
      accounts[3]?.Id,
    );
    await refused("select Id from Account where Name like '%a%'", 'MALFORMED_QUERY');
    await refused("select Id from Account where Name like 'a%c'", 'MALFORMED_QUERY');
  });

  it('refuses a pattern of many % at once, as ZOQL takes one', async () => {
    const pattern = `%${'a%'.repeat(14)}`;
    await refused(`select Id from Account where Name like '${pattern}'`, 'MALFORMED_QUERY');
  });

  it('checks literals against the field type, including impossible dates', async () => {
    expect(await refused("select Id from Invoice where InvoiceDate = '2025-02-30'", 'INVALID_VALUE')).toMatch(
      /2025-02-30/,
    );
    await refused("select Id from Invoice where InvoiceDate > '2025-13-01'", 'INVALID_VALUE');
    await refused("select Id from Account where UpdatedDate > '2024-01-01T25:00:00'", 'INVALID_VALUE');
    await refused("select Id from Account where Balance > 'lots'", 'INVALID_VALUE');
    await refused('select Id from Account where AutoPay > true', 'MALFORMED_QUERY');
    await refused('select Id from Account where Name = Other', 'MALFORMED_QUERY');
    expect((await query("select Id from Invoice where InvoiceDate = '2024-02-29'")).status).toBe(200);
    expect((await query('select Id from Account where UpdatedDate >= 2020-01-01T00:00:00')).status).toBe(200);
  });

  it('reads backslash escapes in strings', async () => {
    const a = [...h.emulator.tenant.scan('Account', null)][0]?.record;
    h.emulator.tenant.update('Account', String(a?.Id), { Notes: "San Francisco's \\ Finest" });
    const page = (await (
      await query("select Id from Account where Notes = 'San Francisco\\'s \\\\ Finest'")
    ).json()) as Page;
    expect(page.records.map((r) => r.Id)).toEqual([a?.Id]);
  });

  it('refuses the Orders and Invoice Settlement objects, which the Action query does not support', async () => {
    expect(await refused('select Id from CreditMemo', 'INVALID_TYPE')).toMatch(/Invoice Settlement/);
    expect(await refused('select Id from Order', 'INVALID_TYPE')).toMatch(/Orders/);
    await refused('select Id from Widget', 'INVALID_TYPE');
  });

  it('ignores unknown body fields unless rejectUnknownFields=true', async () => {
    expect((await query('select Id from Account', { extra: 1 })).status).toBe(200);
    const res = await query(
      'select Id from Account',
      { extra: 1 },
      '/v1/action/query?rejectUnknownFields=true',
    );
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'Error - unrecognised fields' });
    const more = await h.api('/v1/action/queryMore?rejectUnknownFields=true', {
      method: 'POST',
      json: { queryLocator: 'x', bogus: true },
    });
    expect(more.status).toBe(400);
  });

  it('pages with queryMore using the batch size of conf', async () => {
    const first = (await (await query('select Id from Account', { conf: { batchSize: 20 } })).json()) as Page;
    expect(first.records).toHaveLength(20);
    const next = (await (
      await h.api('/v1/action/queryMore', {
        method: 'POST',
        json: { queryLocator: first.queryLocator, conf: { batchSize: 25 } },
      })
    ).json()) as Page;
    expect(next.records).toHaveLength(25);
    expect(next.done).toBe(false);
  });

  it('refuses a query longer than 1,000,000 characters and reads a long literal in linear time', async () => {
    const long = `select Id from Account where Name = '${'x'.repeat(1_000_001)}'`;
    expect(await refused(long, 'MALFORMED_QUERY')).toMatch(/1000000/);
    const big = await query(`select Id from Account where Name = '${'x'.repeat(900_000)}'`);
    expect(big.status).toBe(200);
    expect(((await big.json()) as Page).size).toBe(0);
    await refused(`select Id from Account where Name = '${'x'.repeat(500_000)}`, 'MALFORMED_QUERY');
  });
});
