// "Create an order", synchronous or as an asynchronous job: plan (nothing written if any rule fails),
// then commit. https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
import type { TenantStore } from '../store/tenant-store.js';
import type { BillingSettings } from '../tenant/billing-settings.js';
import { commitOrder, type CommittedOrder } from './commit-order.js';
import { OrderEnv, type OrderMode } from './order-env.js';
import type { OrderRequest } from './order-request.js';
import { attempt, type OrderFailure } from './order-refusal.js';
import { orderResult, type ResultOptions } from './order-views.js';
import { planOrder } from './plan-order.js';

export type OrderOutcome =
  { ok: true; committed: CommittedOrder; result: Record<string, unknown> } | OrderFailure;

export interface OrderCall {
  store: TenantStore;
  entityId: string | null;
  settings: BillingSettings;
  mode: OrderMode;
  result: ResultOptions;
}

export function createOrder(call: OrderCall, request: OrderRequest): OrderOutcome {
  const env = new OrderEnv(call.store, call.entityId, call.settings, call.mode);
  const planned = attempt(() => planOrder(env, request, false));
  if (!planned.ok) return planned;
  const committed = commitOrder(call.store, planned.value, env.entity, request);
  return { ok: true, committed, result: orderResult(committed, call.result) };
}
