// Sizes and knobs of the synthetic "billing shape" v1 tenant.
export type TenantSize = 'XS' | 'S' | 'M' | 'L';

export const accountsPerSize: Readonly<Record<TenantSize, number>> = {
  XS: 50,
  S: 1_000,
  M: 10_000,
  L: 100_000,
};

export interface GenerateTenantOptions {
  seed: number;
  size: TenantSize;
  /** Share of billing accounts that carry a CRM ID (default 0.85). */
  crmShare?: number;
  /** Number of billing entities (1 = not multi-entity, the default). */
  entityCount?: number;
  /** Share of accounts with one row a correct connector must reject (default 0.02). */
  invalidShare?: number;
  /** Overrides the account count of the size (for tests). */
  accountCount?: number;
  /** The tenant's "now": generated history ends here (default 2026-01-01T00:00:00Z). */
  asOf?: string;
}

export interface ResolvedTenantOptions {
  seed: number;
  size: TenantSize;
  crmShare: number;
  entityCount: number;
  invalidShare: number;
  accountCount: number;
  asOf: string;
}

export function resolveTenantOptions(options: GenerateTenantOptions): ResolvedTenantOptions {
  const { seed, size } = options;
  if (!Number.isSafeInteger(seed)) throw new Error(`tenant seed must be an integer, got ${String(seed)}`);
  if (!(size in accountsPerSize)) throw new Error(`tenant size must be XS, S, M or L, got ${String(size)}`);
  const share = (name: string, value: number | undefined, fallback: number): number => {
    const v = value ?? fallback;
    if (!(v >= 0 && v <= 1)) throw new Error(`${name} must be between 0 and 1, got ${v}`);
    return v;
  };
  const entityCount = options.entityCount ?? 1;
  if (!Number.isInteger(entityCount) || entityCount < 1 || entityCount > 16) {
    throw new Error(`entityCount must be an integer from 1 to 16, got ${entityCount}`);
  }
  const accountCount = options.accountCount ?? accountsPerSize[size];
  if (!Number.isInteger(accountCount) || accountCount < 1) {
    throw new Error(`accountCount must be a positive integer, got ${accountCount}`);
  }
  const asOf = options.asOf ?? '2026-01-01T00:00:00.000Z';
  if (Number.isNaN(Date.parse(asOf))) throw new Error(`asOf must be an ISO date-time, got ${asOf}`);
  return {
    seed,
    size,
    crmShare: share('crmShare', options.crmShare, 0.85),
    entityCount,
    invalidShare: share('invalidShare', options.invalidShare, 0.02),
    accountCount,
    asOf,
  };
}
