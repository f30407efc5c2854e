// A request to send CPQ orders to Zuora (the "Send to Zuora" action, a Flow, the CLI): account ids become
// their activated orders not yet synced, at most 50 orders a request, then one CPQ session (trigger
// on_demand, which runs beside any other session) syncs them and one result per order is answered, in the
// order the session handled them. docs/cpq-order-sync-contract.md
import { soqlList } from '../salesforce/soql.js';
import { requestSession } from '../sessions/request-session.js';
import type { CpqDeps } from './cpq-deps.js';
import { runCpqSession } from './cpq-session.js';
import { resultOf, type CpqOrderResult } from './order-outcome.js';

export type CpqSource = 'UI' | 'FLOW' | 'APEX' | 'CLI';

export interface CpqRequest {
  readonly orderIds: readonly string[];
  readonly accountIds: readonly string[];
  readonly dryRun: boolean;
  readonly source: CpqSource;
  readonly requestedBy?: { readonly userId: string; readonly orgId: string } | undefined;
}

export interface CpqAnswer {
  readonly sessionId: string;
  readonly dryRun: boolean;
  readonly results: readonly CpqOrderResult[];
}

export const maxOrdersPerRequest = 50;

export class TooManyOrdersError extends Error {
  constructor(count: number) {
    super(
      `orderIds: ${String(count)} orders after resolving accountIds; at most ${String(maxOrdersPerRequest)} per request`,
    );
    this.name = 'TooManyOrdersError';
  }
}

/** Salesforce's 15-character ids as 18 (the case-safe suffix), so ids compare equal to what SOQL returns. */
export function id18(id: string): string {
  if (id.length !== 15) return id;
  let suffix = '';
  for (let block = 0; block < 3; block += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const c = id.charAt(block * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'.charAt(bits);
  }
  return id + suffix;
}

async function ordersOfAccounts(deps: CpqDeps, accountIds: readonly string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const soql = `SELECT Id FROM Order WHERE AccountId IN (${soqlList(accountIds.map(id18))}) AND StatusCode = 'Activated' AND Zuora_Sync_Status__c != 'Synced' ORDER BY EffectiveDate, OrderNumber`;
  const found = await deps.salesforce.query<{ Id: string }>(soql);
  return found.records.map((r) => r.Id);
}

export async function runCpqRequest(deps: CpqDeps, request: CpqRequest): Promise<CpqAnswer> {
  await deps.governor.available('cpq');
  const orderIds = [
    ...new Set([...request.orderIds.map(id18), ...(await ordersOfAccounts(deps, request.accountIds))]),
  ];
  if (orderIds.length > maxOrdersPerRequest) throw new TooManyOrdersError(orderIds.length);
  const requested = await requestSession(deps.store, {
    scope: 'cpq',
    trigger: 'on_demand',
    mode: 'full',
    params: {
      cpq: {
        orderIds,
        dryRun: request.dryRun,
        source: request.source,
        ...(request.requestedBy === undefined ? {} : { requestedBy: request.requestedBy }),
      },
    },
  });
  // On-demand sessions are never refused by the parallel rules; this is a guard, not a path.
  if (!requested.ok) throw new Error(requested.message);
  const { outcomes } = await runCpqSession(deps, requested.session.id);
  const seen = new Set(outcomes.map((o) => o.orderId));
  const missing = orderIds
    .filter((id) => !seen.has(id))
    .map((id): CpqOrderResult => ({
      orderId: id,
      orderNumber: '',
      status: 'Failed',
      zuoraOrderNumber: null,
      zuoraAccountNumber: null,
      subscriptionNumbers: [],
      errorCode: null,
      message: 'Salesforce has no order with this Id (or the integration user cannot read it).',
      fix: 'Check the order Id and that the integration user can read the order.',
      requests: null,
    }));
  return {
    sessionId: requested.session.id,
    dryRun: request.dryRun,
    results: [...outcomes.map(resultOf), ...missing],
  };
}
