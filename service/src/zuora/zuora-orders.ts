// The Orders API calls the CPQ direction makes: create an order asynchronously (with an Idempotency-Key),
// poll its job, look an order up by number (before re-submitting after a crash or timeout), preview an order
// (dry run), and read a subscription's rate plans and charges for the write-back.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Order/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_PreviewOrder/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_SubscriptionsByKey/
import type { ZuoraClient } from './zuora-client.js';
import { ZuoraApiError } from './zuora-errors.js';

export type OrderJob =
  | { readonly status: 'Processing' }
  | { readonly status: 'Completed'; readonly result: CreatedOrder }
  | { readonly status: 'Failed'; readonly message: string; readonly code: string };

export interface CreatedOrder {
  readonly orderNumber: string;
  readonly accountNumber: string;
  readonly status: string;
  readonly subscriptionNumbers: readonly string[];
  readonly orderLineItems: readonly { readonly id: string; readonly itemNumber: string }[];
}

interface JobAnswer {
  status: 'Processing' | 'Completed' | 'Failed';
  errors?: string | null;
  result?: {
    orderNumber?: string;
    accountNumber?: string;
    status?: string;
    subscriptions?: { subscriptionNumber: string }[];
    subscriptionNumbers?: string[];
    orderLineItems?: { id: string; itemNumber: string }[];
    reasons?: { code?: unknown; message?: string }[];
  } | null;
}

function createdFrom(r: NonNullable<JobAnswer['result']>): CreatedOrder {
  return {
    orderNumber: r.orderNumber ?? '',
    accountNumber: r.accountNumber ?? '',
    status: r.status ?? '',
    subscriptionNumbers: r.subscriptions?.map((s) => s.subscriptionNumber) ?? r.subscriptionNumbers ?? [],
    orderLineItems: r.orderLineItems ?? [],
  };
}

/** Submits an order; the key makes a resubmission (after a crash or timeout) answer the first job. */
export async function submitAsyncOrder(
  client: ZuoraClient,
  body: unknown,
  idempotencyKey: string,
  entityId?: string,
): Promise<string> {
  const answer = await client.request<{ jobId: string }>('POST', '/v1/async/orders', {
    json: body,
    idempotencyKey,
    entityId,
    query: { returnIds: 'true' },
  });
  return answer.jobId;
}

/** The job's state; undefined when Zuora no longer knows the job (then look the order up by number). */
export async function orderJob(
  client: ZuoraClient,
  jobId: string,
  entityId?: string,
): Promise<OrderJob | undefined> {
  let answer: JobAnswer;
  try {
    answer = await client.request<JobAnswer>('GET', `/v1/async-jobs/${encodeURIComponent(jobId)}`, {
      entityId,
    });
  } catch (error) {
    if (error instanceof ZuoraApiError && error.status === 404) return undefined;
    throw error;
  }
  if (answer.status === 'Processing') return { status: 'Processing' };
  if (answer.status === 'Completed' && answer.result !== null && answer.result !== undefined)
    return { status: 'Completed', result: createdFrom(answer.result) };
  const reason = answer.result?.reasons?.[0];
  return {
    status: 'Failed',
    message: answer.errors ?? reason?.message ?? 'the order job failed',
    code:
      typeof reason?.code === 'string' || typeof reason?.code === 'number'
        ? String(reason.code)
        : 'ORDER_FAILED',
  };
}

export interface ExistingOrder {
  readonly orderNumber: string;
  readonly status: string;
  readonly accountNumber: string;
  readonly subscriptionNumbers: readonly string[];
}

/** The order with this number, or undefined when Zuora has none. */
export async function findOrder(
  client: ZuoraClient,
  orderNumber: string,
  entityId?: string,
): Promise<ExistingOrder | undefined> {
  try {
    const answer = await client.request<{
      order: {
        orderNumber: string;
        status: string;
        existingAccountNumber: string | null;
        subscriptions?: { subscriptionNumber: string }[];
      };
    }>('GET', `/v1/orders/${encodeURIComponent(orderNumber)}`, { entityId });
    const o = answer.order;
    return {
      orderNumber: o.orderNumber,
      status: o.status,
      accountNumber: o.existingAccountNumber ?? '',
      subscriptionNumbers: (o.subscriptions ?? []).map((s) => s.subscriptionNumber),
    };
  } catch (error) {
    if (error instanceof ZuoraApiError && error.status === 404) return undefined;
    throw error;
  }
}

/** Previews an order (nothing is written in Zuora); answers Zuora's preview result as is. Order delta
 * metrics, not Order Metrics: "As of Zuora Billing Release 306, Order Metrics is no longer available" to
 * new customers, https://docs.zuora.com/en/zuora-billing/manage-accounts-subscriptions-and-non-subscriptions/manage-subscription-transactions/orders/order-delta-metrics-and-order-metrics */
export async function previewOrder(client: ZuoraClient, body: unknown, entityId?: string): Promise<unknown> {
  return client.request('POST', '/v1/orders/preview', {
    json: {
      ...(body as Record<string, unknown>),
      previewOptions: { previewThruType: 'TermEnd', previewTypes: ['OrderDeltaMetrics'] },
    },
    entityId,
  });
}

/**
 * The trigger dates an order's actions lack (ServiceActivation, CustomerAcceptance): Zuora fills in the dates
 * the tenant does not require, so the ones still missing are what a Pending order waits for.
 * https://docs.zuora.com/en/zuora-billing/manage-accounts-subscriptions-and-non-subscriptions/manage-subscription-transactions/orders/orders-introduction/pending-orders-and-subscriptions
 */
export async function missingTriggerDates(
  client: ZuoraClient,
  orderNumber: string,
  entityId?: string,
): Promise<('ServiceActivation' | 'CustomerAcceptance')[]> {
  const answer = await client.request<{
    order: { subscriptions?: { orderActions?: { triggerDates?: { name: string }[] }[] }[] };
  }>('GET', `/v1/orders/${encodeURIComponent(orderNumber)}`, { entityId });
  const missing = new Set<'ServiceActivation' | 'CustomerAcceptance'>();
  for (const sub of answer.order.subscriptions ?? [])
    for (const action of sub.orderActions ?? []) {
      const names = new Set((action.triggerDates ?? []).map((d) => d.name));
      for (const n of ['ServiceActivation', 'CustomerAcceptance'] as const) if (!names.has(n)) missing.add(n);
    }
  return [...missing];
}

export interface SubscriptionCharge {
  readonly id: string;
  readonly number: string;
  readonly type: string | null;
  readonly model: string | null;
  readonly quantity: number | null;
  readonly price: number | null;
  readonly billingPeriod: string | null;
  readonly billCycleType: string | null;
}

export interface SubscriptionRatePlan {
  readonly id: string;
  readonly productRatePlanId: string;
  readonly externallyManagedPlanId: string | null;
  /** How the rate plan last changed (Add, Update, Remove, ...); null when it never did. */
  readonly lastChangeType: string | null;
  readonly charges: readonly SubscriptionCharge[];
}

export interface SubscriptionState {
  readonly id: string;
  readonly status: string | null;
  readonly currency: string | null;
  readonly invoiceOwnerAccountId: string | null;
  readonly invoiceOwnerAccountNumber: string | null;
  /** The subscription owner's account number. */
  readonly accountNumber: string | null;
  readonly ratePlans: readonly SubscriptionRatePlan[];
}

interface ChargeAnswer {
  id: string;
  number: string;
  type?: string | null;
  model?: string | null;
  quantity?: number | null;
  price?: number | null;
  billingPeriod?: string | null;
  billCycleType?: string | null;
}

const chargeOf = (c: ChargeAnswer): SubscriptionCharge => ({
  id: c.id,
  number: c.number,
  type: c.type ?? null,
  model: c.model ?? null,
  quantity: c.quantity ?? null,
  price: c.price ?? null,
  billingPeriod: c.billingPeriod ?? null,
  billCycleType: c.billCycleType ?? null,
});

/** A subscription's (latest version's) state: owners, currency, rate plans with their charges. */
export async function subscriptionRatePlans(
  client: ZuoraClient,
  subscriptionNumber: string,
  entityId?: string,
): Promise<SubscriptionState> {
  const answer = await client.request<{
    id: string;
    status?: string | null;
    currency?: string | null;
    invoiceOwnerAccountId?: string | null;
    invoiceOwnerAccountNumber?: string | null;
    accountNumber?: string | null;
    ratePlans: {
      id: string;
      productRatePlanId: string;
      externallyManagedPlanId: string | null;
      lastChangeType?: string | null;
      ratePlanCharges: ChargeAnswer[];
    }[];
  }>('GET', `/v1/subscriptions/${encodeURIComponent(subscriptionNumber)}`, { entityId });
  return {
    id: answer.id,
    status: answer.status ?? null,
    currency: answer.currency ?? null,
    invoiceOwnerAccountId: answer.invoiceOwnerAccountId ?? null,
    invoiceOwnerAccountNumber: answer.invoiceOwnerAccountNumber ?? null,
    accountNumber: answer.accountNumber ?? null,
    ratePlans: answer.ratePlans.map((rp) => ({
      id: rp.id,
      productRatePlanId: rp.productRatePlanId,
      externallyManagedPlanId: rp.externallyManagedPlanId,
      lastChangeType: rp.lastChangeType ?? null,
      charges: rp.ratePlanCharges.map(chargeOf),
    })),
  };
}
