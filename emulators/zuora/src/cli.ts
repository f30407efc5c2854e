// Standalone Zuora emulator: `npm run emulator:zuora -- --port 8789 --size S --seed 42`.
import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_ZUORA_CLIENT_ID, DEFAULT_ZUORA_CLIENT_SECRET, startZuoraEmulator } from './index.js';
import type { TenantSize } from './tenant/index.js';

const integer =
  (name: string, min: number, max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return n;
  };

const program = new Command('zuora-emulator')
  .description('Zuora REST API emulator with a seeded synthetic billing tenant')
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--port <port>', 'port (0 = random)', integer('port', 0, 65535), 8789)
  .option('--seed <seed>', 'tenant seed', integer('seed', 0, 2 ** 31 - 1), 1)
  .option(
    '--size <size>',
    'tenant size: XS, S, M or L',
    (v: string) => {
      if (!['XS', 'S', 'M', 'L'].includes(v)) throw new InvalidArgumentError('size must be XS, S, M or L');
      return v as TenantSize;
    },
    'S' as TenantSize,
  )
  .option(
    '--entities <n>',
    'number of billing entities (multi-entity when > 1)',
    integer('entities', 1, 16),
    1,
  )
  .option('--crm-share <share>', 'share of accounts with a CRM ID (0..1)', (v: string) => {
    const n = Number(v);
    if (!(n >= 0 && n <= 1)) throw new InvalidArgumentError('crm-share must be between 0 and 1');
    return n;
  })
  .option('--admin-token <token>', 'admin token for /__emulator (random when absent)')
  .option('--client-id <id>', 'OAuth client id', DEFAULT_ZUORA_CLIENT_ID)
  .option('--client-secret <secret>', 'OAuth client secret', DEFAULT_ZUORA_CLIENT_SECRET)
  .option(
    '--rate-limit <perMinute>',
    'requests per minute before 429',
    integer('rate-limit', 1, 10_000_000),
    50_000,
  );

program.parse();
const o = program.opts<{
  host: string;
  port: number;
  seed: number;
  size: TenantSize;
  entities: number;
  crmShare?: number;
  adminToken?: string;
  clientId: string;
  clientSecret: string;
  rateLimit: number;
}>();

const started = Date.now();
const emulator = await startZuoraEmulator({
  host: o.host,
  port: o.port,
  ...(o.adminToken === undefined ? {} : { adminToken: o.adminToken }),
  clients: [{ clientId: o.clientId, clientSecret: o.clientSecret }],
  rateLimitPerMinute: o.rateLimit,
  tenant: {
    seed: o.seed,
    size: o.size,
    entityCount: o.entities,
    ...(o.crmShare === undefined ? {} : { crmShare: o.crmShare }),
  },
});
const counts = [...emulator.tenant.tables.values()].reduce((n, t) => n + t.size, 0);
process.stdout.write(
  [
    `Zuora emulator listening on ${emulator.url}`,
    `  tenant: seed ${o.seed}, size ${o.size}, ${counts.toLocaleString('en-US')} records, ready in ${Date.now() - started} ms`,
    `  OAuth:  POST ${emulator.url}/oauth/token  client_id=${o.clientId}  client_secret=${o.clientSecret}`,
    `  admin:  ${emulator.url}/__emulator/stats  Authorization: Bearer ${emulator.adminToken}`,
    ...(emulator.generated.entities.length > 1
      ? [`  entities: ${emulator.generated.entities.map((e) => `${e.name}=${e.id}`).join(', ')}`]
      : []),
    '',
  ].join('\n'),
);

const stop = (): void => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
