import type jsforce from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { billingAccount, login, raw, startFixtureEmulator } from './helpers.js';

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ dailyApiLimit: 1_000 });
  conn = await login(emulator);
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset());

type CompositeResponse = {
  compositeResponse: Array<{ body: unknown; httpStatusCode: number; referenceId: string }>;
};
const composite = (body: unknown) =>
  conn.request<CompositeResponse>({
    method: 'POST',
    url: '/services/data/v62.0/composite',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

describe('composite', () => {
  it('runs subrequests in order with @{ref} references, as one API call', async () => {
    const before = emulator.stats().apiRequests;
    const res = await composite({
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'acc',
          body: { Name: 'Acme' },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/CustomerAccount__c',
          referenceId: 'ba',
          body: billingAccount(1, { Account__c: '@{acc.id}' }),
        },
        {
          method: 'GET',
          url: '/services/data/v62.0/sobjects/CustomerAccount__c/@{ba.id}',
          referenceId: 'read',
        },
        {
          method: 'GET',
          url: '/services/data/v62.0/query?q=SELECT+Id,Account__r.Name+FROM+CustomerAccount__c',
          referenceId: 'q',
        },
      ],
    });
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([201, 201, 200, 200]);
    const accId = (res.compositeResponse[0]?.body as { id: string }).id;
    expect(res.compositeResponse[2]?.body).toMatchObject({ Account__c: accId });
    expect(res.compositeResponse[3]?.body).toMatchObject({
      totalSize: 1,
      records: [{ Account__r: { Name: 'Acme' } }],
    });
    expect(emulator.stats().apiRequests - before).toBe(1);
  });

  it('rolls every subrequest back with allOrNone when one fails', async () => {
    const res = await composite({
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'acc',
          body: { Name: 'Acme' },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/CustomerAccount__c',
          referenceId: 'ba',
          body: { Name: 'no number', Account__c: '@{acc.id}' },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'acc2',
          body: { Name: 'Later' },
        },
      ],
    });
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400, 400]);
    expect(res.compositeResponse[1]?.body).toMatchObject([{ errorCode: 'REQUIRED_FIELD_MISSING' }]);
    expect(res.compositeResponse[0]?.body).toMatchObject([{ errorCode: 'PROCESSING_HALTED' }]);
    expect(emulator.records('Account')).toHaveLength(0);
  });

  it('keeps successful subrequests without allOrNone and halts those referring to a failure', async () => {
    const res = await composite({
      compositeRequest: [
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/CustomerAccount__c',
          referenceId: 'ba',
          body: { Name: 'no number' },
        },
        {
          method: 'POST',
          url: '/services/data/v62.0/sobjects/Account',
          referenceId: 'acc',
          body: { Name: 'Acme' },
        },
        {
          method: 'GET',
          url: '/services/data/v62.0/sobjects/CustomerAccount__c/@{ba.id}',
          referenceId: 'read',
        },
      ],
    });
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 201, 400]);
    expect(res.compositeResponse[2]?.body).toMatchObject([{ errorCode: 'PROCESSING_HALTED' }]);
    expect(emulator.records('Account')).toHaveLength(1);
  });

  it('carries sObject Collections and refuses more than 25 subrequests', async () => {
    const res = await composite({
      compositeRequest: [
        {
          method: 'PATCH',
          url: '/services/data/v62.0/composite/sobjects/CustomerAccount__c/External_Id__c',
          referenceId: 'up',
          body: {
            allOrNone: false,
            records: [1, 2, 3].map((n) => ({
              attributes: { type: 'CustomerAccount__c' },
              ...billingAccount(n),
            })),
          },
        },
      ],
    });
    expect(res.compositeResponse[0]?.body).toHaveLength(3);
    const tooMany = Array.from({ length: 26 }, (_, i) => ({
      method: 'GET',
      url: '/services/data/v62.0/limits',
      referenceId: `r${i}`,
    }));
    await expect(composite({ compositeRequest: tooMany })).rejects.toMatchObject({
      errorCode: 'LIMIT_EXCEEDED',
    });
  });

  it('takes at most 5 sObject Collections or queries among the subrequests', async () => {
    const collection = (n: number) => ({
      method: 'PATCH',
      url: '/services/data/v62.0/composite/sobjects/CustomerAccount__c/External_Id__c',
      referenceId: `c${n}`,
      body: {
        allOrNone: false,
        records: [{ attributes: { type: 'CustomerAccount__c' }, ...billingAccount(n) }],
      },
    });
    const query = (n: number) => ({
      method: 'GET',
      url: '/services/data/v62.0/query?q=SELECT+Id+FROM+CustomerAccount__c',
      referenceId: `q${n}`,
    });
    const plain = (n: number) => ({
      method: 'GET',
      url: '/services/data/v62.0/limits',
      referenceId: `p${n}`,
    });
    const five = await composite({
      compositeRequest: [...[1, 2, 3, 4, 5].map(collection), ...[1, 2, 3].map(plain)],
    });
    expect(five.compositeResponse.map((r) => r.httpStatusCode)).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200,
    ]);
    for (const over of [
      [1, 2, 3, 4, 5, 6].map(collection),
      [...[1, 2, 3, 4].map(collection), ...[1, 2].map(query)],
    ]) {
      await expect(composite({ compositeRequest: over })).rejects.toMatchObject({
        errorCode: 'LIMIT_EXCEEDED',
      });
    }
  });
});

describe('limits', () => {
  it('sends Sforce-Limit-Info on every response and counts every API call but OAuth', async () => {
    const first = await raw(emulator, conn, 'GET', '/services/data/v62.0/limits');
    expect(first.headers.get('sforce-limit-info')).toBe('api-usage=1/1000');
    expect(first.json).toMatchObject({ DailyApiRequests: { Max: 1000, Remaining: 999 } });
    await login(emulator);
    const second = await raw(emulator, conn, 'GET', '/services/data/v62.0/sobjects');
    expect(second.headers.get('sforce-limit-info')).toBe('api-usage=2/1000');
    await conn.query('SELECT Id FROM User');
    expect(conn.limitInfo.apiUsage).toEqual({ used: 3, limit: 1000 });
  });

  it('answers REQUEST_LIMIT_EXCEEDED once the daily allocation is spent', async () => {
    emulator.faults.setApiRequestsRemaining(1);
    await conn.query('SELECT Id FROM User');
    await expect(conn.query('SELECT Id FROM User')).rejects.toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
    });
    const res = await raw(emulator, conn, 'GET', '/services/data/v62.0/limits');
    expect(res.status).toBe(403);
  });
});
