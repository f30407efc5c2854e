import type jsforce from 'jsforce';
import { cpqCatalog, type CpqProduct } from '../../shared/cpq-catalog.js';
import type { SalesforceEmulator } from '../src/index.js';
import { admin } from './helpers.js';

// Helpers of the CPQ tests: catalog products by code, polling for asynchronous contracting, and the
// admin lifecycle calls a sales user's clicks stand for.

export function product(code: string): CpqProduct {
  const p = cpqCatalog().find((c) => c.productCode === code);
  if (!p) throw new Error(`no catalog product ${code}`);
  return p;
}

/** Polls `check` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function cpqAction(emulator: SalesforceEmulator, path: string, body?: unknown, method = 'POST') {
  const res = await admin(emulator, method, `/cpq${path}`, body);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as Record<string, unknown> & { orderId: string; itemIds: string[] };
}

/** The contract CPQ created for an order, once the contracting job has run. */
export function contractOf(conn: jsforce.Connection, orderId: string) {
  return waitFor(async () => {
    const r = await conn.query<{ Id: string }>(`SELECT Id FROM Contract WHERE SBQQ__Order__c = '${orderId}'`);
    return r.records[0]?.Id;
  });
}

/** Waits until every order product of the order is contracted (the job has linked them). */
export function contracted(conn: jsforce.Connection, orderId: string) {
  return waitFor(async () => {
    const r = await conn.query(
      `SELECT Id FROM OrderItem WHERE OrderId = '${orderId}' AND SBQQ__Contracted__c = false`,
    );
    return r.totalSize === 0;
  });
}

/** An XS scenario with few accounts: the catalog, accounts and contacts to order for. */
export async function smallOrg(emulator: SalesforceEmulator) {
  emulator.cpq.loadScenario({ seed: 11, size: 'XS', accountCount: 10, orderCount: 10 });
  const account = emulator.records('Account').find((a) => a.CurrencyIsoCode === 'USD') as {
    Id: string;
    CurrencyIsoCode: string;
  };
  const contact = emulator.records('Contact').find((c) => c.AccountId === account.Id) as { Id: string };
  return { accountId: account.Id, currency: account.CurrencyIsoCode, contactId: contact.Id };
}
