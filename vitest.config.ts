import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Suites start real HTTP servers and databases: keep them in separate processes, few at a time.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'service', include: ['service/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'emulators', include: ['emulators/*/test/**/*.test.ts'] } },
      { extends: true, test: { name: 'package', include: ['scripts/checks/test/**/*.test.ts'] } },
    ],
  },
});
