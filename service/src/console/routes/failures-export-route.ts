// GET /v1/failures/export: every failure matching the filter as CSV or NDJSON, streamed as it is read from
// the store (a thousand rows at a time), with no cap on the number of rows (Zuora's download stops at 20,000).
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allFailures, type FailureFilter } from '../../store/failure-queries.js';
import type { Queryable } from '../../store/store.js';
import { explain } from '../error-catalog.js';
import { failureToBody, filterQuery, toFilter } from './failure-schemas.js';

const csvColumns = [
  'id',
  'object',
  'zuoraObject',
  'entityId',
  'externalId',
  'zuoraId',
  'accountId',
  'sessionId',
  'code',
  'zuoraCode',
  'message',
  'attempts',
  'firstFailedAt',
  'lastFailedAt',
  'resolvedAt',
] as const;

async function* lines(
  store: Queryable,
  filter: FailureFilter,
  format: 'csv' | 'ndjson',
): AsyncGenerator<string> {
  if (format === 'csv') yield stringify([[...csvColumns]]);
  for await (const f of allFailures(store, filter)) {
    const body = { ...failureToBody(f), zuoraCode: explain(f.code).zuoraCode };
    yield format === 'csv'
      ? stringify([csvColumns.map((c) => (body[c] === null ? '' : String(body[c])))])
      : `${JSON.stringify(body)}\n`;
  }
}

export const failuresExportRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/failures/export',
      {
        schema: {
          summary: 'Every failure matching the filter, streamed as CSV or NDJSON (no row limit)',
          security: [{ bearerAuth: [] }],
          querystring: filterQuery.extend({ format: z.enum(['csv', 'ndjson']).default('csv') }),
          produces: ['text/csv', 'application/x-ndjson'],
        },
      },
      async (request, reply) => {
        const { format } = request.query;
        const stamp = new Date().toISOString().slice(0, 19).replaceAll(':', '');
        return reply
          .header(
            'content-type',
            format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
          )
          .header(
            'content-disposition',
            `attachment; filename="failures-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}"`,
          )
          .header('cache-control', 'no-store')
          .send(Readable.from(lines(store, toFilter(request.query), format)));
      },
    );
  };
