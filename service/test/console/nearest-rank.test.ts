// Latency percentiles as Zuora defines them (skip the first p% of the sorted samples, take the next one),
// in TypeScript and in the SQL every console query uses, on PGlite and PostgreSQL, against each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  nearestRank,
  percentileSql,
  toPercentiles,
  type PercentileRow,
} from '../../src/store/nearest-rank.js';
import { openTestStore, storeKinds, type StoreFixture } from '../support/stores.js';

describe('nearest rank', () => {
  it("gives Zuora's example: 25, 50, 68, 78, 90, 102 s -> P50 78, P90 102", () => {
    const sorted = [25, 50, 68, 78, 90, 102];
    expect(nearestRank(sorted, 0.5)).toBe(78);
    expect(nearestRank(sorted, 0.9)).toBe(102);
    expect(nearestRank([], 0.5)).toBeUndefined();
  });
});

describe.each(storeKinds)('percentile SQL (%s)', (kind) => {
  let fx: StoreFixture;
  beforeAll(async () => {
    fx = await openTestStore(kind);
    await fx.store.exec('CREATE TABLE samples (g int NOT NULL, v double precision NOT NULL)');
  });
  afterAll(async () => {
    await fx.dispose();
  });

  it('agrees with the TypeScript rule for every group size from 1 to 400 and at 20,000', async () => {
    const sizes = [...Array.from({ length: 400 }, (_, i) => i + 1), 20_000];
    const groups = new Map<number, number[]>();
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
    for (const size of sizes)
      groups.set(
        size,
        Array.from({ length: size }, () => next() % 100_000),
      );
    const rows = [...groups].flatMap(([g, values]) => values.map((v) => [g, v] as const));
    for (let i = 0; i < rows.length; i += 5_000) {
      const chunk = rows.slice(i, i + 5_000);
      await fx.store.query('INSERT INTO samples SELECT * FROM unnest($1::int[], $2::float8[])', [
        chunk.map((r) => r[0]),
        chunk.map((r) => r[1]),
      ]);
    }
    const got = await fx.store.query<PercentileRow & { g: number }>(
      percentileSql('SELECT g, v FROM samples', ['g']),
    );
    expect(got).toHaveLength(sizes.length);
    for (const row of got) {
      const sorted = [...(groups.get(Number(row.g)) ?? [])].sort((a, b) => a - b);
      const p = toPercentiles(row);
      expect(p.count).toBe(sorted.length);
      expect([p.p50, p.p90, p.p95, p.p99], `group of ${String(row.g)}`).toEqual([
        nearestRank(sorted, 0.5),
        nearestRank(sorted, 0.9),
        nearestRank(sorted, 0.95),
        nearestRank(sorted, 0.99),
      ]);
    }
  });
});
