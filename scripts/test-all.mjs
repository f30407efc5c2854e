#!/usr/bin/env node
// `npm test`: every check of the repository, offline, one after the other (the machine has 2 cores),
// ending with one summary line "summary: N passed, M failed" that counts test cases and whole checks.
// `npm test -- --only <text>` runs the steps whose name contains <text> (e.g. `--only LWC`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, '.data', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const env = {
  ...process.env,
  SF_DISABLE_TELEMETRY: 'true',
  SF_AUTOUPDATE_DISABLE: 'true',
  // oclif's update hook reads only SF_DISABLE_AUTOUPDATE: without it an npm-installed sf leaves a detached
  // `sf update --autoupdate` behind (@oclif/plugin-update hooks/init.js).
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
};
const bin = (name) => join(root, 'node_modules', '.bin', name);

function hasFiles(dir, pattern) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => pattern.test(String(f)));
}

/** Counts from a Jest-style JSON report (vitest writes the same shape). */
function countsFrom(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
  };
}

const steps = [
  { name: 'typecheck (service, emulators, scripts)', cmd: [bin('tsc'), '-p', 'tsconfig.json'] },
  // The LWCs are built first (tsc type-checks and writes the .js the org receives), then checked with the
  // platform's compiler, and the Jest tests run against that built JavaScript, not the TypeScript sources.
  {
    name: 'build LWC (tsc emits the deployed .js)',
    when: () => hasFiles(join(root, 'force-app'), /lwc\/.+\.ts$/),
    cmd: ['npm', 'run', '--silent', 'build:lwc'],
  },
  {
    name: 'LWC bundles (every bundle has its .js; @lwc/compiler accepts every .js and .html)',
    when: () => hasFiles(join(root, 'force-app'), /lwc\/.+\.js-meta\.xml$/),
    cmd: ['npm', 'run', '--silent', 'verify:lwc'],
  },
  { name: 'typecheck (console front end)', cmd: ['npm', 'run', '--silent', 'typecheck:console'] },
  { name: 'lint', cmd: ['npm', 'run', '--silent', 'lint:verify'] },
  { name: 'format', cmd: ['npm', 'run', '--silent', 'format:verify'] },
  {
    name: 'service rooms (import rule, size limits)',
    cmd: [process.execPath, join(root, 'scripts', 'checks', 'service-rooms.mjs')],
  },
  {
    name: 'Apex checks (prettier-plugin-apex, apex-ls, PMD)',
    when: () =>
      hasFiles(join(root, 'force-app'), /\.(cls|trigger)$/) &&
      existsSync(join(root, 'scripts', 'scan-apex.mjs')),
    cmd: ['npm', 'run', '--silent', 'scan:apex'],
  },
  {
    name: 'LWC tests against the built JavaScript (sfdx-lwc-jest)',
    when: () => hasFiles(join(root, 'lwc-tests'), /\.test\.[jt]s$/),
    cmd: [bin('sfdx-lwc-jest'), '--', '--json', `--outputFile=${join(results, 'jest.json')}`],
    report: join(results, 'jest.json'),
  },
  {
    name: 'service (unit and integration), emulator and package tests (vitest)',
    cmd: [
      bin('vitest'),
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(results, 'vitest.json')}`,
    ],
    env: { SERVICE_TESTS: 'unit,integration' },
    report: join(results, 'vitest.json'),
  },
  {
    // The SIGKILL tests alone, one file at a time: they wait on processes and must not share 2 cores.
    name: 'service crash tests (SIGKILL, one at a time)',
    cmd: [
      bin('vitest'),
      'run',
      '--project',
      'service',
      '--no-file-parallelism',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(results, 'vitest-crash.json')}`,
    ],
    env: { SERVICE_TESTS: 'crash' },
    report: join(results, 'vitest-crash.json'),
  },
];

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
if (onlyAt >= 0 && !only) {
  console.error('test-all: --only needs the text of a step name, e.g. --only LWC');
  process.exit(2);
}

let passed = 0;
let failed = 0;
const failures = [];
for (const step of steps.filter((s) => only === undefined || s.name.includes(only))) {
  if (step.when !== undefined && !step.when()) {
    console.log(`\n== ${step.name}: nothing to check yet`);
    continue;
  }
  console.log(`\n== ${step.name}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0], step.cmd.slice(1), {
    cwd: root,
    env: { ...env, ...step.env },
    stdio: 'inherit',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  const counts = step.report === undefined ? undefined : countsFrom(step.report);
  if (counts !== undefined) {
    passed += counts.passed;
    failed += counts.failed;
    if (!ok && counts.failed === 0) failed += 1; // the runner failed outside any test case
  } else if (ok) {
    passed += 1;
  } else {
    failed += 1;
  }
  if (!ok) failures.push(step.name);
  console.log(`== ${step.name}: ${ok ? 'ok' : 'FAILED'} (${seconds} s)`);
}

if (failures.length > 0) console.log(`\nfailed: ${failures.join('; ')}`);
console.log(`\nsummary: ${passed} passed, ${failed} failed`);
process.exitCode = failures.length > 0 || failed > 0 ? 1 : 0;
