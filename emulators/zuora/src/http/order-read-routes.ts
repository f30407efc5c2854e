// Orders API reads and the trigger-date update: GET /v1/orders/{orderNumber},
// GET /v1/orders/subscription/{subscriptionNumber} (pages of at most 40) and
// PUT /v1/orders/{orderNumber}/triggerDates, all in the request's entity.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Order/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_OrdersBySubscriptionNumber/
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_OrderTriggerDates/
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { orderView } from '../orders/order-views.js';
import { triggerDatesRequestSchema, updateTriggerDates } from '../orders/update-trigger-dates.js';
import { ChildIndex } from '../query/relations.js';
import type { EmulatorContext } from './context.js';
import { inEntity } from './entity-scope.js';
import { reason, v1Error } from './errors.js';
import { parsed, scopeOf } from './orders-http.js';

export function registerOrderReadRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const children = new ChildIndex(ctx.store);
  const scoped = (request: FastifyRequest, reply: FastifyReply) => scopeOf(ctx, request, reply);

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

  app.put<{ Params: { orderNumber: string } }>(
    '/v1/orders/:orderNumber/triggerDates',
    async (request, reply) => {
      const scope = scoped(request, reply);
      const body = scope === undefined ? undefined : parsed(triggerDatesRequestSchema, request, reply);
      if (scope === undefined || body === undefined) return reply;
      const order = [...ctx.store.scan('Order', scope.entityId)].find(
        (o) => o.record.OrderNumber === request.params.orderNumber,
      );
      if (order === undefined)
        return v1Error(reply, 404, [
          reason('order', 'notFound', `The order ${request.params.orderNumber} does not exist.`),
        ]);
      const outcome = updateTriggerDates(ctx.store, children, order.record, body);
      return outcome.ok ? reply.send(outcome.result) : v1Error(reply, outcome.status, outcome.reasons);
    },
  );

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
}
