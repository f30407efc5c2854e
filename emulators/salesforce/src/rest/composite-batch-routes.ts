import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { parseJsonObject } from '../http/sf-reply.js';
import { RequestError } from '../store/sf-error.js';
import { dataUrl, runSubrequest } from './subrequest.js';

// Composite Batch: up to 25 independent subrequests (URLs like `v62.0/sobjects/Account/001...`, a
// body in `richInput`), run in order, each committing on its own. With haltOnError, the subrequests
// after one that answers 4xx/5xx get "an HTTP 412 status code and a BATCH_PROCESSING_HALTED error";
// the batch itself answers 200 with hasErrors. A malformed subrequest (no method or url) fails the
// whole request with 400 before anything runs. Each subrequest counts against the API allocation.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_batch.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/requests_composite_batch.htm

const maxSubrequests = 25;
const methods = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD']);

interface BatchSubrequest {
  method: string;
  url: string;
  richInput?: unknown;
}

function validate(body: Record<string, unknown>): BatchSubrequest[] {
  const subs = body.batchRequests;
  if (!Array.isArray(subs) || subs.length === 0)
    throw new RequestError('JSON_PARSER_ERROR', 'batchRequests must be a non-empty array of subrequests');
  if (subs.length > maxSubrequests)
    throw new RequestError(
      'LIMIT_EXCEEDED',
      `A batch can contain up to ${maxSubrequests} subrequests, not ${subs.length}`,
    );
  subs.forEach((s: unknown, i) => {
    const sub = s as Partial<BatchSubrequest> | null;
    if (
      !sub ||
      typeof sub.method !== 'string' ||
      !methods.has(sub.method.toUpperCase()) ||
      typeof sub.url !== 'string'
    )
      throw new RequestError('INVALID_BATCH_REQUEST', `batchRequests[${i}] needs a valid method and a url`);
  });
  return subs as BatchSubrequest[];
}

export function registerCompositeBatchRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  internalSecret: string,
): void {
  app.post('/composite/batch', async (request) => {
    const body = parseJsonObject(request.body);
    const subs = validate(body);
    const haltOnError = body.haltOnError === true;
    const results: Array<{ statusCode: number; result: unknown }> = [];
    let halted = false;
    for (const [i, sub] of subs.entries()) {
      if (halted) {
        results.push({
          statusCode: 412,
          result: [{ errorCode: 'BATCH_PROCESSING_HALTED', message: 'Batch processing halted per request' }],
        });
        continue;
      }
      if (i > 0) ctx.usage.count('POST /composite/batch subrequest');
      const answer = await runSubrequest(app, request, internalSecret, {
        method: sub.method,
        url: dataUrl(sub.url),
        ...(sub.richInput === undefined ? {} : { payload: JSON.stringify(sub.richInput) }),
      });
      results.push({ statusCode: answer.status, result: answer.body });
      if (answer.status >= 400 && haltOnError) halted = true;
    }
    return { hasErrors: results.some((r) => r.statusCode >= 400), results };
  });
}
