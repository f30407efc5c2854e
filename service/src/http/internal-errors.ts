// A plain reason for an internal error, safe to answer: which part failed, never the error's own text (it may
// carry SQL, record data or an address). The service log keeps the whole error under the request's id.
import { SalesforceAuthError } from '../salesforce/connect.js';
import { ZuoraApiError } from '../zuora/zuora-errors.js';
import { ZuoraAuthError } from '../zuora/oauth-token.js';

/** PostgreSQL errors carry a five-character SQLSTATE (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
function isStoreError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && 'severity' in (error as object);
}

export function describeFailure(error: unknown): string {
  if (isStoreError(error)) return "internal error: the service's store refused an operation";
  if (error instanceof ZuoraApiError || error instanceof ZuoraAuthError)
    return 'internal error: Zuora answered a request of the service with an error it does not handle';
  if (error instanceof SalesforceAuthError || (error as { errorCode?: unknown }).errorCode !== undefined)
    return 'internal error: Salesforce answered a request of the service with an error it does not handle';
  return 'internal error: the service failed on an unexpected condition';
}
