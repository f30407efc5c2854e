import { defineConfig } from 'vitest/config';

// The service's tests come in three sets (npm run test:unit | test:integration | test:crash):
// - unit: pure tests (no server, store or child process), seconds in all;
// - crash: SIGKILL tests, run one at a time (scripts/test-set.mjs) with timeouts sized for a busy machine;
// - integration: the rest (emulators, PGlite and the local PostgreSQL, HTTP, the CLI).
// SERVICE_TESTS=unit,integration,crash (any of them) picks the service project's sets; unset: all.
export const serviceTestSets = {
  unit: [
    'service/test/{mapping,config,csv}/**/*.test.ts',
    'service/test/sessions/parallel-rules.test.ts',
    'service/test/api-sync/api-budget.test.ts',
    'service/test/turbo/csv-spool.test.ts',
  ],
  crash: ['service/test/**/*-crash.test.ts'],
} as const;

const chosen = (process.env.SERVICE_TESTS ?? 'unit,integration,crash').split(',').map((s) => s.trim());
const serviceFiles = chosen.includes('integration')
  ? {
      include: ['service/test/**/*.test.ts'],
      exclude: (['unit', 'crash'] as const)
        .filter((s) => !chosen.includes(s))
        .flatMap((s) => serviceTestSets[s]),
    }
  : {
      include: (['unit', 'crash'] as const)
        .filter((s) => chosen.includes(s))
        .flatMap((s) => serviceTestSets[s]),
    };

export default defineConfig({
  test: {
    // Suites start real HTTP servers and databases: keep them in separate processes, few at a time.
    pool: 'forks',
    maxWorkers: 2,
    // Generous: a timeout is there to end a hang, not to measure speed. On a 2-core machine at a load average of
    // 20 a test that spawns the CLI (tsx compiling the service, PGlite starting) took over 60 s.
    testTimeout: 180_000,
    hookTimeout: 240_000,
    // Drops the PostgreSQL schemas tests created, even those of a test that timed out.
    globalSetup: ['service/test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        // The crash tests alone run one file at a time: they wait on processes and must not share 2 cores.
        test: { name: 'service', ...serviceFiles, fileParallelism: chosen.join() !== 'crash' },
      },
      { extends: true, test: { name: 'emulators', include: ['emulators/*/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'package', include: ['scripts/checks/test/**/*.test.ts'] } },
    ],
  },
});
