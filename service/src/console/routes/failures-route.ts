// Failures, as the console shows them: grouped by error code with what it means and how to fix it, a page of
// them under filters, links to the records in Zuora and Salesforce, and retry (selected, or every failure
// matching a filter such as one code).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  allFailures,
  failureGroups,
  failuresByIds,
  listFailures,
  type FailureRow,
} from '../../store/failure-queries.js';
import type { ConsoleDeps } from '../console-deps.js';
import { startRetry } from '../failure-retry.js';
import { recordLinks } from '../record-links.js';
import {
  explainCode,
  explanationBody,
  failureBody,
  failureToBody,
  filterQuery,
  toFilter,
} from './failure-schemas.js';

const errorBody = z.object({ error: z.string(), message: z.string() });
/** Most failures one retry request sends (the rest wait for the next request or session). */
const maxRetry = 20_000;

export const failuresRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/failures/groups',
      {
        schema: {
          summary: 'Open failures grouped by error code, with the explanation and the fix',
          security: [{ bearerAuth: [] }],
          querystring: filterQuery,
          response: {
            200: z.object({
              total: z.number(),
              groups: z.array(
                z.object({
                  code: z.string(),
                  count: z.number(),
                  lastFailedAt: z.string(),
                  exampleMessage: z.string(),
                  objects: z.array(z.object({ object: z.string(), count: z.number() })),
                  explanation: explanationBody,
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const groups = await failureGroups(deps.store, toFilter(request.query));
        return {
          total: groups.reduce((n, g) => n + g.count, 0),
          groups: groups.map((g) => ({
            ...g,
            objects: [...g.objects],
            lastFailedAt: g.lastFailedAt.toISOString(),
            explanation: explainCode(g.code),
          })),
        };
      },
    );
    app.get(
      '/v1/failures',
      {
        schema: {
          summary: 'Failures under filters, newest first, a page at a time',
          security: [{ bearerAuth: [] }],
          querystring: filterQuery.extend({
            limit: z.coerce.number().int().min(1).max(500).default(50),
            before: z.coerce.number().int().positive().optional().describe('nextBefore of the previous page'),
          }),
          response: { 200: z.object({ failures: z.array(failureBody), nextBefore: z.number().optional() }) },
        },
      },
      async (request) => {
        const { limit, before } = request.query;
        const rows = await listFailures(deps.store, toFilter(request.query), limit, before);
        const last = rows.length === limit ? rows[rows.length - 1] : undefined;
        return { failures: rows.map(failureToBody), ...(last === undefined ? {} : { nextBefore: last.id }) };
      },
    );
    app.get(
      '/v1/failures/links',
      {
        schema: {
          summary: 'Links to the records of some failures in Salesforce (found by external id) and in Zuora',
          security: [{ bearerAuth: [] }],
          querystring: z.object({
            ids: z
              .string()
              .regex(/^\d+(,\d+){0,99}$/, 'expected up to 100 failure ids separated by commas')
              .transform((v) => v.split(',').map(Number)),
          }),
          response: {
            200: z.object({
              links: z.array(
                z.object({
                  failureId: z.number(),
                  salesforceId: z.string().nullable(),
                  salesforceUrl: z.string().nullable(),
                  zuoraUrl: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const rows = await failuresByIds(deps.store, request.query.ids);
        return { links: await recordLinks(deps.api?.salesforce, deps.settings.zuoraUiUrl, rows) };
      },
    );
    app.post(
      '/v1/failures/retry',
      {
        schema: {
          summary:
            'Retry failures now: the selected ids, or every open failure matching a filter (e.g. one code)',
          security: [{ bearerAuth: [] }],
          body: z
            .strictObject({
              ids: z.array(z.number().int().positive()).min(1).max(maxRetry).optional(),
              filter: filterQuery.omit({ resolved: true }).strict().optional(),
            })
            .refine((b) => (b.ids === undefined) !== (b.filter === undefined), {
              message: 'send either ids or filter',
              path: ['ids'],
            }),
          response: {
            202: z.object({
              sessions: z.array(
                z.object({ id: z.string(), entityId: z.string(), scope: z.string(), records: z.number() }),
              ),
              skipped: z.array(z.object({ id: z.number(), reason: z.string() })),
            }),
            503: errorBody,
          },
        },
      },
      async (request, reply) => {
        const api = deps.api;
        if (api === undefined)
          return reply.code(503).send({
            error: 'unavailable',
            message: 'this service process does not run syncs; retry on one that does',
          });
        const b = request.body;
        let rows: FailureRow[];
        if (b.ids !== undefined) rows = await failuresByIds(deps.store, b.ids);
        else {
          rows = [];
          for await (const f of allFailures(deps.store, toFilter({ ...b.filter, resolved: 'exclude' }))) {
            rows.push(f);
            if (rows.length >= maxRetry) break;
          }
        }
        const plan = await startRetry(api, rows, deps.track);
        return reply.code(202).send({ sessions: plan.sessions, skipped: plan.skipped });
      },
    );
  };
