// `zuora-sync doctor`: one line per check, one clear line per problem, exit code 1 if any problem.
import type { Config } from '../config/load-config.js';
import { readMigrations } from '../store/migrate.js';
import { openStore } from '../store/open-store.js';
import { fetchZuoraToken } from '../zuora/oauth-token.js';
import { connectSalesforce } from '../salesforce/connect.js';
import { checkFieldMaps } from './doctor-maps.js';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface DoctorCheck {
  readonly name: string;
  run(): Promise<string>;
}

export function doctorChecks(config: Config): DoctorCheck[] {
  return [
    {
      name: 'store',
      async run() {
        const store = await openStore(config);
        try {
          const rows = await store.query<{ v: string }>("SELECT current_setting('server_version') AS v");
          const applied = await store
            .query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
            .catch(() => [{ n: 0 }]);
          const pending = readMigrations().length - (applied[0]?.n ?? 0);
          const where =
            store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
          if (pending > 0) {
            throw new Error(
              `${where} reachable, but ${pending} migration(s) pending: run "zuora-sync migrate"`,
            );
          }
          return `${where}, server ${rows[0]?.v ?? '?'}, migrations current`;
        } finally {
          await store.close();
        }
      },
    },
    {
      name: 'zuora',
      async run() {
        if (config.zuora.kind === 'emulator') return 'embedded emulator (no ZUORA_* credentials configured)';
        await fetchZuoraToken(config.zuora);
        return `authenticated at ${new URL(config.zuora.baseUrl).origin}`;
      },
    },
    {
      name: 'salesforce',
      async run() {
        if (config.salesforce.kind === 'emulator')
          return 'embedded emulator (no SF_* credentials configured)';
        const conn = await connectSalesforce(config.salesforce);
        const limits = await conn.limits();
        const daily = limits.DailyApiRequests;
        return `authenticated at ${conn.instanceUrl}; daily API requests remaining ${daily?.Remaining ?? '?'}/${daily?.Max ?? '?'}`;
      },
    },
    { name: 'field maps', run: () => checkFieldMaps(config) },
  ];
}

export async function runDoctor(checks: readonly DoctorCheck[]): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    try {
      results.push({ name: check.name, ok: true, detail: await check.run() });
    } catch (error) {
      results.push({ name: check.name, ok: false, detail: (error as Error).message });
    }
  }
  return results;
}
