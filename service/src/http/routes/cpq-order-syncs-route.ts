// POST /v1/cpq/order-syncs: the "Send to Zuora" quick action's and the Flow action's callout (and the CLI's
// request, in process): sends CPQ orders to Zuora, or previews them, and answers one result per order.
// The contract, errors included, is docs/cpq-order-sync-contract.md; the on-demand token opens it.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerSyncError } from '../sync-request-errors.js';
import type { CpqDeps } from '../../cpq/cpq-deps.js';
import { runCpqRequest, TooManyOrdersError } from '../../cpq/cpq-request.js';

const idOf = (prefix: string, what: string) =>
  z
    .string()
    .regex(
      new RegExp(`^${prefix}[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$`),
      `expected a 15- or 18-character ${what} Id starting ${prefix}`,
    );
const userOrOrg = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'expected a 15- or 18-character Salesforce Id');

export const cpqOrderSyncsBody = z
  .object({
    orderIds: z.array(idOf('801', 'Order')).max(50, 'at most 50 orders').default([]),
    accountIds: z.array(idOf('001', 'Account')).max(50, 'at most 50 accounts').default([]),
    dryRun: z.boolean().default(false),
    source: z.enum(['UI', 'FLOW', 'APEX', 'CLI']),
    requestedBy: z.object({ userId: userOrOrg, orgId: userOrOrg }).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.orderIds.length + b.accountIds.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['orderIds'],
        message: 'at least one id is required in orderIds or accountIds',
      });
  });

const errorBody = z.object({ error: z.string(), message: z.string() });

const resultBody = z.object({
  orderId: z.string(),
  orderNumber: z.string(),
  status: z.enum(['Synced', 'Waiting', 'Failed', 'Preview']),
  zuoraOrderNumber: z.string().nullable(),
  zuoraAccountNumber: z.string().nullable(),
  subscriptionNumbers: z.array(z.string()),
  errorCode: z.string().nullable(),
  message: z.string(),
  fix: z.string().nullable(),
  requests: z.array(z.object({ method: z.string(), path: z.string(), body: z.unknown() })).nullable(),
});

export const cpqOrderSyncsRoute =
  (deps: CpqDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/cpq/order-syncs',
      {
        schema: {
          summary: 'Send Salesforce CPQ orders to Zuora (or preview them); one result per order',
          description:
            'The contract of docs/cpq-order-sync-contract.md. At most 50 orders after resolving accountIds.',
          security: [{ bearerAuth: [] }],
          body: cpqOrderSyncsBody,
          response: {
            200: z.object({ sessionId: z.string(), dryRun: z.boolean(), results: z.array(resultBody) }),
            400: errorBody,
            409: errorBody,
            429: errorBody,
            503: errorBody,
          },
        },
      },
      async (request, reply) => {
        try {
          const answer = await runCpqRequest(deps, request.body);
          return { ...answer, results: [...answer.results] };
        } catch (error) {
          if (error instanceof TooManyOrdersError)
            return reply.code(400).send({ error: 'invalid_request', message: error.message });
          const answered = answerSyncError(error, reply, request.log, 'CPQ order sync');
          if (answered !== undefined) return answered;
          throw error;
        }
      },
    );
  };
