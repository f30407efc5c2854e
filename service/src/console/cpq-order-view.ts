// What the console's CPQ page shows of an order beyond its cpq_orders row: the reason of its state in plain
// words (the error catalogue's title and fix, as the sales user reads them on the order's sync record), and
// what Salesforce holds after the write-back (the Zuora account number, subscription numbers, last error).
import type { CpqDeps } from '../cpq/cpq-deps.js';
import { cpqErrorCatalog, type CpqErrorCode } from '../cpq/rules/cpq-errors.js';
import { soqlList } from '../salesforce/soql.js';

export interface CpqReason {
  readonly code: string;
  readonly title: string;
  readonly fix: string | null;
}

export function reasonOf(code: string | null): CpqReason | null {
  if (code === null) return null;
  const spec = (cpqErrorCatalog as Partial<Record<string, { title: string; fix: string }>>)[
    code as CpqErrorCode
  ];
  return { code, title: spec?.title ?? code, fix: spec?.fix ?? null };
}

export interface CpqOrderLinks {
  readonly zuoraAccountNumber: string | null;
  readonly subscriptionNumbers: readonly string[];
  readonly lastError: string | null;
  readonly lastSyncTime: string | null;
}

/** The order's write-back in Salesforce: two queries (the order with its account, its order products). */
export async function orderLinks(deps: CpqDeps, orderId: string): Promise<CpqOrderLinks | null> {
  const ids = soqlList([orderId]);
  const orders = await deps.salesforce.query<{
    Account?: { Zuora_Account_Number__c?: string | null } | null;
    Zuora_Last_Sync_Error__c?: string | null;
    Zuora_Last_Sync_Time__c?: string | null;
  }>(
    `SELECT Id, Account.Zuora_Account_Number__c, Zuora_Last_Sync_Error__c, Zuora_Last_Sync_Time__c FROM Order WHERE Id IN (${ids})`,
  );
  const order = orders.records[0];
  if (order === undefined) return null;
  const items = await deps.salesforce.query<{ Zuora_Subscription_Number__c?: string | null }>(
    `SELECT Id, Zuora_Subscription_Number__c FROM OrderItem WHERE OrderId IN (${ids})`,
  );
  const numbers = items.records
    .map((i) => i.Zuora_Subscription_Number__c)
    .filter((n): n is string => typeof n === 'string' && n !== '');
  return {
    zuoraAccountNumber: order.Account?.Zuora_Account_Number__c ?? null,
    subscriptionNumbers: [...new Set(numbers)].sort(),
    lastError: order.Zuora_Last_Sync_Error__c ?? null,
    lastSyncTime: order.Zuora_Last_Sync_Time__c ?? null,
  };
}
