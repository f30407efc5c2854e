import type { ExternalPlanSeed } from '../catalog/seed-external-plans.js';
import type { BillingSettings } from '../tenant/billing-settings.js';
import type { GeneratedTenant } from '../tenant/generate-tenant.js';
import type { GenerateTenantOptions } from '../tenant/tenant-options.js';
import type { AquaHeaderStyle } from '../aqua/aqua-headers.js';

export const DEFAULT_ZUORA_CLIENT_ID = 'zuora-emulator-client';
export const DEFAULT_ZUORA_CLIENT_SECRET = 'zuora-emulator-secret';

export interface ZuoraClientCredentials {
  clientId: string;
  clientSecret: string;
  /**
   * Entities the client's tokens are valid for (multi-entity tenants); all entities when absent. A token
   * valid for several entities must name one in Zuora-Entity-Ids on every request.
   */
  entityIds?: readonly string[];
}

export interface ZuoraEmulatorOptions {
  host?: string;
  /** 0 = a random free port (the default). */
  port?: number;
  /** Protects /__emulator/*; generated when absent. */
  adminToken?: string;
  clients?: ZuoraClientCredentials[];
  /** OAuth token lifetime; Zuora's is one hour. Fractions allowed for tests. */
  tokenTtlSeconds?: number;
  tenant?: GeneratedTenant | GenerateTenantOptions;
  /** Requests per minute before 429 (Zuora production: 50,000). */
  rateLimitPerMinute?: number;
  /** Authentication requests (POST /oauth/token) per minute: the tenant's (2,000) and one IP address's (100). */
  authRateLimit?: { perMinute?: number; perIpPerMinute?: number };
  concurrencyLimits?: Partial<Record<ConcurrencyType, number>>;
  /** Minimum interval between callout attempts (Zuora default: 30 minutes). */
  calloutRetryIntervalMs?: number;
  /** Callout attempts per notification (Zuora default 3, at most 5). */
  calloutAttempts?: number;
  /** ZOQL queryMore locators expire after 15 minutes of inactivity. */
  queryLocatorTtlMs?: number;
  /** Tenant billing settings: service activation / customer acceptance required on orders, Zuora Tax. */
  billingSettings?: Partial<BillingSettings>;
  /**
   * Rate plans that already carry external ids (a CPQ scenario's externally managed plans), seeded into the
   * default entity at start and after a data reset (see seedExternalPlans, managedPlanSeeds).
   */
  externalPlans?: readonly ExternalPlanSeed[];
  /**
   * AQuA CSV headers when a job sets useQueryLabels=true: 'api-names' writes `<Object>.<Field>` for every
   * column as Zuora does; 'as-written' (the default, what this project's service reads today) repeats each
   * field as the query wrote it. See the README.
   */
  aquaQueryLabelHeaders?: AquaHeaderStyle;
  now?: () => Date;
}

export type ConcurrencyType = 'Default' | 'High-volume transactions' | 'Object Query';

export interface ResolvedEmulatorOptions {
  host: string;
  port: number;
  adminToken: string;
  clients: ZuoraClientCredentials[];
  tokenTtlSeconds: number;
  rateLimitPerMinute: number;
  authRateLimit: { perMinute: number; perIpPerMinute: number };
  concurrencyLimits: Record<ConcurrencyType, number>;
  calloutRetryIntervalMs: number;
  calloutAttempts: number;
  queryLocatorTtlMs: number;
  aquaQueryLabelHeaders: AquaHeaderStyle;
  now: () => Date;
}
