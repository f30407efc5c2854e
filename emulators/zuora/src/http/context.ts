import type { ConcurrencyType, ResolvedEmulatorOptions } from '../emulator/options.js';
import type { BillingSettings } from '../tenant/billing-settings.js';
import type { TenantStore } from '../store/tenant-store.js';
import type { GeneratedTenant } from '../tenant/generate-tenant.js';
import type { CalloutDispatcher } from '../callouts/callout-dispatcher.js';
import type { Faults } from './faults.js';
import type { RateLimiter } from './rate-limiter.js';
import type { EmulatorStats } from './stats.js';
import type { TokenStore } from './token-store.js';

/** Everything the route modules share; built once by startZuoraEmulator. */
export interface EmulatorContext {
  options: ResolvedEmulatorOptions;
  tenant: GeneratedTenant;
  store: TenantStore;
  tokens: TokenStore;
  faults: Faults;
  stats: EmulatorStats;
  rateLimiter: RateLimiter;
  inFlight: Record<ConcurrencyType, number>;
  callouts: CalloutDispatcher;
  /** Tenant billing settings (orders' pending rules, Zuora Tax); changed through /__emulator/settings. */
  settings: BillingSettings;
}
