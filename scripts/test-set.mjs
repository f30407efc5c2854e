#!/usr/bin/env node
// `npm run test:unit | test:integration | test:crash`: one set of the service's tests (vitest.config.ts).
// The crash tests kill processes with SIGKILL and wait on them: they run one file at a time, so a loaded
// 2-core machine is not also running the other suites. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const set = process.argv[2];
if (!['unit', 'integration', 'crash'].includes(set ?? '')) {
  console.error('usage: node scripts/test-set.mjs unit|integration|crash [vitest arguments]');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const args = [
  'run',
  '--project',
  'service',
  ...(set === 'crash' ? ['--no-file-parallelism'] : []),
  ...process.argv.slice(3),
];
const run = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), args, {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SERVICE_TESTS: set },
});
process.exitCode = run.status ?? 1;
