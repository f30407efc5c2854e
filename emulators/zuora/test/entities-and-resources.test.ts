import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

type Page = { data: { id: string; accountNumber: string }[]; nextPage?: string };

describe('multi-entity scoping, v1 resources and the change generator', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ tenant: { seed: 4, size: 'XS', entityCount: 2 } });
  });
  afterAll(async () => h.emulator.close());

  it('scopes every read API to the Zuora-Entity-Ids entity', async () => {
    const [global, europe] = h.emulator.generated.entities;
    const list = async (entity: string): Promise<string[]> => {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = (await (
          await h.api(`/object-query/accounts?pageSize=99${cursor ? `&cursor=${cursor}` : ''}`, {
            headers: { 'Zuora-Entity-Ids': entity },
          })
        ).json()) as Page;
        ids.push(...page.data.map((a) => a.id));
        cursor = page.nextPage;
      } while (cursor);
      return ids;
    };
    const a = await list(String(global?.id));
    const b = await list(String(europe?.id));
    expect(a.length + b.length).toBe(50);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    const foreign = h.emulator.tenant.get('Account', String(b[0]))?.record.AccountNumber;
    expect(
      (
        await h.api(`/v1/accounts/${String(foreign)}`, {
          headers: { 'Zuora-Entity-Ids': String(global?.id) },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await h.api(`/v1/accounts/${String(foreign)}`, {
          headers: { 'Zuora-Entity-Ids': String(europe?.id) },
        })
      ).status,
    ).toBe(200);
    const zoql = (await (
      await h.api('/v1/action/query', {
        method: 'POST',
        headers: { 'Zuora-Entity-Ids': String(europe?.id) },
        json: { queryString: 'select Id from Account' },
      })
    ).json()) as { size: number };
    expect(zoql.size).toBe(b.length);
    const unknown = await h.api('/object-query/accounts', {
      headers: { 'Zuora-Entity-Ids': 'ffffffffffffffffffffffffffffffff' },
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toMatch(
      /Entity .* does not exist/,
    );
  });

  it('lists the entities of a multi-entity tenant (GET /v1/entities)', async () => {
    const body = (await (await h.api('/v1/entities?provisioned=true')).json()) as {
      success: boolean;
      entities: { id: string; name: string; displayName: string; status: string; parentId: string | null }[];
    };
    expect(body.success).toBe(true);
    const [global, europe] = h.emulator.generated.entities;
    expect(body.entities.map((e) => e.id)).toEqual([global?.id, europe?.id]);
    expect(body.entities[0]).toMatchObject({ name: 'Global', parentId: null, status: 'Provisioned' });
    expect(body.entities[1]).toMatchObject({ displayName: 'Europe', parentId: global?.id });
    expect((await h.api('/v1/entities?provisioned=maybe')).status).toBe(400);
    const single = await startHarness({ tenant: { seed: 4, size: 'XS', entityCount: 1 } });
    try {
      const refused = await single.api('/v1/entities');
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toMatch(
        /Multi-entity feature is not enabled/,
      );
    } finally {
      await single.emulator.close();
    }
  });

  it('serves accounts, contacts, subscriptions by account and the catalog', async () => {
    const global = String(h.emulator.generated.entities[0]?.id);
    const inGlobal = { headers: { 'Zuora-Entity-Ids': global } };
    const account = [...h.emulator.tenant.scan('Account', global)][0]?.record;
    const view = (await (await h.api(`/v1/accounts/${String(account?.Id)}`, inGlobal)).json()) as {
      basicInfo: { accountNumber: string; crmId: string | null };
      billToContact: { id: string };
      metrics: { balance: number };
    };
    expect(view.basicInfo.accountNumber).toBe(account?.AccountNumber);
    expect(view.basicInfo.crmId).toBe(account?.CrmId);
    expect(view.metrics.balance).toBe(account?.Balance);
    const contact = (await (await h.api(`/v1/contacts/${view.billToContact.id}`, inGlobal)).json()) as {
      accountId: string;
    };
    expect(contact.accountId).toBe(account?.Id);
    const subs = (await (
      await h.api(`/v1/subscriptions/accounts/${String(account?.AccountNumber)}`, inGlobal)
    ).json()) as { subscriptions: { status: string; ratePlans: { ratePlanCharges: unknown[] }[] }[] };
    expect(subs.subscriptions.length).toBeGreaterThan(0);
    expect(
      subs.subscriptions.every(
        (s) => s.status !== 'Expired' && s.ratePlans.every((p) => p.ratePlanCharges.length === 2),
      ),
    ).toBe(true);
    const catalog = (await (await h.api('/v1/catalog/products?pageSize=40', inGlobal)).json()) as {
      products: { productRatePlans: unknown[] }[];
      nextPage?: string;
    };
    expect(catalog.products).toHaveLength(40);
    expect(catalog.products[0]?.productRatePlans).toHaveLength(3);
    expect(catalog.nextPage).toContain('page=2');
    expect((await h.api('/v1/catalog/products?pageSize=41', inGlobal)).status).toBe(400);
  });

  it('applies each business event through the admin endpoint, updating UpdatedDate', async () => {
    const before = h.emulator.tenant.currentSequence;
    const events = [
      { type: 'new-account', crmId: '001000000000777AAA' },
      { type: 'amend-subscription' },
      { type: 'renew-subscription' },
      { type: 'cancel-subscription' },
      { type: 'bill-run' },
      { type: 'payment' },
      { type: 'refund' },
      { type: 'catalog-edit' },
      { type: 'crm-id-change', crmId: '001000000000888AAA' },
    ];
    const res = await h.admin('/events', { method: 'POST', json: events });
    const { results } = (await res.json()) as {
      results: { ok: boolean; type: string; changes: { object: string; action: string }[]; error?: string }[];
    };
    expect(results.map((r) => [r.type, r.ok, r.error])).toEqual(events.map((e) => [e.type, true, undefined]));
    expect(results.every((r) => r.changes.length > 0)).toBe(true);
    expect(results.find((r) => r.type === 'bill-run')?.changes.map((c) => c.object)).toContain('InvoiceItem');
    expect(h.emulator.tenant.currentSequence).toBeGreaterThan(before);
    const bad = await h.admin('/events', { method: 'POST', json: { type: 'meteor-strike' } });
    expect(bad.status).toBe(400);
    const missing = await h.admin('/events', {
      method: 'POST',
      json: { type: 'payment', accountNumber: 'NOPE' },
    });
    expect(((await missing.json()) as { results: { error: string }[] }).results[0]?.error).toMatch(
      /account NOPE does not exist/,
    );
  });
});
