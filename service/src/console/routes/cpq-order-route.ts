// GET /v1/cpq/orders/{orderId}: one CPQ order as the service recorded it (state, reason with its fix,
// attempts, Zuora order number) and as Salesforce holds its write-back (Zuora account number, subscription
// numbers, last error)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cpqOrderRows } from '../../store/cpq-order-rows.js';
import type { ConsoleDeps } from '../console-deps.js';
import { orderLinks, reasonOf, type CpqOrderLinks } from '../cpq-order-view.js';
import { cpqErrorBody, cpqReasonBody, stateOf } from './cpq-schemas.js';

export const cpqOrderRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/cpq/orders/:orderId',
      {
        schema: {
          summary: 'One CPQ order: its state, reason and fix, attempts, and its write-back in Salesforce',
          security: [{ bearerAuth: [] }],
          params: z.object({ orderId: z.string().regex(/^[a-zA-Z0-9]{15,18}$/) }),
          response: {
            200: z.object({
              orderId: z.string(),
              orderNumber: z.string(),
              accountId: z.string(),
              state: z.string(),
              status: z.string(),
              reason: cpqReasonBody,
              attempts: z.number(),
              zuoraOrderNumber: z.string().nullable(),
              sessionId: z.string().nullable(),
              activatedAt: z.string().nullable(),
              salesforce: z
                .object({
                  zuoraAccountNumber: z.string().nullable(),
                  subscriptionNumbers: z.array(z.string()),
                  lastError: z.string().nullable(),
                  lastSyncTime: z.string().nullable(),
                })
                .nullable(),
              salesforceError: z.string().nullable(),
            }),
            404: cpqErrorBody,
          },
        },
      },
      async (request, reply) => {
        const { orderId } = request.params;
        const row = (await cpqOrderRows(deps.store, [orderId])).get(orderId);
        if (row === undefined)
          return reply
            .code(404)
            .send({ error: 'not_found', message: `the service has not handled CPQ order ${orderId}` });
        let links: CpqOrderLinks | null = null;
        let salesforceError: string | null = null;
        if (deps.cpq === undefined) salesforceError = 'this service process does not reach Salesforce';
        else
          links = await orderLinks(deps.cpq.deps, orderId).catch((error: unknown) => {
            salesforceError = `Salesforce could not be read: ${(error as Error).message}`;
            return null;
          });
        return {
          orderId: row.orderId,
          orderNumber: row.orderNumber,
          accountId: row.accountId,
          state: stateOf(row.status, row.transient),
          status: row.status,
          reason: reasonOf(row.errorCode),
          attempts: row.attempts,
          zuoraOrderNumber: row.zuoraOrderNumber,
          sessionId: row.sessionId,
          activatedAt: row.activatedAt,
          salesforce:
            links === null ? null : { ...links, subscriptionNumbers: [...links.subscriptionNumbers] },
          salesforceError,
        };
      },
    );
  };
