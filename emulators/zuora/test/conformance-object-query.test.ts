// Object Query parameters as the guide documents them, with plain fetch:
// https://developer.zuora.com/docs/guides/expand-filter-fields-sort (`account.fields[]=name,accountNumber`
// returns just those fields, `expand[]=billto&billto.fields[]=firstname,lastname` just the contact's two;
// case-insensitive EQ, NE, IN and SW; `.EQ:%02%03` for the empty string; one sort field).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZRecord } from '../src/model/zuora-record.js';
import { startHarness, type Harness } from './helpers.js';

type Page = { data: Record<string, unknown>[]; nextPage?: string };

describe('Object Query fields[], filter[] and sort[] as documented', () => {
  let h: Harness;
  let accounts: ZRecord[];
  beforeAll(async () => {
    h = await startHarness();
    accounts = [...h.emulator.tenant.scan('Account', null)].map((s) => s.record);
  });
  afterAll(async () => h.emulator.close());

  const page = async (path: string): Promise<Page> => {
    const res = await h.api(path);
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
    return (await res.json()) as Page;
  };

  it('returns only the fields named in account.fields[], without adding id', async () => {
    const result = await page(
      '/object-query/accounts?account.fields[]=name,accountNumber,balance&pageSize=5',
    );
    for (const row of result.data)
      expect(Object.keys(row).sort()).toEqual(['accountNumber', 'balance', 'name']);
    const plain = await page('/object-query/accounts?fields[]=ACCOUNTNUMBER&fields[]=crmid&pageSize=3');
    for (const row of plain.data) expect(Object.keys(row).sort()).toEqual(['accountNumber', 'crmId']);
  });

  it('restricts an expanded object to <expand>.fields[], case-insensitively', async () => {
    const result = await page(
      '/object-query/accounts?account.fields[]=name,accountNumber&expand[]=billto&billto.fields[]=firstname,lastname&pageSize=3',
    );
    for (const row of result.data) {
      expect(Object.keys(row).sort()).toEqual(['accountNumber', 'billTo', 'name']);
      expect(Object.keys(row.billTo as object).sort()).toEqual(['firstName', 'lastName']);
    }
    const one = (await (
      await h.api(
        `/object-query/accounts/${String(accounts[0]?.AccountNumber)}?fields[]=id&expand[]=subscriptions&subscriptions.fields[]=SUBSCRIPTIONNUMBER`,
      )
    ).json()) as { id: string; subscriptions: Record<string, unknown>[] };
    expect(one.id).toBe(accounts[0]?.Id);
    for (const s of one.subscriptions) expect(Object.keys(s)).toEqual(['subscriptionNumber']);
  });

  it('matches EQ, NE, IN and SW without regard to case', async () => {
    const a = accounts[2] as ZRecord;
    const lower = String(a.AccountNumber).toLowerCase();
    expect(
      (await page(`/object-query/accounts?filter[]=accountNumber.EQ:${lower}`)).data.map((r) => r.id),
    ).toEqual([a.Id]);
    const others = await page(`/object-query/accounts?filter[]=accountNumber.NE:${lower}&pageSize=99`);
    expect(others.data).toHaveLength(accounts.length - 1);
    const b = accounts[3] as ZRecord;
    const list = `%5B${lower},${String(b.AccountNumber).toLowerCase()}%5D`;
    expect(
      (await page(`/object-query/accounts?filter[]=accountNumber.IN:${list}`)).data.map((r) => r.id).sort(),
    ).toEqual([a.Id, b.Id].sort());
    const prefix = String(a.Name).slice(0, 3).toUpperCase();
    const sw = await page(
      `/object-query/accounts?filter[]=name.SW:${encodeURIComponent(prefix)}&pageSize=99`,
    );
    expect(sw.data.map((r) => r.id)).toContain(a.Id);
  });

  it('finds empty strings with EQ:%02%03 and nulls with EQ:null', async () => {
    const a = accounts[4] as ZRecord;
    h.emulator.tenant.update('Account', a.Id, { PurchaseOrderNumber: '' });
    expect(
      (await page('/object-query/accounts?filter[]=purchaseOrderNumber.EQ:%02%03')).data.map((r) => r.id),
    ).toEqual([a.Id]);
    const nulls = await page('/object-query/accounts?filter[]=purchaseOrderNumber.EQ:null&pageSize=99');
    expect(nulls.data.map((r) => r.id)).not.toContain(a.Id);
  });

  it('sorts on one field and refuses two', async () => {
    const sorted = await page('/object-query/accounts?sort[]=balance.DESC&fields[]=balance&pageSize=20');
    const balances = sorted.data.map((r) => Number(r.balance));
    expect(balances).toEqual([...balances].sort((x, y) => y - x));
    const two = await h.api('/object-query/accounts?sort[]=balance.DESC&sort[]=name.ASC');
    expect(two.status).toBe(400);
    expect(((await two.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toMatch(
      /one field/,
    );
  });

  it('refuses an unknown field in fields[] or <expand>.fields[], naming it', async () => {
    const bad = await h.api('/object-query/accounts?expand[]=billto&billto.fields[]=shoeSize');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toMatch(
      /shoeSize/,
    );
  });
});
