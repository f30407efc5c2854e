// Which failures of a real-time run say nothing about its records (Zuora unreachable, 5xx or 429 after the
// client's own retries, a refused sign-in, a dropped connection): splitting the run would only repeat them.
import { ZuoraAuthError } from '../zuora/oauth-token.js';
import { ZuoraApiError } from '../zuora/zuora-errors.js';

export function isTransportFailure(error: unknown): boolean {
  if (error instanceof ZuoraAuthError) return true;
  if (error instanceof ZuoraApiError)
    return error.status === 0 || error.status === 429 || error.status >= 500;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|UND_ERR)/.test(code);
}
