// POST /v1/orders (synchronous), POST /v1/async/orders (202 + jobId) and GET /v1/async-jobs/{jobId}
// (status Pending -> Processing -> Completed | Failed, with the order result).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createOrder } from '../orders/create-order.js';
import { orderRequestSchema } from '../orders/order-request.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { reason, v1Error } from './errors.js';

interface AsyncJob {
  status: 'Pending' | 'Processing' | 'Completed' | 'Failed';
  result?: Record<string, unknown>;
  errors?: string;
}

export interface OrderRouteOptions {
  /** Time a job spends in each of Pending and Processing. */
  asyncStepMs: number;
}

export function registerOrderRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  opts: OrderRouteOptions,
): { close(): void } {
  const jobs = new Map<string, AsyncJob>();
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const parse = (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = orderRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      v1Error(reply, 400, [
        reason(
          'order',
          issue?.code === 'invalid_type' && issue.message.includes('undefined')
            ? 'missingRequired'
            : 'invalidValue',
          `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
        ),
      ]);
      return undefined;
    }
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) {
      v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
      return undefined;
    }
    return { order: parsed.data, entityId: scope.entityId };
  };

  app.post('/v1/orders', async (request, reply) => {
    const input = parse(request, reply);
    if (input === undefined) return reply;
    const outcome = createOrder(ctx.store, input.order, 'sync', input.entityId);
    return outcome.ok ? reply.send(outcome.response) : v1Error(reply, outcome.status, outcome.reasons);
  });

  app.post('/v1/async/orders', async (request, reply) => {
    const input = parse(request, reply);
    if (input === undefined) return reply;
    const jobId = randomUUID().replace(/-/g, '');
    const job: AsyncJob = { status: 'Pending' };
    jobs.set(jobId, job);
    later(opts.asyncStepMs, () => {
      job.status = 'Processing';
      later(opts.asyncStepMs, () => {
        const outcome = createOrder(ctx.store, input.order, 'async', input.entityId);
        if (outcome.ok) Object.assign(job, { status: 'Completed', result: outcome.response });
        else
          Object.assign(job, {
            status: 'Failed',
            errors: outcome.reasons.map((r) => r.message).join('; '),
            result: { success: false, reasons: outcome.reasons },
          });
      });
    });
    return reply.code(202).send({ success: true, jobId });
  });

  app.get<{ Params: { jobId: string } }>('/v1/async-jobs/:jobId', async (request, reply) => {
    const job = jobs.get(request.params.jobId);
    if (job === undefined)
      return v1Error(reply, 404, [
        reason('order', 'notFound', `async job ${request.params.jobId} not found`),
      ]);
    return reply.send({
      success: true,
      status: job.status,
      result: job.result ?? null,
      errors: job.errors ?? null,
    });
  });

  app.get<{ Params: { orderNumber: string } }>('/v1/orders/:orderNumber', async (request, reply) => {
    const order = [...ctx.store.scan('Order', null)].find(
      (o) => o.record.OrderNumber === request.params.orderNumber,
    )?.record;
    if (order === undefined)
      return v1Error(reply, 404, [
        reason('order', 'notFound', `order ${request.params.orderNumber} not found`),
      ]);
    const lineItems = [...ctx.store.scan('OrderLineItem', null)]
      .filter((l) => l.record.OrderId === order.Id)
      .map((l) => ({
        id: l.record.Id,
        itemNumber: l.record.ItemNumber,
        itemName: l.record.ItemName,
        quantity: l.record.Quantity,
      }));
    return reply.send({
      success: true,
      order: {
        id: order.Id,
        orderNumber: order.OrderNumber,
        orderDate: order.OrderDate,
        status: order.Status,
        accountId: order.AccountId,
        orderLineItems: lineItems,
      },
    });
  });

  return {
    close: () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
