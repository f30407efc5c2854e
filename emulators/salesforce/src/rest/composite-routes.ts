import { textOf } from '../text-of.js';
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { parseJsonObject } from '../http/sf-reply.js';
import { RequestError } from '../store/sf-error.js';
import { runSubrequest } from './subrequest.js';

// Composite: up to 25 subrequests run in order in one API call, later ones referring to earlier
// results with `@{referenceId.field}` (dotted paths and `[n]` indexes). With allOrNone a failure
// rolls back every subrequest and the rest report PROCESSING_HALTED.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite.htm

// At most 5 of the 25 may be sObject Collections or query operations (Query, QueryAll, query more); the
// answer to a request over that limit is not documented, so it is refused like the 25-subrequest limit.
// https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-composite-post.html

const maxSubrequests = 25;
const maxCollectionsOrQueries = 5;
const collectionOrQuery =
  /^\/(?:services\/)?data\/v\d+\.\d+\/(?:composite\/sobjects|query|queryAll)(?:[/?]|$)/;

interface SubRequest {
  method: string;
  url: string;
  referenceId: string;
  body?: unknown;
  httpHeaders?: Record<string, unknown>;
}

function lookup(results: Map<string, unknown>, expr: string): unknown {
  const [ref, ...path] = expr.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (!ref || !results.has(ref)) return undefined;
  let value: unknown = results.get(ref);
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Replaces `@{ref.path}` in a string; reports the first reference that cannot be resolved. */
function substitute(text: string, results: Map<string, unknown>): { text: string; missing: string | null } {
  let missing: string | null = null;
  const out = text.replace(/@\{([^}]+)\}/g, (whole, expr: string) => {
    const value = lookup(results, expr);
    if (value === undefined || value === null || typeof value === 'object') {
      missing ??= expr;
      return whole;
    }
    return textOf(value);
  });
  return { text: out, missing };
}

const halted = (message: string) => ({
  body: [{ errorCode: 'PROCESSING_HALTED', message }],
  httpHeaders: {},
  httpStatusCode: 400,
});

export function registerCompositeRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  internalSecret: string,
): void {
  app.post('/composite', async (request) => {
    const body = parseJsonObject(request.body);
    const subs = body.compositeRequest;
    if (!Array.isArray(subs) || subs.length === 0)
      throw new RequestError('JSON_PARSER_ERROR', 'compositeRequest must be a non-empty array');
    if (subs.length > maxSubrequests) {
      throw new RequestError(
        'LIMIT_EXCEEDED',
        `Composite request limit exceeded: a request can contain up to ${maxSubrequests} subrequests`,
      );
    }
    const allOrNone = body.allOrNone === true;
    const refs = new Set<string>();
    for (const [i, s] of (subs as SubRequest[]).entries()) {
      if (
        !s ||
        typeof s.method !== 'string' ||
        typeof s.url !== 'string' ||
        typeof s.referenceId !== 'string'
      ) {
        throw new RequestError(
          'JSON_PARSER_ERROR',
          `compositeRequest[${i}] needs method, url and referenceId`,
        );
      }
      if (refs.has(s.referenceId))
        throw new RequestError('INVALID_INPUT', `Duplicate referenceId: ${s.referenceId}`);
      refs.add(s.referenceId);
    }
    const heavy = (subs as SubRequest[]).filter((s) => collectionOrQuery.test(s.url)).length;
    if (heavy > maxCollectionsOrQueries) {
      throw new RequestError(
        'LIMIT_EXCEEDED',
        `Composite request limit exceeded: a request can contain up to ${maxCollectionsOrQueries} sObject Collections or query subrequests (got ${heavy})`,
      );
    }
    const results = new Map<string, unknown>();
    const responses: Array<Record<string, unknown>> = [];
    const savepoint = ctx.store.begin();
    let failedAt = -1;
    for (const [i, s] of (subs as SubRequest[]).entries()) {
      if (failedAt >= 0 && allOrNone) break;
      const url = substitute(s.url, results);
      const payload = s.body === undefined ? undefined : substitute(JSON.stringify(s.body), results);
      const missing = url.missing ?? payload?.missing ?? null;
      if (missing) {
        responses.push({
          ...halted(
            `Invalid reference specified. No value for ${missing} found in ${missing.split(/[.[]/)[0]}. Provided referenceId ${s.referenceId}`,
          ),
          referenceId: s.referenceId,
        });
        if (failedAt < 0) failedAt = i;
        continue;
      }
      const answer = await runSubrequest(app, request, internalSecret, {
        method: s.method,
        url: url.text,
        ...(payload ? { payload: payload.text } : {}),
        ...(s.httpHeaders ? { headers: s.httpHeaders } : {}),
      });
      const parsed = answer.body;
      responses.push({
        body: parsed,
        httpHeaders: answer.location ? { Location: answer.location } : {},
        httpStatusCode: answer.status,
        referenceId: s.referenceId,
      });
      if (answer.status < 300) results.set(s.referenceId, parsed);
      else if (failedAt < 0) failedAt = i;
    }
    if (allOrNone && failedAt >= 0) {
      ctx.store.rollback(savepoint);
      const message =
        'The transaction was rolled back since another operation in the same transaction failed.';
      const all = (subs as SubRequest[]).map((s, i) =>
        i === failedAt ? responses[i] : { ...halted(message), referenceId: s.referenceId },
      );
      return { compositeResponse: all };
    }
    ctx.store.commit();
    return { compositeResponse: responses };
  });
}
