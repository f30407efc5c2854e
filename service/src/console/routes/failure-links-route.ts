// GET /v1/failures/links: Links to the records of some failures in Salesforce (found by external id) and in Zuora
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failuresByIds } from '../../store/failure-queries.js';
import type { ConsoleDeps } from '../console-deps.js';
import { recordLinks } from '../record-links.js';

/** GET /v1/failures/links */
export const failureLinksRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
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
  };
