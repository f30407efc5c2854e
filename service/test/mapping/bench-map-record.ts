// Mapping throughput on the Zuora emulator's seeded tenant (joins prepared up front, as extraction
// delivers them): `npx tsx service/test/mapping/bench-map-record.ts [--size XS|S|M]`.
// Prints records/s per Salesforce object and in total, CPU seconds and peak RSS.
import { generateTenant, type TenantSize } from '../../../emulators/zuora/src/tenant/index.js';
import { recordMapperFor } from '../../src/mapping/map-record.js';
import { objectMaps } from '../../src/mapping/object-maps.js';
import { forceAppSchema } from './force-app-objects.js';
import { ZuoraJoins } from './zuora-joins.js';

const sizeArg = process.argv[process.argv.indexOf('--size') + 1];
const size = (['XS', 'S', 'M'].includes(sizeArg ?? '') ? sizeArg : 'S') as TenantSize;
const tenant = generateTenant({ seed: 1, size });
const joins = new ZuoraJoins([...tenant.referenceData, ...tenant.catalogs.flatMap((c) => c.records)]);

// Prepare input first so the timing covers mapping only.
const input: [string, Record<string, unknown>][] = [
  ...joins.catalog(tenant.catalogs.flatMap((c) => c.records)),
];
for (const bundle of tenant.accounts()) input.push(...joins.joined(bundle.records));

const mapsByZuora = new Map<string, typeof objectMaps>();
for (const m of objectMaps) mapsByZuora.set(m.zuoraObject, [...(mapsByZuora.get(m.zuoraObject) ?? []), m]);
const context = { schema: forceAppSchema, entityId: tenant.entities[0]?.id ?? '' };
const perObject = new Map<string, { rows: number; errors: number; ms: number }>();
let peakRss = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (const [object, record] of input) {
  for (const pair of mapsByZuora.get(object) ?? []) {
    const started = performance.now();
    const result = recordMapperFor(pair, context).mapRecord(record);
    const stat = perObject.get(pair.salesforceObject) ?? { rows: 0, errors: 0, ms: 0 };
    stat.ms += performance.now() - started;
    if (result.ok) stat.rows += 1;
    else stat.errors += 1;
    perObject.set(pair.salesforceObject, stat);
  }
  if ((perObject.size & 0xff) === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const elapsed = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const total = [...perObject.values()].reduce((n, s) => n + s.rows + s.errors, 0);
console.log(`mapping benchmark, tenant ${size} (${input.length} Zuora records -> ${total} Salesforce rows)`);
console.log('object'.padEnd(38), 'rows'.padStart(8), 'errors'.padStart(7), 'rows/s'.padStart(10));
for (const [object, s] of [...perObject].sort((a, b) => b[1].rows - a[1].rows)) {
  const rate = Math.round((s.rows + s.errors) / (s.ms / 1000));
  console.log(
    object.padEnd(38),
    String(s.rows).padStart(8),
    String(s.errors).padStart(7),
    String(rate).padStart(10),
  );
}
console.log(
  `total ${total} rows in ${elapsed.toFixed(2)} s = ${Math.round(total / elapsed)} rows/s; ` +
    `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (input held in memory)`,
);
