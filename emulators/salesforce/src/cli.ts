import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { startSalesforceEmulator } from './index.js';
import {
  cpqScenarioSizes,
  type CpqScenarioOptions,
  type CpqScenarioSize,
} from './cpq/scenario/scenario-options.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PACKAGE_DIRS,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
} from './emulator-options.js';
import { orgSchemas, type OrgSchema } from './schema/zuora360-org.js';

// Standalone emulator: `npm run emulator:salesforce -- --port 8788`.

const program = new Command()
  .name('salesforce-emulator')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--port <port>', 'port (0 = random)', '8788')
  .option(
    '--force-app <dirs...>',
    'SFDX package directories with the object metadata (default: force-app and force-app-cpq)',
    [...DEFAULT_PACKAGE_DIRS],
  )
  .option(
    '--org-schema <schema>',
    "package (this package's objects) or zuora360 (an org running Zuora 360; env SF_EMULATOR_ORG_SCHEMA)",
    process.env.SF_EMULATOR_ORG_SCHEMA ?? 'package',
  )
  .option('--admin-token <token>', 'token for /__emulator/ (default: random)')
  .option('--token-ttl <seconds>', 'access token lifetime in seconds')
  .option('--daily-api-limit <n>', 'daily API request allocation')
  .option('--bulk-rate <recordsPerSecond>', 'Bulk ingest processing rate (0 = as fast as possible)', '0')
  .option('--jwt-cert <file>', 'PEM certificate that verifies JWT bearer assertions')
  .option('--log', 'log requests', false)
  .option(
    '--cpq-scenario <size>',
    'load a generated Salesforce CPQ scenario: XS, S, M or L (env SF_EMULATOR_CPQ_SCENARIO)',
    process.env.SF_EMULATOR_CPQ_SCENARIO,
  )
  .option(
    '--cpq-seed <n>',
    'seed of the CPQ scenario (env SF_EMULATOR_CPQ_SEED)',
    process.env.SF_EMULATOR_CPQ_SEED ?? '1',
  )
  .option('--cpq-contracting-delay <ms>', 'delay before CPQ contracting runs after an order is contracted')
  .parse();

const opts = program.opts<{
  host: string;
  port: string;
  forceApp: string[];
  orgSchema: string;
  adminToken?: string;
  tokenTtl?: string;
  dailyApiLimit?: string;
  bulkRate: string;
  jwtCert?: string;
  log: boolean;
  cpqScenario?: string;
  cpqSeed: string;
  cpqContractingDelay?: string;
}>();

const number = (value: string, flag: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`${flag} must be a non-negative number, got "${value}"`);
    process.exit(2);
  }
  return n;
};

function scenarioOption(size: string, seed: string): CpqScenarioOptions {
  if (!(size in cpqScenarioSizes)) {
    console.error(`--cpq-scenario must be one of ${Object.keys(cpqScenarioSizes).join(', ')}, got "${size}"`);
    process.exit(2);
  }
  const n = Number(seed);
  if (!Number.isSafeInteger(n)) {
    console.error(`--cpq-seed must be an integer, got "${seed}"`);
    process.exit(2);
  }
  return { size: size as CpqScenarioSize, seed: n };
}

function orgSchemaOption(value: string): OrgSchema {
  if ((orgSchemas as readonly string[]).includes(value)) return value as OrgSchema;
  console.error(`--org-schema must be one of ${orgSchemas.join(', ')}, got "${value}"`);
  process.exit(2);
}

const emulator = await startSalesforceEmulator({
  orgSchema: orgSchemaOption(opts.orgSchema),
  host: opts.host,
  port: number(opts.port, '--port'),
  forceAppDir: opts.forceApp,
  bulkRecordsPerSecond: number(opts.bulkRate, '--bulk-rate'),
  logger: opts.log,
  ...(opts.adminToken ? { adminToken: opts.adminToken } : {}),
  ...(opts.tokenTtl ? { tokenTtlSeconds: number(opts.tokenTtl, '--token-ttl') } : {}),
  ...(opts.dailyApiLimit ? { dailyApiLimit: number(opts.dailyApiLimit, '--daily-api-limit') } : {}),
  ...(opts.jwtCert ? { jwtCertificatePem: readFileSync(opts.jwtCert, 'utf8') } : {}),
  ...(opts.cpqScenario ? { cpqScenario: scenarioOption(opts.cpqScenario, opts.cpqSeed) } : {}),
  ...(opts.cpqContractingDelay
    ? { cpqContractingDelayMs: number(opts.cpqContractingDelay, '--cpq-contracting-delay') }
    : {}),
});

console.log(`Salesforce emulator listening on ${emulator.url}
  login URL / instance URL: ${emulator.url}
  OAuth client:  client_id=${DEFAULT_CLIENT_ID}  client_secret=${DEFAULT_CLIENT_SECRET}
  user:          username=${DEFAULT_USERNAME}  password=${DEFAULT_PASSWORD}
  admin API:     ${emulator.url}/__emulator/stats  (Authorization: Bearer ${emulator.adminToken})
  schema from:   ${opts.orgSchema === 'zuora360' ? 'Zuora 360 (orgs/zuora360-org.json) and ' : ''}${opts.forceApp.join(', ')}${
    emulator.cpq.scenario()
      ? `\n  CPQ scenario:  ${JSON.stringify(emulator.cpq.scenario()?.orders)} loaded in ${emulator.cpq.scenario()?.loadMs} ms`
      : ''
  }`);

const stop = async () => {
  await emulator.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
