// What a sales user does in the CPQ org, through the Salesforce emulator's admin API: create an order from a
// quote, activate it, contract it (and wait for CPQ's asynchronous contracting), amend and renew a contract.
import { cpqCatalog } from '../../../emulators/shared/cpq-catalog.js';
import type { SalesforceEmulator } from '../../../emulators/salesforce/src/index.js';
import { requestSession } from '../../src/sessions/request-session.js';
import type { CpqDeps } from '../../src/cpq/cpq-deps.js';
import { runCpqSession } from '../../src/cpq/cpq-session.js';
import { until } from '../support/wait-for.js';

export function productId(code: string): string {
  const p = cpqCatalog().find((c) => c.productCode === code);
  if (p === undefined) throw new Error(`no catalog product ${code}`);
  return p.productId;
}

export async function cpqAction(
  sf: SalesforceEmulator,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${sf.url}/__emulator/cpq${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sf.adminToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${String(res.status)} ${JSON.stringify(json)}`);
  return json;
}

/** A USD account of the scenario with a contact of its own. */
export function usdAccount(sf: SalesforceEmulator, skip = 0): { accountId: string; contactId: string } {
  const accounts = sf
    .records('Account')
    .filter(
      (a) =>
        a.CurrencyIsoCode === 'USD' &&
        a.BillingCountry &&
        a.BillingState &&
        sf.records('Contact').some((c) => c.AccountId === a.Id),
    );
  const account = accounts[skip];
  if (account === undefined) throw new Error('no USD account with a contact');
  const contact = sf.records('Contact').find((c) => c.AccountId === account.Id) as { Id: string };
  return { accountId: String(account.Id), contactId: contact.Id };
}

/** Creates, activates and (unless told) contracts an order; answers its id once contracting ran. */
export async function activatedOrder(
  sf: SalesforceEmulator,
  body: Record<string, unknown>,
  options: { contract?: boolean } = {},
): Promise<string> {
  const created = await cpqAction(sf, '/orders', { effectiveDate: '2026-01-01', termMonths: 12, ...body });
  const orderId = String(created.orderId);
  await cpqAction(sf, `/orders/${orderId}/activate`);
  if (options.contract !== false) await contract(sf, orderId);
  return orderId;
}

export async function contract(sf: SalesforceEmulator, orderId: string): Promise<void> {
  await cpqAction(sf, `/orders/${orderId}/contract`);
  await until(
    `CPQ contracting of order ${orderId}`,
    () =>
      sf
        .records('OrderItem')
        .filter((i) => i.OrderId === orderId)
        .map((i) => i.SBQQ__Contracted__c),
    (flags) => flags.every((f) => f === true),
    60_000,
    50,
  );
}

/** Requests a CPQ session for `orderIds` and runs it here. */
export async function syncOrders(deps: CpqDeps, orderIds: string[], dryRun = false) {
  const requested = await requestSession(deps.store, {
    scope: 'cpq',
    trigger: 'on_demand',
    mode: 'full',
    params: { cpq: { orderIds, dryRun, source: 'CLI' } },
  });
  if (!requested.ok) throw new Error(requested.message);
  return runCpqSession(deps, requested.session.id);
}

/** Creates an `object` record through the connector's Salesforce client; answers its Id, or throws. */
export async function createRecord(
  conn: CpqDeps['salesforce'],
  object: string,
  fields: Record<string, unknown>,
): Promise<string> {
  const r = (await conn.sobject(object).create(fields)) as { id?: string; success: boolean };
  if (!r.success || r.id === undefined) throw new Error(`${object} not created: ${JSON.stringify(r)}`);
  return r.id;
}

/**
 * A USD Range consumption schedule of `rates` (per unit, in order) linked to `product`, as an admin sets one
 * up: created inactive and activated once its rates exist (reference 1.10). Answers the junction's Id.
 */
export async function linkUsdSchedule(
  conn: CpqDeps['salesforce'],
  product: string,
  schedule: { name: string; uom: string; rates: ReadonlyArray<Record<string, unknown>> },
): Promise<string> {
  const id = await createRecord(conn, 'ConsumptionSchedule', {
    Name: schedule.name,
    BillingTerm: 1,
    BillingTermUnit: 'Month',
    Type: 'Range',
    RatingMethod: 'Tier',
    IsActive: false,
    UnitOfMeasure: schedule.uom,
    CurrencyIsoCode: 'USD',
    SBQQ__Category__c: 'Rates',
  });
  for (const [i, r] of schedule.rates.entries())
    await createRecord(conn, 'ConsumptionRate', {
      ConsumptionScheduleId: id,
      ...r,
      PricingMethod: 'PerUnit',
      ProcessingOrder: i + 1,
      CurrencyIsoCode: 'USD',
    });
  await conn.sobject('ConsumptionSchedule').update({ Id: id, IsActive: true });
  return createRecord(conn, 'ProductConsumptionSchedule', { ProductId: product, ConsumptionScheduleId: id });
}
