// Multi-entity scoping of reads and writes, as every operation documents the Zuora-Entity-Ids header:
// "If you have Zuora Multi-entity enabled and the OAuth token is valid for more than one entity, you must
// use this header to specify which entity to perform the operation in. If the OAuth token is only valid
// for a single entity [...] you do not need to set this header."
// https://developer.zuora.com/v1-api-reference/older-api/entities/get_entities
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ZUORA_CLIENT_ID, DEFAULT_ZUORA_CLIENT_SECRET, generateTenant } from '../src/index.js';
import { pollUntil, startHarness, type Harness } from './helpers.js';
import { createAccount, seatsSubscription, seedCatalog } from './order-fixtures.js';

type V1Error = { success: false; reasons: { code: number; message: string }[] };
type CrudError = { Success: false; Errors: { Code: string; Message: string }[] };

describe('multi-entity scoping', () => {
  const tenant = generateTenant({ seed: 4, size: 'XS', entityCount: 2 });
  const [global, europe] = tenant.entities.map((e) => e.id) as [string, string];
  const inGlobal = { 'Zuora-Entity-Ids': global };
  const inEurope = { 'Zuora-Entity-Ids': europe };
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      tenant,
      clients: [
        { clientId: DEFAULT_ZUORA_CLIENT_ID, clientSecret: DEFAULT_ZUORA_CLIENT_SECRET },
        { clientId: 'europe-only', clientSecret: 'europe-secret', entityIds: [europe] },
      ],
    });
  });
  afterAll(async () => h.emulator.close());

  const europeContact = () =>
    [...h.emulator.tenant.scan('Contact', europe)].find((c) => c.record.AccountId !== null)?.record;

  it('refuses a request without Zuora-Entity-Ids when the token is valid for several entities', async () => {
    const account = [...h.emulator.tenant.scan('Account', global)][0]?.record;
    const res = await h.api(`/v1/accounts/${String(account?.AccountNumber)}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as V1Error).reasons[0]?.message).toMatch(
      /Zuora-Entity-Ids header is required/,
    );
    const zoql = await h.api('/v1/action/query', {
      method: 'POST',
      json: { queryString: 'select Id from Account' },
    });
    expect(zoql.status).toBe(400);
    const crud = await h.api(`/v1/object/account/${String(account?.Id)}`);
    expect(((await crud.json()) as CrudError).Errors[0]?.Message).toMatch(
      /Zuora-Entity-Ids header is required/,
    );
    // The entity hierarchy itself is listed for any entity user.
    expect((await h.api('/v1/entities')).status).toBe(200);
  });

  it("acts in the token's only entity without the header, and refuses any other entity", async () => {
    const res = await fetch(`${h.emulator.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'europe-only',
        client_secret: 'europe-secret',
      }),
    });
    const issued = (await res.json()) as { access_token: string; scope: string };
    expect(issued.scope).toContain(`entity.${europe}`);
    expect(issued.scope).not.toContain(`entity.${global}`);
    const call = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${h.emulator.url}${path}`, {
        headers: { Authorization: `Bearer ${issued.access_token}`, ...headers },
      });
    const mine = [...h.emulator.tenant.scan('Account', europe)][0]?.record;
    const theirs = [...h.emulator.tenant.scan('Account', global)][0]?.record;
    expect((await call(`/v1/accounts/${String(mine?.AccountNumber)}`)).status).toBe(200);
    expect((await call(`/v1/accounts/${String(theirs?.AccountNumber)}`)).status).toBe(404);
    const refused = await call(`/v1/accounts/${String(theirs?.AccountNumber)}`, inGlobal);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as V1Error).reasons[0]?.message).toMatch(/not accessible/);
  });

  it("never lets one entity's header read, update or delete another entity's records", async () => {
    const contact = europeContact();
    const before = { ...contact };
    const put = await h.api(`/v1/object/contact/${String(contact?.Id)}`, {
      method: 'PUT',
      headers: inGlobal,
      json: { FirstName: 'Hijacked' },
    });
    expect(put.status).toBe(404);
    expect(((await put.json()) as CrudError).Errors[0]?.Code).toBe('INVALID_ID');
    const del = await h.api(`/v1/object/contact/${String(contact?.Id)}`, {
      method: 'DELETE',
      headers: inGlobal,
    });
    expect(del.status).toBe(404);
    const read = await h.api(`/v1/object/contact/${String(contact?.Id)}`, { headers: inGlobal });
    expect(read.status).toBe(404);
    expect(h.emulator.tenant.get('Contact', String(contact?.Id))?.record).toMatchObject({
      FirstName: before.FirstName,
    });
    const own = await h.api(`/v1/object/contact/${String(contact?.Id)}`, {
      method: 'PUT',
      headers: inEurope,
      json: { FirstName: 'Updated' },
    });
    expect(own.status).toBe(200);
    expect(h.emulator.tenant.get('Contact', String(contact?.Id))?.record.FirstName).toBe('Updated');
    // A child cannot be created under another entity's parent.
    const child = await h.api('/v1/object/contact', {
      method: 'POST',
      headers: inGlobal,
      json: { AccountId: contact?.AccountId, FirstName: 'A', LastName: 'B' },
    });
    expect(child.status).toBe(400);
    expect(((await child.json()) as CrudError).Errors[0]?.Message).toMatch(/no Account with id/);
  });

  it("keeps each entity's AQuA jobs, files and ZOQL locators to itself", async () => {
    const submitted = (await (
      await h.api('/v1/batch-query/', {
        method: 'POST',
        headers: inEurope,
        json: {
          format: 'csv',
          version: '1.1',
          name: 'europe',
          encrypted: 'none',
          queries: [{ name: 'accounts', query: 'select Id from Account', type: 'zoqlexport' }],
        },
      })
    ).json()) as { id: string };
    const job = await pollUntil(
      async () =>
        (await (await h.api(`/v1/batch-query/jobs/${submitted.id}`, { headers: inEurope })).json()) as {
          status: string;
          batches: { fileId?: string }[];
        },
      (j) => j.status === 'completed',
    );
    const fileId = String(job.batches[0]?.fileId);
    expect((await h.api(`/v1/file/${fileId}`, { headers: inEurope })).status).toBe(200);
    expect((await h.api(`/v1/file/${fileId}`, { headers: inGlobal })).status).toBe(404);
    expect((await h.api(`/v1/batch-query/jobs/${submitted.id}`, { headers: inGlobal })).status).toBe(404);

    const first = (await (
      await h.api('/v1/action/query', {
        method: 'POST',
        headers: inEurope,
        json: { queryString: 'select Id from Account', conf: { batchSize: 1 } },
      })
    ).json()) as { queryLocator: string };
    const foreign = await h.api('/v1/action/queryMore', {
      method: 'POST',
      headers: inGlobal,
      json: { queryLocator: first.queryLocator },
    });
    expect(foreign.status).toBe(400);
    const own = await h.api('/v1/action/queryMore', {
      method: 'POST',
      headers: inEurope,
      json: { queryLocator: first.queryLocator },
    });
    expect(own.status).toBe(200);
  });

  it("keeps orders, their jobs and their references in the header's entity", async () => {
    const catalog = seedCatalog(h, europe);
    const account = await createAccount(h, 'USD', inEurope);
    const body = {
      orderDate: '2025-01-01',
      orderNumber: 'EU-1',
      existingAccountNumber: account.accountNumber,
      subscriptions: [{ orderActions: [seatsSubscription(catalog)] }],
    };
    const created = await h.api('/v1/orders', { method: 'POST', headers: inEurope, json: body });
    expect(((await created.json()) as { success: boolean }).success).toBe(true);
    expect((await h.api('/v1/orders/EU-1', { headers: inEurope })).status).toBe(200);
    expect((await h.api('/v1/orders/EU-1', { headers: inGlobal })).status).toBe(404);
    const foreign = await h.api('/v1/orders', {
      method: 'POST',
      headers: inGlobal,
      json: { ...body, orderNumber: 'EU-2' },
    });
    expect(((await foreign.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toMatch(
      /existingAccountNumber: no account/,
    );
    const job = (await (
      await h.api('/v1/async/orders', {
        method: 'POST',
        headers: inEurope,
        json: {
          ...body,
          orderNumber: 'EU-3',
          subscriptions: [{ orderActions: [seatsSubscription(catalog)] }],
        },
      })
    ).json()) as { jobId: string };
    await pollUntil(
      async () =>
        (await (await h.api(`/v1/async-jobs/${job.jobId}`, { headers: inEurope })).json()) as {
          status: string;
        },
      (j) => j.status !== 'Processing',
    );
    expect((await h.api(`/v1/orders/EU-3`, { headers: inEurope })).status).toBe(200);
    expect((await h.api(`/v1/async-jobs/${job.jobId}`, { headers: inGlobal })).status).toBe(404);
    const order = [...h.emulator.tenant.scan('Order', europe)].find((o) => o.record.OrderNumber === 'EU-1');
    expect(order?.entityId).toBe(europe);
  });

  it('treats the same Idempotency-Key in another entity as a mismatch (422)', async () => {
    const product = { Name: 'Scoped', EffectiveStartDate: '2024-01-01', EffectiveEndDate: '2099-12-31' };
    const headers = (entity: Record<string, string>) => ({ ...entity, 'Idempotency-Key': 'entity-key' });
    expect(
      (await h.api('/v1/object/product', { method: 'POST', headers: headers(inEurope), json: product }))
        .status,
    ).toBe(200);
    expect(
      (await h.api('/v1/object/product', { method: 'POST', headers: headers(inGlobal), json: product }))
        .status,
    ).toBe(422);
  });
});
