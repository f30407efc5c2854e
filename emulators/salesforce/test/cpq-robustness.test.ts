import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../zuora/src/tenant/seeded-random.js';
import type { SalesforceEmulator } from '../src/index.js';
import { product, smallOrg } from './cpq-helpers.js';
import { login, raw, startFixtureEmulator } from './helpers.js';

// Malformed input on the CPQ admin lifecycle API and on writes to the CPQ objects gets a
// Salesforce-shaped 4xx (`[{message, errorCode, fields?}]`, REST error format:
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm) naming the
// field, never a 500 or a hang; the org is left unchanged by a refused action.

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
let org: Awaited<ReturnType<typeof smallOrg>>;
let contractId: string;
let orderId: string;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ cpqContractingDelayMs: 600_000 });
  conn = await login(emulator);
  org = await smallOrg(emulator);
  const contract = emulator.records('Contract')[0];
  const order = emulator.records('Order')[0];
  if (!contract || !order) throw new Error('the small org has no contract');
  contractId = String(contract.Id);
  orderId = String(order.Id);
});
afterAll(() => emulator.close());

async function send(method: string, path: string, body?: string) {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator.adminToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  return { status: res.status, text, json: text ? (JSON.parse(text) as unknown) : null };
}

function expectSalesforceError(res: { status: number; json: unknown; text: string }) {
  expect(res.status, res.text).toBeGreaterThanOrEqual(400);
  expect(res.status, res.text).toBeLessThan(500);
  expect(res.json).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ message: expect.any(String), errorCode: expect.any(String) }),
    ]),
  );
}

const endpoints = () => [
  ['POST', '/__emulator/cpq/orders'],
  ['POST', `/__emulator/cpq/contracts/${contractId}/amend`],
  ['POST', `/__emulator/cpq/contracts/${contractId}/renew`],
  ['PUT', '/__emulator/cpq/settings'],
  ['POST', '/__emulator/cpq/scenario'],
];

describe('CPQ admin lifecycle API robustness', () => {
  it('refuses malformed and wrongly typed bodies naming the field', async () => {
    const bad = [
      'not json',
      '{',
      '[]',
      '123',
      '"x"',
      'null',
      '{"nope": 1}',
      '['.repeat(50_000) + ']'.repeat(50_000),
    ];
    for (const [method, path] of endpoints())
      for (const body of bad) expectSalesforceError(await send(method as string, path as string, body));
    const huge = JSON.stringify({
      accountId: org.accountId,
      effectiveDate: '2026-01-01',
      lines: Array.from({ length: 100_000 }, () => ({
        productId: product('CPQ-SEAT-STD').productId,
        quantity: 1,
      })),
    });
    const tooMany = await send('POST', '/__emulator/cpq/orders', huge);
    expect(tooMany).toMatchObject({ status: 400, json: [expect.objectContaining({ fields: ['lines'] })] });
    const missing = await send(
      'POST',
      '/__emulator/cpq/orders',
      JSON.stringify({ effectiveDate: '2026-01-01' }),
    );
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['accountId'] }),
      ]),
    );
    const typed = await send(
      'POST',
      '/__emulator/cpq/orders',
      JSON.stringify({
        accountId: org.accountId,
        effectiveDate: '2026-13-45',
        lines: [{ productId: product('CPQ-SEAT-STD').productId, quantity: -1 }],
      }),
    );
    expect(typed.json).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ errorCode: 'INVALID_FIELD', fields: ['lines.0.quantity'] }),
      ]),
    );
    const unknown = await send(
      'POST',
      '/__emulator/cpq/orders',
      JSON.stringify({ accountId: org.accountId, effectiveDate: '2026-01-01', lines: [], colour: 'red' }),
    );
    expect(unknown.json).toEqual(expect.arrayContaining([expect.objectContaining({ fields: ['colour'] })]));
  });

  it('refuses unknown, malformed and wrong-object ids, and states that do not allow the action', async () => {
    for (const id of ['xyz', '%00', 'a'.repeat(500), '001000000000000AAA'])
      expectSalesforceError(await send('POST', `/__emulator/cpq/orders/${id}/activate`));
    const wrongObject = await send(
      'POST',
      '/__emulator/cpq/orders',
      JSON.stringify({
        accountId: org.contactId,
        effectiveDate: '2026-01-01',
        lines: [{ productId: product('CPQ-SEAT-STD').productId, quantity: 1 }],
      }),
    );
    expect(wrongObject).toMatchObject({
      status: 400,
      json: [expect.objectContaining({ errorCode: 'INVALID_CROSS_REFERENCE_KEY', fields: ['accountId'] })],
    });
    expectSalesforceError(await send('POST', `/__emulator/cpq/orders/${orderId}/activate`));
    expectSalesforceError(
      await send(
        'POST',
        `/__emulator/cpq/contracts/${orderId}/amend`,
        JSON.stringify({ effectiveDate: '2026-01-01' }),
      ),
    );
    const outside = await send(
      'POST',
      `/__emulator/cpq/contracts/${contractId}/amend`,
      JSON.stringify({
        effectiveDate: '1999-01-01',
        add: [{ productId: product('CPQ-SETUP').productId, quantity: 1 }],
      }),
    );
    expect(outside.json).toEqual([expect.objectContaining({ fields: ['effectiveDate'] })]);
  });

  it('leaves the org unchanged when an action fails half-way', async () => {
    const before = emulator.stats().records;
    const noEntry = product('CPQ-EVENTS'); // sold in USD and JPY only
    const res = await send(
      'POST',
      '/__emulator/cpq/orders',
      JSON.stringify({
        accountId: org.accountId,
        effectiveDate: '2026-01-01',
        currency: 'GBP',
        lines: [
          { productId: product('CPQ-SEAT-STD').productId, quantity: 1 },
          { productId: noEntry.productId, quantity: 1 },
        ],
      }),
    );
    expect(res).toMatchObject({
      status: 400,
      json: [
        expect.objectContaining({ errorCode: 'FIELD_INTEGRITY_EXCEPTION', fields: ['lines[1].productId'] }),
      ],
    });
    expect(emulator.stats().records).toEqual(before);
  });

  it('answers random mutations of valid bodies with 2xx or a Salesforce-shaped 4xx, never a 5xx', async () => {
    const rng = seededRandom(2026, 13);
    const values = [
      null,
      true,
      0,
      -1,
      1e308,
      'x',
      '',
      '2026-02-30',
      [],
      {},
      [1],
      { a: 1 },
      '001',
      'a'.repeat(5000),
    ];
    const valid: Array<[string, string, Record<string, unknown>]> = [
      [
        'POST',
        '/__emulator/cpq/orders',
        {
          accountId: org.accountId,
          effectiveDate: '2026-01-01',
          lines: [{ productId: product('CPQ-SEAT-STD').productId, quantity: 2 }],
        },
      ],
      [
        'POST',
        `/__emulator/cpq/contracts/${contractId}/amend`,
        { effectiveDate: '2025-06-01', add: [{ productId: product('CPQ-SETUP').productId, quantity: 1 }] },
      ],
      ['POST', `/__emulator/cpq/contracts/${contractId}/renew`, { upliftPercent: 3 }],
      ['PUT', '/__emulator/cpq/settings', { contractingDelayMs: 600_000 }],
    ];
    for (let i = 0; i < 200; i += 1) {
      const [method, path, body] = rng.pick(valid);
      const mutated: Record<string, unknown> = structuredClone(body);
      const key = rng.pick([...Object.keys(mutated), 'extra']);
      if (rng.chance(0.3)) delete mutated[key];
      else mutated[key] = rng.pick(values);
      const res = await send(method, path, JSON.stringify(mutated));
      expect(
        res.status,
        `${path} ${JSON.stringify(mutated).slice(0, 200)}: ${res.text.slice(0, 300)}`,
      ).toBeLessThan(500);
      if (res.status >= 400) expectSalesforceError(res);
    }
  }, 120_000);
});

describe('writes to the CPQ objects', () => {
  it('refuses malformed records with Salesforce-shaped 4xx errors', async () => {
    const base = '/services/data/v62.0/sobjects';
    const cases: Array<[string, string, string]> = [
      ['POST', `${base}/Order`, '{'],
      ['POST', `${base}/Order`, JSON.stringify({ AccountId: org.accountId, EffectiveDate: 'soon' })],
      ['POST', `${base}/Order`, JSON.stringify({ AccountId: 'bad-id', EffectiveDate: '2026-01-01' })],
      [
        'POST',
        `${base}/Order`,
        JSON.stringify({ AccountId: org.accountId, EffectiveDate: '2026-01-01', Status: 'Shipped' }),
      ],
      [
        'POST',
        `${base}/Order`,
        JSON.stringify({
          AccountId: org.accountId,
          EffectiveDate: '2026-01-01',
          BillingAddress: { city: 'x' },
        }),
      ],
      ['POST', `${base}/OrderItem`, JSON.stringify({ OrderId: orderId, Quantity: 'many' })],
      ['POST', `${base}/SBQQ__Subscription__c`, JSON.stringify({})],
      [
        'POST',
        `${base}/SBQQ__OrderItemConsumptionRate__c`,
        JSON.stringify({ Name: 'R', SBQQ__LowerBound__c: 0 }),
      ],
      ['PATCH', `${base}/Order/${orderId}`, JSON.stringify({ SBQQ__ContractingMethod__c: 'Whenever' })],
      ['PATCH', `${base}/OrderItem/${orderId}`, JSON.stringify({ Quantity: 1 })],
      [
        'POST',
        '/services/data/v62.0/composite/sobjects',
        JSON.stringify({ records: [{ attributes: { type: 'Order' }, EffectiveDate: [] }] }),
      ],
    ];
    for (const [method, path, body] of cases) {
      const res = await raw(emulator, conn, method, path, body);
      expect(res.status, `${method} ${path} ${body}: ${res.text}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.json).toEqual(
        expect.arrayContaining([expect.objectContaining({ message: expect.any(String) })]),
      );
    }
  });
});
