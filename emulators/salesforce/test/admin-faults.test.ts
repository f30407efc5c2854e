import type jsforce from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { admin, billingAccount, login, raw, startFixtureEmulator } from './helpers.js';

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ adminToken: 'test-admin-token' });
  conn = await login(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

describe('admin API', () => {
  it('is not reachable without the admin token', async () => {
    expect((await fetch(`${emulator.url}/__emulator/stats`)).status).toBe(401);
    const withApiToken = await fetch(`${emulator.url}/__emulator/stats`, {
      headers: { authorization: `Bearer ${conn.accessToken ?? ''}` },
    });
    expect(withApiToken.status).toBe(401);
    expect(emulator.adminToken).toBe('test-admin-token');
  });

  it('reports stats, dumps and inserts records, and resets', async () => {
    const inserted = await admin(emulator, 'POST', '/records/CustomerAccount__c', [billingAccount(1)]);
    expect(inserted.json.ids).toHaveLength(1);
    const refused = await admin(emulator, 'POST', '/records/CustomerAccount__c', [{ Name: 'x' }]);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('REQUIRED_FIELD_MISSING');
    await conn.query('SELECT Id FROM CustomerAccount__c');
    const stats = await admin(emulator, 'GET', '/stats');
    expect(stats.json).toMatchObject({ apiRequests: 1, records: { CustomerAccount__c: 1 } });
    const dump = await admin(emulator, 'GET', '/records/CustomerAccount__c');
    expect(dump.json.records).toEqual([expect.objectContaining({ External_Id__c: 'Z00001' })]);
    await admin(emulator, 'POST', '/reset');
    expect(emulator.stats()).toMatchObject({ apiRequests: 0 });
    expect(emulator.records('CustomerAccount__c')).toHaveLength(0);
  });

  it('pages records by row with ?limit and from, past deleted rows, and names a bad parameter', async () => {
    const inserted = await admin(
      emulator,
      'POST',
      '/records/CustomerAccount__c',
      [1, 2, 3, 4, 5].map((n) => billingAccount(n)),
    );
    const ids = inserted.json.ids as string[];
    await conn.sobject('CustomerAccount__c').destroy(ids[1] ?? '');
    const pages: string[][] = [];
    for (let from: number | null = 0; from !== null;) {
      const page = await admin(emulator, 'GET', `/records/CustomerAccount__c?limit=2&from=${String(from)}`);
      const body = page.json as { records: { Id: string }[]; next: number | null };
      pages.push(body.records.map((r) => r.Id));
      from = body.next;
    }
    expect(pages).toEqual([
      [ids[0], ids[2]],
      [ids[3], ids[4]],
    ]);
    const bad = await admin(emulator, 'GET', '/records/CustomerAccount__c?limit=0');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('limit: expected an integer 1-100000, got \\"0\\"');
  });
});

describe('faults', () => {
  it('adds latency to every API request', async () => {
    await admin(emulator, 'PUT', '/faults', { latencyMs: 150 });
    const started = Date.now();
    await conn.query('SELECT Id FROM User');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('answers a share of requests with 503', async () => {
    await admin(emulator, 'PUT', '/faults', { serverErrorRatio: 1 });
    const res = await raw(emulator, conn, 'GET', '/services/data/v62.0/limits');
    expect(res).toMatchObject({ status: 503, json: [{ errorCode: 'SERVER_UNAVAILABLE' }] });
    await admin(emulator, 'PUT', '/faults', { serverErrorRatio: 0 });
    expect((await raw(emulator, conn, 'GET', '/services/data/v62.0/limits')).status).toBe(200);
  });

  it('fails records with UNABLE_TO_LOCK_ROW in collections and Bulk jobs', async () => {
    await admin(emulator, 'PUT', '/faults', { lockRowRatio: 1 });
    const results = await conn
      .sobject('CustomerAccount__c')
      .create([billingAccount(1), billingAccount(2)], { allOrNone: false });
    expect(
      results.map((r) => (r as { errors: Array<{ statusCode: string }> }).errors[0]?.statusCode),
    ).toEqual(['UNABLE_TO_LOCK_ROW', 'UNABLE_TO_LOCK_ROW']);
    const bulk = await conn.bulk2.loadAndWaitForResults({
      object: 'CustomerAccount__c',
      operation: 'insert',
      input: 'Name,AccountNumber__c\nx,1\n',
      pollInterval: 20,
      pollTimeout: 5_000,
    });
    expect(bulk.failedResults[0]?.sf__Error).toBe(
      'UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records:--',
    );
  });

  it('expires every token now; jsforce logs in again', async () => {
    const before = conn.accessToken;
    await admin(emulator, 'PUT', '/faults', { expireTokens: true });
    expect((await raw(emulator, conn, 'GET', '/services/data/v62.0/limits')).status).toBe(401);
    await conn.query('SELECT Id FROM User');
    expect(conn.accessToken).not.toBe(before);
  });

  it('sets the remaining API allocation', async () => {
    await admin(emulator, 'PUT', '/faults', { apiRequestsRemaining: 0 });
    await expect(conn.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
    });
    expect(emulator.stats().apiRequestsRemaining).toBe(0);
  });

  it('refuses malformed fault settings', async () => {
    expect((await admin(emulator, 'PUT', '/faults', { lockRowRatio: 2 })).status).toBe(400);
    expect((await admin(emulator, 'PUT', '/faults', { latencyMs: 'slow' })).status).toBe(400);
  });
});
