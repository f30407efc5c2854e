// GET /v1/cpq/orders: CPQ orders the service handled, of one state or all, newest first, with the count of
// each state (synced, waiting with reason, failed with code and fix, pending: sent again on the next poll)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cpqOrderCounts, listCpqOrders } from '../../store/cpq-order-list.js';
import type { ConsoleDeps } from '../console-deps.js';
import { reasonOf } from '../cpq-order-view.js';
import { cpqOrderBody, cpqStates, stateOf } from './cpq-schemas.js';

export const cpqOrdersRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/cpq/orders',
      {
        schema: {
          summary: 'CPQ orders by state (synced, waiting, failed, pending), newest first, with counts',
          security: [{ bearerAuth: [] }],
          querystring: z.object({
            state: z.enum(cpqStates).optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: {
            200: z.object({
              counts: z.object({
                synced: z.number(),
                waiting: z.number(),
                failed: z.number(),
                pending: z.number(),
              }),
              orders: z.array(cpqOrderBody),
            }),
          },
        },
      },
      async (request) => {
        const rows = await listCpqOrders(deps.store, request.query.state, request.query.limit);
        return {
          counts: await cpqOrderCounts(deps.store),
          orders: rows.map((r) => ({
            orderId: r.orderId,
            orderNumber: r.orderNumber,
            accountId: r.accountId,
            state: stateOf(r.status, r.transient),
            status: r.status,
            reason: reasonOf(r.errorCode),
            attempts: r.attempts,
            zuoraOrderNumber: r.zuoraOrderNumber,
            updatedAt: r.updatedAt,
          })),
        };
      },
    );
  };
