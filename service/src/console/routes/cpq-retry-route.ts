// POST /v1/cpq/orders/{orderId}/retry: sends one CPQ order to Zuora again now, through the engine's request
// path (a CPQ session of its own, as the "Send to Zuora" action runs it), and answers its result
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCpqRequest } from '../../cpq/cpq-request.js';
import { ApiBudgetExhaustedError } from '../../salesforce/api-budget.js';
import { OrgChangedError } from '../../sessions/org-guard.js';
import type { ConsoleDeps } from '../console-deps.js';
import { cpqErrorBody, unavailable } from './cpq-schemas.js';

export const cpqRetryRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/cpq/orders/:orderId/retry',
      {
        schema: {
          summary: 'Send one CPQ order to Zuora again now (a CPQ session of its own); answers its result',
          security: [{ bearerAuth: [] }],
          params: z.object({ orderId: z.string().regex(/^[a-zA-Z0-9]{15,18}$/) }),
          response: {
            200: z.object({
              sessionId: z.string(),
              status: z.string(),
              zuoraOrderNumber: z.string().nullable(),
              errorCode: z.string().nullable(),
              message: z.string(),
              fix: z.string().nullable(),
            }),
            409: cpqErrorBody,
            429: cpqErrorBody,
            503: cpqErrorBody,
          },
        },
      },
      async (request, reply) => {
        if (deps.cpq === undefined) return reply.code(503).send(unavailable);
        try {
          const answer = await runCpqRequest(deps.cpq.deps, {
            orderIds: [request.params.orderId],
            accountIds: [],
            dryRun: false,
            source: 'UI',
          });
          const r = answer.results[0];
          if (r === undefined) throw new Error('the CPQ session answered no result');
          return {
            sessionId: answer.sessionId,
            status: r.status,
            zuoraOrderNumber: r.zuoraOrderNumber,
            errorCode: r.errorCode,
            message: r.message,
            fix: r.fix,
          };
        } catch (error) {
          if (error instanceof OrgChangedError)
            return reply.code(409).send({ error: 'org_changed', message: error.message });
          if (error instanceof ApiBudgetExhaustedError)
            return reply.code(429).send({ error: 'api_budget_exhausted', message: error.message });
          throw error;
        }
      },
    );
  };
