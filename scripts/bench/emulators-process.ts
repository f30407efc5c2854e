// The benchmark's emulator processes, apart from the process being measured: `zuora` serves the seeded
// tenant, `salesforce` an org seeded with the Accounts its CRM IDs point at (the same tenant, generated
// from the same seed and then let go), and with neither named both run in one process. Each emulator in a process of its own keeps the Salesforce side's
// garbage collection off the multi-GB Zuora tenant heap, and lets the two use both cores. Prints one JSON
// line with the emulator's URL, credentials and admin token, then serves until killed or its stdin ends.
import { startEmbeddedEmulators } from '../../service/src/embedded/start-embedded-emulators.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startSalesforceEmulator,
} from '../../emulators/salesforce/src/index.js';
import {
  crmAccountsFor,
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  generateTenant,
  startZuoraEmulator,
} from '../../emulators/zuora/src/index.js';
import { startCpqEmulators } from './cpq-emulators.js';

const size = (process.argv[2] ?? 'S') as 'XS' | 'S' | 'M' | 'L';
const seed = Number(process.argv[3] ?? 42);
const which = process.argv[4] ?? 'both';
const started = Date.now();

async function start(): Promise<{ info: Record<string, unknown>; close: () => Promise<void> }> {
  if (which === 'both') {
    const emulators = await startEmbeddedEmulators({ seed, size, apiVersion: '62.0' });
    return {
      info: {
        zuora: emulators.zuoraCredentials,
        salesforce: emulators.salesforceCredentials,
        zuoraAdmin: emulators.zuora.adminToken,
        salesforceAdmin: emulators.salesforce.adminToken,
      },
      close: () => emulators.close(),
    };
  }
  // `cpq`: both, the org holding a generated CPQ scenario of `size` (cpq-emulators.ts).
  if (which === 'cpq') return startCpqEmulators(size, seed);
  if (which === 'zuora') {
    const zuora = await startZuoraEmulator({
      tenant: generateTenant({ seed, size }),
      rateLimitPerMinute: 1_000_000,
    });
    return {
      info: {
        zuora: {
          baseUrl: zuora.url,
          clientId: DEFAULT_ZUORA_CLIENT_ID,
          clientSecret: DEFAULT_ZUORA_CLIENT_SECRET,
        },
        zuoraAdmin: zuora.adminToken,
      },
      close: () => zuora.close(),
    };
  }
  const accounts = crmAccountsFor(generateTenant({ seed, size })).map((a) => ({ ...a }));
  const salesforce = await startSalesforceEmulator({ seedRecords: { Account: accounts } });
  return {
    info: {
      salesforce: {
        loginUrl: salesforce.url,
        clientId: DEFAULT_CLIENT_ID,
        clientSecret: DEFAULT_CLIENT_SECRET,
        username: DEFAULT_USERNAME,
        password: DEFAULT_PASSWORD,
        apiVersion: '62.0',
      },
      salesforceAdmin: salesforce.adminToken,
    },
    close: () => salesforce.close(),
  };
}

const emulator = await start();
process.stdout.write(`${JSON.stringify({ ...emulator.info, generatedMs: Date.now() - started })}\n`);
process.on('SIGTERM', () => void emulator.close().then(() => process.exit(0)));
// The benchmark holds this process's stdin open while it runs (bench-support.ts spawnEmulators): its end means
// the benchmark is gone, killed or ended by an uncaught error before it could send SIGTERM.
process.stdin.on('end', () => void emulator.close().then(() => process.exit(0)));
process.stdin.resume();
