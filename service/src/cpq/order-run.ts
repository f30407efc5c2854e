// What syncing one order of a session needs besides its bundle: the dependencies, the session's checkpoints,
// the customers and plans resolved so far, the attempt number, and what the readiness gate looks at.
import type { SessionCheckpoints } from '../sessions/checkpoints.js';
import type { CpqDeps } from './cpq-deps.js';
import type { ItemLink, OrderOutcome } from './order-outcome.js';
import type { LineageRevision, RevisedItem } from './read-bundles.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import type { CpqError } from './rules/cpq-errors.js';
import type { PlanCache } from './zuora-catalog-step.js';
import type { CustomerContext } from './zuora-customer.js';

export interface OrderRun {
  readonly deps: CpqDeps;
  readonly checkpoints: SessionCheckpoints;
  readonly customers: CustomerContext;
  readonly plans: PlanCache;
  /** The session's catalog lock: orders running side by side look up and create plans one at a time. */
  readonly catalog: <T>(fn: () => Promise<T>) => Promise<T>;
  /** The order's attempts before this one (cpq_orders), part of its Idempotency-Key. */
  readonly attempt: number;
  /** The order products amendments revise, with their orders (read with the bundles). */
  readonly revised: ReadonlyMap<string, RevisedItem>;
  /** Every order revising those lineages (amendments and renewals), by first order product. */
  readonly revisions: ReadonlyMap<string, readonly LineageRevision[]>;
  /** Orders this session synced already (their write-back may not be in Salesforce yet). */
  readonly synced: ReadonlySet<string>;
  /** The Zuora links of the order products this session synced, by OrderItem Id (same reason). */
  readonly links: ReadonlyMap<string, ItemLink>;
}

/** The outcome of an order that ended before anything was sent. */
export function ended(
  b: CpqOrderBundle,
  status: OrderOutcome['status'],
  error: CpqError | null,
): OrderOutcome {
  return {
    orderId: b.order.Id,
    orderNumber: b.order.OrderNumber,
    accountId: b.order.AccountId,
    status,
    error,
    zuoraOrderNumber: null,
    zuoraAccountNumber: null,
    subscriptionNumbers: [],
    accounts: [],
    items: [],
    requests: null,
  };
}
