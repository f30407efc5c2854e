import { z } from 'zod';

// Sizes and knobs of the generated CPQ org, sized like the billing tenant (S about 200 accounts and
// 1,000 orders; each size ten times the one before).

export const cpqScenarioSizes = {
  XS: { accounts: 20, orders: 100 },
  S: { accounts: 200, orders: 1_000 },
  M: { accounts: 2_000, orders: 10_000 },
  L: { accounts: 20_000, orders: 100_000 },
} as const;

export type CpqScenarioSize = keyof typeof cpqScenarioSizes;

export const cpqScenarioOptions = z
  .object({
    seed: z.number().int().safe(),
    size: z.enum(['XS', 'S', 'M', 'L']).default('S'),
    /** Overrides the size's account count. */
    accountCount: z.number().int().min(1).max(1_000_000).optional(),
    /** Overrides the size's order count (new, amendment and renewal orders together). */
    orderCount: z.number().int().min(1).max(10_000_000).optional(),
    /** The org's "now": the generated history ends before it (default 2026-01-01). */
    asOf: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .default('2026-01-01'),
  })
  .strict();

export type CpqScenarioOptions = z.input<typeof cpqScenarioOptions>;
export type ResolvedCpqScenarioOptions = z.output<typeof cpqScenarioOptions> & {
  accountCount: number;
  orderCount: number;
};

export function resolveCpqScenarioOptions(input: CpqScenarioOptions): ResolvedCpqScenarioOptions {
  const parsed = cpqScenarioOptions.parse(input);
  const size = cpqScenarioSizes[parsed.size];
  return {
    ...parsed,
    accountCount: parsed.accountCount ?? size.accounts,
    orderCount: parsed.orderCount ?? size.orders,
  };
}
