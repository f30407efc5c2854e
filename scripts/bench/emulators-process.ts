// The benchmark's emulator process: both emulators with the same seeded tenant, apart from the process
// being measured. Prints one JSON line with their URLs and admin tokens, then serves until killed.
import { startEmbeddedEmulators } from '../../service/src/embedded/start-embedded-emulators.js';

const size = (process.argv[2] ?? 'S') as 'XS' | 'S' | 'M' | 'L';
const seed = Number(process.argv[3] ?? 42);
const started = Date.now();
const emulators = await startEmbeddedEmulators({ seed, size, apiVersion: '62.0' });
process.stdout.write(
  `${JSON.stringify({
    zuora: emulators.zuoraCredentials,
    salesforce: emulators.salesforceCredentials,
    zuoraAdmin: emulators.zuora.adminToken,
    salesforceAdmin: emulators.salesforce.adminToken,
    generatedMs: Date.now() - started,
  })}\n`,
);
process.on('SIGTERM', () => void emulators.close().then(() => process.exit(0)));
