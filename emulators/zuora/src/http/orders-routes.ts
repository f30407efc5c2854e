// The Orders API: POST /v1/orders and /v1/orders/preview (synchronous), POST /v1/async/orders and
// /v1/async/orders/preview (202 { jobId, success } with a Location header) polled with
// GET /v1/async-jobs/{jobId} (Processing -> Completed | Failed with the result), GET /v1/orders/{orderNumber}
// GET /v1/orders/subscription/{subscriptionNumber} and PUT /v1/orders/{orderNumber}/triggerDates. A malformed request is a 400 naming the field; a
// refused order answers 200 with success false and its reasons, as Zuora documents; everything is scoped
// to the request's entity. A committed order raises the Order Processed / Order Action Processed callouts.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AsyncJobs, type AsyncJob } from '../orders/async-jobs.js';
import type { CommittedOrder } from '../orders/commit-order.js';
import { createOrder, type OrderCall } from '../orders/create-order.js';
import type { OrderMode } from '../orders/order-env.js';
import { previewOrder } from '../orders/order-preview.js';
import { orderRequestSchema, previewRequestSchema } from '../orders/order-request.js';
import { parseZuoraVersion } from '../orders/order-views.js';
import type { EmulatorContext } from './context.js';
import { reason, v1Error, type ZuoraReason } from './errors.js';
import { registerOrderReadRoutes } from './order-read-routes.js';
import { parsed, scopeOf } from './orders-http.js';

export interface OrderRouteOptions {
  /** How long an asynchronous job stays Processing before it runs. */
  asyncStepMs: number;
}

/** Raises the Zuora custom events "Order Processed" and "Order Action Processed" for a committed order. */
function announce(ctx: EmulatorContext, c: CommittedOrder): void {
  const entityId = String(ctx.store.get('Order', c.order.Id)?.entityId ?? ctx.store.defaultEntityId);
  const seq = ctx.store.currentSequence;
  for (const [object, record] of [
    ['Order', c.order] as const,
    ...c.actions.map((a) => ['OrderAction', a] as const),
  ])
    ctx.callouts.notify({ object, action: 'processed', record, entityId, seq, changedFields: [] });
}

function orderCall(
  ctx: EmulatorContext,
  request: FastifyRequest,
  entityId: string | null,
  mode: OrderMode,
): OrderCall {
  const query = request.query as { returnIds?: string };
  return {
    store: ctx.store,
    entityId,
    settings: ctx.settings,
    mode,
    result: {
      zuoraVersion: parseZuoraVersion(request.headers['zuora-version']),
      returnIds: query.returnIds === 'true',
    },
  };
}

function finish(
  job: AsyncJob,
  outcome: { ok: true; result: Record<string, unknown> } | { ok: false; reasons: ZuoraReason[] },
): void {
  if (outcome.ok)
    Object.assign(job, { status: 'Completed', result: { jobType: job.type, ...outcome.result } });
  else
    Object.assign(job, {
      status: 'Failed',
      errors: outcome.reasons.map((r) => r.message).join('; '),
      result: { jobType: job.type, success: false, reasons: outcome.reasons },
    });
}

function registerSyncRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/v1/orders', async (request, reply) => {
    const scope = scopeOf(ctx, request, reply);
    const body = scope === undefined ? undefined : parsed(orderRequestSchema, request, reply);
    if (scope === undefined || body === undefined) return reply;
    const outcome = createOrder(orderCall(ctx, request, scope.entityId, 'sync'), body);
    if (!outcome.ok) return v1Error(reply, outcome.status, outcome.reasons);
    announce(ctx, outcome.committed);
    return reply.send(outcome.result);
  });
  app.post('/v1/orders/preview', async (request, reply) => {
    const scope = scopeOf(ctx, request, reply);
    const body = scope === undefined ? undefined : parsed(previewRequestSchema, request, reply);
    if (scope === undefined || body === undefined) return reply;
    const outcome = previewOrder(orderCall(ctx, request, scope.entityId, 'sync'), body);
    return outcome.ok ? reply.send(outcome.result) : v1Error(reply, outcome.status, outcome.reasons);
  });
}

function registerAsyncRoutes(app: FastifyInstance, ctx: EmulatorContext, jobs: AsyncJobs): void {
  const accepted = (reply: FastifyReply, job: AsyncJob) =>
    reply.code(202).header('Location', `/async-jobs/${job.id}`).send({ jobId: job.id, success: true });
  app.post('/v1/async/orders', async (request, reply) => {
    const scope = scopeOf(ctx, request, reply);
    const body = scope === undefined ? undefined : parsed(orderRequestSchema, request, reply);
    if (scope === undefined || body === undefined) return reply;
    const call = orderCall(ctx, request, scope.entityId, 'async');
    return accepted(
      reply,
      jobs.submit('AsyncCreateOrder', scope.entityId, (job) => {
        const outcome = createOrder(call, body);
        finish(job, outcome);
        if (outcome.ok) announce(ctx, outcome.committed);
      }),
    );
  });
  app.post('/v1/async/orders/preview', async (request, reply) => {
    const scope = scopeOf(ctx, request, reply);
    const body = scope === undefined ? undefined : parsed(previewRequestSchema, request, reply);
    if (scope === undefined || body === undefined) return reply;
    const call = orderCall(ctx, request, scope.entityId, 'async');
    return accepted(
      reply,
      jobs.submit('AsyncPreviewOrder', scope.entityId, (job) => finish(job, previewOrder(call, body))),
    );
  });
  app.get<{ Params: { jobId: string } }>('/v1/async-jobs/:jobId', async (request, reply) => {
    const scope = scopeOf(ctx, request, reply);
    if (scope === undefined) return reply;
    const job = jobs.get(request.params.jobId, scope.entityId);
    if (job === undefined)
      return v1Error(reply, 404, [
        reason('order', 'notFound', `No asynchronous job ${request.params.jobId}.`),
      ]);
    return reply.send({
      success: true,
      status: job.status,
      errors: job.errors ?? null,
      result: job.result ?? null,
    });
  });
}

export function registerOrderRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  opts: OrderRouteOptions,
): { close(): void } {
  const jobs = new AsyncJobs(opts.asyncStepMs);
  registerSyncRoutes(app, ctx);
  registerAsyncRoutes(app, ctx, jobs);
  registerOrderReadRoutes(app, ctx);
  return { close: () => jobs.close() };
}
