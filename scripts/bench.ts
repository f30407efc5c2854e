// `npm run bench -- [--scenario turbo|on-demand|realtime|extraction|console|drift|vs-sf-cli|cpq] [options]`: runs one benchmark scenario, each in
// scripts/bench/<scenario>.ts, and prints its figures. Benchmarks measure; tests never assert timings.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { moduleFile } from './bench/own-runtime.js';

const scenarios = [
  'turbo',
  'on-demand',
  'realtime',
  'extraction',
  'console',
  'drift',
  'vs-sf-cli',
  'cpq',
] as const;
const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'turbo' } }, strict: false });
const scenario = String(values.scenario);
const file = moduleFile(`${import.meta.dirname}/bench`, scenario);
if (!(scenarios as readonly string[]).includes(scenario) || !existsSync(file)) {
  process.stderr.write(
    `bench: unknown scenario "${scenario}"; available: ${scenarios.filter((s) => existsSync(moduleFile(`${import.meta.dirname}/bench`, s))).join(', ')}\n`,
  );
  process.exit(2);
}
await import(file);
