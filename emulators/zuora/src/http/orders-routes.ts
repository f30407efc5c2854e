// The Orders API: POST /v1/orders and /v1/orders/preview (synchronous), POST /v1/async/orders and
// /v1/async/orders/preview (202 { jobId, success } with a Location header) polled with
// GET /v1/async-jobs/{jobId} (Processing -> Completed | Failed with the result), GET /v1/orders/{orderNumber}
// and GET /v1/orders/subscription/{subscriptionNumber}. A malformed request is a 400 naming the field; a
// refused order answers 200 with success false and its reasons, as Zuora documents; everything is scoped
// to the request's entity. A committed order raises the Order Processed / Order Action Processed callouts.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_OrdersBySubscriptionNumber/
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AsyncJobs, type AsyncJob } from '../orders/async-jobs.js';
import type { CommittedOrder } from '../orders/commit-order.js';
import { createOrder, type OrderCall } from '../orders/create-order.js';
import type { OrderMode } from '../orders/order-env.js';
import { previewOrder } from '../orders/order-preview.js';
import { orderRequestSchema, previewRequestSchema } from '../orders/order-request.js';
import { orderView, parseZuoraVersion } from '../orders/order-views.js';
import { ChildIndex } from '../query/relations.js';
import type { EmulatorContext } from './context.js';
import { entityScope, inEntity } from './entity-scope.js';
import { reason, v1Error, type ZuoraReason } from './errors.js';

export interface OrderRouteOptions {
  /** How long an asynchronous job stays Processing before it runs. */
  asyncStepMs: number;
}

function parsed<T extends z.ZodType>(
  schema: T,
  request: FastifyRequest,
  reply: FastifyReply,
): z.infer<T> | undefined {
  const result = schema.safeParse(request.body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  const missing = issue?.code === 'invalid_type' && issue.message.includes('undefined');
  v1Error(reply, 400, [
    reason(
      'order',
      missing ? 'missingRequired' : 'invalidValue',
      `${path || 'body'}: ${missing ? 'is required' : (issue?.message ?? 'invalid')}`,
    ),
  ]);
  return undefined;
}

const failureBody = (reasons: ZuoraReason[]) => ({ success: false, reasons });

export function registerOrderRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  opts: OrderRouteOptions,
): { close(): void } {
  const jobs = new AsyncJobs(opts.asyncStepMs);
  const children = new ChildIndex(ctx.store);
  const announce = (c: CommittedOrder): void => {
    const entityId = String(ctx.store.get('Order', c.order.Id)?.entityId ?? ctx.store.defaultEntityId);
    const seq = ctx.store.currentSequence;
    ctx.callouts.notify({
      object: 'Order',
      action: 'processed',
      record: c.order,
      entityId,
      seq,
      changedFields: [],
    });
    for (const a of c.actions)
      ctx.callouts.notify({
        object: 'OrderAction',
        action: 'processed',
        record: a,
        entityId,
        seq,
        changedFields: [],
      });
  };
  const call = (request: FastifyRequest, entityId: string | null, mode: OrderMode): OrderCall => {
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
  };
  const scoped = (request: FastifyRequest, reply: FastifyReply): { entityId: string | null } | undefined => {
    const scope = entityScope(request, ctx.store);
    if (scope.ok) return { entityId: scope.entityId };
    v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    return undefined;
  };
  const finish = (
    job: AsyncJob,
    outcome: { ok: true; result: Record<string, unknown> } | { ok: false; reasons: ZuoraReason[] },
  ): void => {
    if (outcome.ok)
      Object.assign(job, { status: 'Completed', result: { jobType: job.type, ...outcome.result } });
    else
      Object.assign(job, {
        status: 'Failed',
        errors: outcome.reasons.map((r) => r.message).join('; '),
        result: { jobType: job.type, ...failureBody(outcome.reasons) },
      });
  };

  app.post('/v1/orders', async (request, reply) => {
    const scope = scoped(request, reply);
    const body = scope === undefined ? undefined : parsed(orderRequestSchema, request, reply);
    if (scope === undefined || body === undefined) return reply;
    const outcome = createOrder(call(request, scope.entityId, 'sync'), body);
    if (!outcome.ok) return v1Error(reply, outcome.status, outcome.reasons);
    announce(outcome.committed);
    return reply.send(outcome.result);
  });

  app.post('/v1/orders/preview', async (request, reply) => {
    const scope = scoped(request, reply);
    const body = scope === undefined ? undefined : parsed(previewRequestSchema, request, reply);
    if (scope === undefined || body === undefined) return reply;
    const outcome = previewOrder(call(request, scope.entityId, 'sync'), body);
    return outcome.ok ? reply.send(outcome.result) : v1Error(reply, outcome.status, outcome.reasons);
  });

  app.post('/v1/async/orders', async (request, reply) => {
    const scope = scoped(request, reply);
    const body = scope === undefined ? undefined : parsed(orderRequestSchema, request, reply);
    if (scope === undefined || body === undefined) return reply;
    const c = call(request, scope.entityId, 'async');
    const job = jobs.submit('AsyncCreateOrder', scope.entityId, (j) => {
      const outcome = createOrder(c, body);
      finish(j, outcome);
      if (outcome.ok) announce(outcome.committed);
    });
    return reply.code(202).header('Location', `/async-jobs/${job.id}`).send({ jobId: job.id, success: true });
  });

  app.post('/v1/async/orders/preview', async (request, reply) => {
    const scope = scoped(request, reply);
    const body = scope === undefined ? undefined : parsed(previewRequestSchema, request, reply);
    if (scope === undefined || body === undefined) return reply;
    const c = call(request, scope.entityId, 'async');
    const job = jobs.submit('AsyncPreviewOrder', scope.entityId, (j) => finish(j, previewOrder(c, body)));
    return reply.code(202).header('Location', `/async-jobs/${job.id}`).send({ jobId: job.id, success: true });
  });

  app.get<{ Params: { jobId: string } }>('/v1/async-jobs/:jobId', async (request, reply) => {
    const scope = scoped(request, reply);
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

  app.get<{ Params: { orderNumber: string } }>('/v1/orders/:orderNumber', async (request, reply) => {
    const scope = scoped(request, reply);
    if (scope === undefined) return reply;
    const order = [...ctx.store.scan('Order', scope.entityId)].find(
      (o) => o.record.OrderNumber === request.params.orderNumber,
    );
    if (!inEntity(order, scope.entityId))
      return v1Error(reply, 404, [
        reason('order', 'notFound', `The order ${request.params.orderNumber} does not exist.`),
      ]);
    return reply.send({ success: true, order: orderView(ctx.store, children, order.record) });
  });

  app.get<{ Params: { number: string }; Querystring: { page?: string; pageSize?: string } }>(
    '/v1/orders/subscription/:number',
    async (request, reply) => {
      const scope = scoped(request, reply);
      if (scope === undefined) return reply;
      const page = Number(request.query.page ?? 1);
      const pageSize = Number(request.query.pageSize ?? 20);
      if (!Number.isInteger(page) || page < 1 || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 40)
        return v1Error(reply, 400, [
          reason(
            'order',
            'invalidValue',
            'page must be a positive integer and pageSize an integer from 1 to 40.',
          ),
        ]);
      const ids = new Set<string>();
      for (const { record } of ctx.store.scan('OrderAction', scope.entityId))
        if (record.SubscriptionNumber === request.params.number) ids.add(String(record.OrderId));
      const orders = [...ids].flatMap((id) => {
        const o = ctx.store.get('Order', id);
        return o === undefined ? [] : [o.record];
      });
      const slice = orders.slice((page - 1) * pageSize, page * pageSize);
      return reply.send({
        success: true,
        orders: slice.map((o) => orderView(ctx.store, children, o)),
        ...(page * pageSize < orders.length
          ? {
              nextPage: `/v1/orders/subscription/${request.params.number}?page=${page + 1}&pageSize=${pageSize}`,
            }
          : {}),
      });
    },
  );

  return { close: () => jobs.close() };
}
