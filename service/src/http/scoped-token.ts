// The on-demand token (ON_DEMAND_API_TOKEN): the one the Salesforce named credential carries, so every user
// allowed to call out through it can reach the service. It opens POST /v1/on-demand-syncs and the CPQ
// "Send to Zuora" route POST /v1/cpq/order-syncs (docs/cpq-order-sync-contract.md) and nothing else;
// Turbo Syncs, clean-ups, sessions, metrics and the OpenAPI document need the admin token (API_TOKEN).
import { createHash } from 'node:crypto';

export interface ScopedToken {
  /** SHA-256 of the token, compared in constant time by the bearer hook. */
  readonly digest: Buffer;
  /** `METHOD /path` pairs the token may call. */
  readonly routes: ReadonlySet<string>;
}

export const onDemandRoute = 'POST /v1/on-demand-syncs';
export const cpqOrderSyncsRoute = 'POST /v1/cpq/order-syncs';

export function onDemandToken(token: string): ScopedToken {
  return {
    digest: createHash('sha256').update(token, 'utf8').digest(),
    routes: new Set([onDemandRoute, cpqOrderSyncsRoute]),
  };
}

/** The 403 body for a scoped token used on a route outside its scope. */
export function outOfScope(method: string, path: string): { error: string; message: string } {
  return {
    error: 'forbidden',
    message: `the on-demand token (ON_DEMAND_API_TOKEN) may only call ${onDemandRoute} and ${cpqOrderSyncsRoute}; ${method} ${path} needs the admin token (API_TOKEN)`,
  };
}
