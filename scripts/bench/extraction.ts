// `npm run bench -- --scenario extraction --size S|M [--seed N]`: the measurement behind decision 0001. Reads
// every object of the accounts scope from the Zuora emulator (own process) twice and prints wall-clock time,
// Zuora calls, rows and rows/s for each path:
//   - AQuA: one stateful job with every stream's export ZOQL (joined fields included, deleted rows flagged),
//     polled to completion, every result file downloaded;
//   - ZOQL: POST /v1/action/query + queryMore per object, 2,000 rows a page, each object's own fields only
//     (ZOQL has no joins and no deleted rows, so this path reads less than AQuA does). The Action query cannot
//     read the Orders and Invoice Settlement objects (Zuora answers INVALID_TYPE): they are named and skipped.
import { parseArgs } from 'node:util';
import { planStreams } from '../../service/src/mapping/stream-plan.js';
import { fullSyncStart } from '../../service/src/store/watermark-rows.js';
import { eachAquaRow, submitAquaJob, waitForAquaJob } from '../../service/src/zuora/aqua-export.js';
import { zoqlPages } from '../../service/src/zuora/zoql.js';
import { ZuoraClient } from '../../service/src/zuora/zuora-client.js';
import { ZuoraApiError } from '../../service/src/zuora/zuora-errors.js';
import { startEmulators } from './bench-support.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    scenario: { type: 'string', default: 'extraction' },
  },
  strict: false,
}) as { values: { size: string; seed: string } };
if (!['XS', 'S', 'M', 'L'].includes(values.size)) {
  process.stderr.write(`bench: --size must be XS, S, M or L (got "${values.size}")\n`);
  process.exit(2);
}

const { child, info } = await startEmulators(values.size, values.seed);

interface Figures {
  readonly rows: number;
  readonly seconds: number;
  readonly calls: number;
}

const streams = planStreams('accounts');
/** The objects the Action query refused (INVALID_TYPE), with Zuora's reason. */
const unreadable: string[] = [];

async function viaAqua(): Promise<Figures> {
  const client = new ZuoraClient(info.zuora);
  await client.request('GET', '/v1/catalog/products?pageSize=1'); // the token, outside the measurement
  const calls = client.calls;
  const started = performance.now();
  const jobId = await submitAquaJob(client, {
    name: 'bench extraction',
    queries: streams.map((s) => ({
      name: s.zuoraObject,
      query: `select ${s.fields.join(', ')} from ${s.zuoraObject}`,
      deletedColumn: 'IsDeleted',
    })),
    partner: 'zuora-salesforce-sync-bench',
    project: `extraction-${String(Date.now())}`,
    incrementalTime: fullSyncStart,
  });
  const batches = await waitForAquaJob(client, jobId, { minPollMs: 50, maxPollMs: 500 });
  let rows = 0;
  for (const batch of batches) {
    if (batch.fileId === undefined) continue;
    await eachAquaRow(client, batch.fileId, undefined, () => {
      rows += 1;
    });
  }
  return { rows, seconds: (performance.now() - started) / 1000, calls: client.calls - calls };
}

async function viaZoql(): Promise<Figures> {
  const client = new ZuoraClient(info.zuora);
  await client.request('GET', '/v1/catalog/products?pageSize=1');
  const calls = client.calls;
  const started = performance.now();
  let rows = 0;
  for (const s of streams) {
    const own = s.fields.filter((f) => !f.includes('.'));
    try {
      for await (const page of zoqlPages(client, `select ${own.join(', ')} from ${s.zuoraObject}`))
        rows += page.length;
    } catch (e) {
      if (!(e instanceof ZuoraApiError && e.code === 'INVALID_TYPE')) throw e;
      unreadable.push(s.zuoraObject);
    }
  }
  return { rows, seconds: (performance.now() - started) / 1000, calls: client.calls - calls };
}

try {
  process.stdout.write(
    `extraction of the accounts scope (${String(streams.length)} Zuora objects), tenant ${values.size} seed ${values.seed}\n`,
  );
  const line = (name: string, f: Figures) =>
    process.stdout.write(
      `${name.padEnd(44)} ${String(f.rows).padStart(9)} rows ${f.seconds.toFixed(1).padStart(7)} s ${Math.round(
        f.rows / f.seconds,
      )
        .toString()
        .padStart(8)} rows/s ${String(f.calls).padStart(6)} Zuora calls\n`,
    );
  line('AQuA (joins, deleted rows, one snapshot)', await viaAqua());
  line('ZOQL query/queryMore (own fields only)', await viaZoql());
  if (unreadable.length > 0)
    process.stdout.write(`  ZOQL cannot query (INVALID_TYPE, not read): ${unreadable.join(', ')}\n`);
} finally {
  child.kill('SIGTERM');
}
