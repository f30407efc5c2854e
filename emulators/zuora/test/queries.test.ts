import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

type Page = { data: Record<string, unknown>[]; nextPage?: string };
type ZoqlPage = { records: Record<string, unknown>[]; size: number; done: boolean; queryLocator?: string };

describe('Object Query and ZOQL', () => {
  let h: Harness;
  // The emulator's clock runs `skew` ms ahead of the real one: the expiry test moves it past the locators' TTL
  // instead of sleeping past a TTL short enough that a loaded machine expires locators mid-test.
  let skew = 0;
  const ttlMs = 15 * 60_000;
  beforeAll(async () => {
    h = await startHarness({ queryLocatorTtlMs: ttlMs, now: () => new Date(Date.now() + skew) });
  });
  afterAll(async () => h.emulator.close());

  it('pages Object Query results to the end with cursors', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await h.api(
        `/object-query/accounts?pageSize=7&fields[]=id,accountNumber,crmId${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      const page = (await res.json()) as Page;
      pages += 1;
      for (const row of page.data) {
        expect(Object.keys(row).sort()).toEqual(['accountNumber', 'crmId', 'id']);
        ids.push(String(row.id));
      }
      cursor = page.nextPage;
    } while (cursor !== undefined);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect(pages).toBe(8);
  });

  it('filters, sorts and expands', async () => {
    const res = await h.api(
      '/object-query/accounts?filter[]=accountNumber.EQ:A00000003&expand[]=billTo&expand[]=subscriptions',
    );
    const page = (await res.json()) as Page;
    expect(page.data).toHaveLength(1);
    const account = page.data[0] as {
      id: string;
      billTo: { id: string };
      subscriptions: { accountId: string }[];
      billToId: string;
    };
    expect(account.billTo.id).toBe(account.billToId);
    expect(account.subscriptions.length).toBeGreaterThan(0);
    expect(account.subscriptions.every((s) => s.accountId === account.id)).toBe(true);
    const sorted = (await (
      await h.api('/object-query/invoices?pageSize=20&sort[]=amount.DESC&filter[]=amount.GT:0')
    ).json()) as Page;
    const amounts = sorted.data.map((r) => Number(r.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('rejects bad pageSize, filters, fields and unknown objects with Zuora errors', async () => {
    for (const path of [
      '/object-query/accounts?pageSize=100',
      '/object-query/accounts?filter[]=accountNumber~A1',
      '/object-query/accounts?filter[]=nope.EQ:1',
      '/object-query/accounts?fields[]=bogus',
      '/object-query/accounts?expand[]=nothing',
      '/object-query/accounts?cursor=not-a-cursor',
    ]) {
      const res = await h.api(path);
      expect(res.status, path).toBe(400);
      const body = (await res.json()) as { success: boolean; reasons: { code: number; message: string }[] };
      expect(body.success).toBe(false);
      expect(body.reasons[0]?.message.length).toBeGreaterThan(5);
    }
    expect((await h.api('/object-query/widgets')).status).toBe(404);
  });

  it('reads one record by key and keeps field names camelCase', async () => {
    const res = await h.api('/object-query/accounts/A00000001');
    const account = (await res.json()) as Record<string, unknown>;
    expect(account.accountNumber).toBe('A00000001');
    expect(account).toHaveProperty('billCycleDay');
    expect(account).toHaveProperty('totalInvoiceBalance');
    expect((await h.api('/object-query/accounts/A99999999')).status).toBe(404);
  });

  it('pages ZOQL with queryMore until done and honours the where clause', async () => {
    const total = h.emulator.tenant.count('InvoiceItem');
    let res = await h.api('/v1/action/query', {
      method: 'POST',
      json: { queryString: 'select Id, InvoiceId, ChargeAmount from InvoiceItem', conf: { batchSize: 700 } },
    });
    let page = (await res.json()) as ZoqlPage;
    const ids = new Set<string>();
    let calls = 1;
    for (;;) {
      page.records.forEach((r) => ids.add(String(r.Id)));
      expect(page.size).toBe(total);
      if (page.done) break;
      res = await h.api('/v1/action/queryMore', {
        method: 'POST',
        json: { queryLocator: page.queryLocator },
      });
      page = (await res.json()) as ZoqlPage;
      calls += 1;
    }
    expect(ids.size).toBe(total);
    expect(calls).toBe(Math.ceil(total / 700));
    const filtered = (await (
      await h.api('/v1/action/query', {
        method: 'POST',
        json: {
          queryString:
            "select Id, Status, Version from Subscription where Status = 'Active' and Version >= 1 or Status = 'Expired'",
        },
      })
    ).json()) as ZoqlPage;
    expect(filtered.size).toBe(h.emulator.tenant.count('Subscription'));
    const none = (await (
      await h.api('/v1/action/query', {
        method: 'POST',
        json: { queryString: "select Id from Account where CrmId = 'nobody'" },
      })
    ).json()) as ZoqlPage;
    expect(none).toEqual({ records: [], size: 0, done: true });
  });

  it('expires query locators', async () => {
    const first = (await (
      await h.api('/v1/action/query', {
        method: 'POST',
        json: { queryString: 'select Id from Invoice', conf: { batchSize: 10 } },
      })
    ).json()) as ZoqlPage;
    expect(first.done).toBe(false);
    skew = ttlMs + 1_000;
    const res = await h.api('/v1/action/queryMore', {
      method: 'POST',
      json: { queryLocator: first.queryLocator },
    });
    skew = 0;
    expect(res.status).toBe(400);
    expect(((await res.json()) as { faultcode: string }).faultcode).toBe('fns:INVALID_QUERY_LOCATOR');
  });

  it('answers bad ZOQL with fault codes', async () => {
    const cases: [string, string][] = [
      ['select from Account', 'fns:MALFORMED_QUERY'],
      ['select * from Account', 'fns:MALFORMED_QUERY'],
      ['select Id from Account order by Name', 'fns:MALFORMED_QUERY'],
      ['select Id from Widget', 'fns:INVALID_TYPE'],
      ['select Id, Nope from Account', 'fns:INVALID_FIELD'],
      ['select Account.Name from Invoice', 'fns:INVALID_FIELD'],
      ['select Id from Account where Name = unquoted', 'fns:MALFORMED_QUERY'],
    ];
    for (const [queryString, faultcode] of cases) {
      const res = await h.api('/v1/action/query', { method: 'POST', json: { queryString } });
      expect(res.status, queryString).toBe(400);
      expect(((await res.json()) as { faultcode: string }).faultcode, queryString).toBe(faultcode);
    }
    const batch = await h.api('/v1/action/query', {
      method: 'POST',
      json: { queryString: 'select Id from Account', conf: { batchSize: 2001 } },
    });
    expect(batch.status).toBe(400);
  });
});
