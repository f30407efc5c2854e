// The answers the request routes that run a sync in the request (on-demand, CPQ order syncs) give to the errors
// every such sync can end with: another Salesforce org than the one on record (409 org_changed), the API budget
// spent (429 api_budget_exhausted), Zuora or Salesforce out of reach (503 unavailable). Anything else is the
// error handler's (a 500 with a correlation id).
import type { FastifyBaseLogger, FastifyReply } from 'fastify';
import { ApiBudgetExhaustedError } from '../salesforce/api-budget.js';
import { SalesforceAuthError } from '../salesforce/connect.js';
import { OrgChangedError } from '../sessions/org-guard.js';
import { ZuoraAuthError } from '../zuora/oauth-token.js';
import { ZuoraApiError } from '../zuora/zuora-errors.js';

/** Zuora or Salesforce cannot be reached or refuse the service's credentials now: worth trying again later. */
function unavailable(error: unknown): boolean {
  if (error instanceof ZuoraAuthError || error instanceof SalesforceAuthError) return true;
  if (error instanceof ZuoraApiError)
    return error.status === 0 || error.status >= 500 || error.status === 429;
  const e = error as { code?: unknown; errorCode?: unknown; statusCode?: unknown };
  return (
    e.code === 'ECONNREFUSED' ||
    e.code === 'ECONNRESET' ||
    e.errorCode === 'INVALID_SESSION_ID' ||
    (typeof e.statusCode === 'number' && e.statusCode >= 500)
  );
}

/**
 * Sends the answer for `error` when it is one of the errors above and returns the reply; returns undefined for
 * any other error, which the caller rethrows. `what` names the request in the log line of a 503.
 */
export function answerSyncError(
  error: unknown,
  reply: FastifyReply,
  log: FastifyBaseLogger,
  what: string,
): FastifyReply | undefined {
  if (error instanceof OrgChangedError)
    return reply.code(409).send({ error: 'org_changed', message: error.message });
  if (error instanceof ApiBudgetExhaustedError)
    return reply.code(429).send({ error: 'api_budget_exhausted', message: error.message });
  if (!unavailable(error)) return undefined;
  log.warn({ err: error }, `${what}: Zuora or Salesforce unavailable`);
  return reply.code(503).send({
    error: 'unavailable',
    message: `the service cannot reach Zuora or Salesforce now: ${(error as Error).message}`,
  });
}
