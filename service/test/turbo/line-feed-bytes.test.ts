// The spool's byte path (StreamRouter.bytes through readersOf and csv-line-reader.ts) against the generic
// path: the same AQuA CSV, mostly clean ASCII lines with now and then a value to quote, a non-ASCII one, a
// blank or a value that fails, gives byte-identical spool parts, the same failures, skips and counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import { eachCsvLine } from '../../src/csv/csv-line-reader.js';
import { eachCsvRow } from '../../src/csv/csv-rows.js';
import { StreamRouter } from '../../src/mapping/record-router.js';
import { RemovedRecords } from '../../src/mapping/record-rules.js';
import { planStreams, type StreamSpec } from '../../src/mapping/stream-plan.js';
import { CsvSpool } from '../../src/turbo/csv-spool.js';
import { linesInto, readersOf } from '../../src/turbo/line-feed.js';
import { SpoolOutput } from '../../src/turbo/spool-output.js';
import { StagedRouter } from '../../src/turbo/staged-router.js';
import { forceAppSchema as schema } from '../mapping/force-app-objects.js';
import { aquaValues, spoolFiles } from '../support/aqua-values.js';

const crm = ['001000000000123AAA', '001000000000456AAA', ''];

const context = { schema, entityId: 'entity-eu' };
const odd = [
  '',
  '"a,b"',
  'é ü',
  'x'.repeat(300),
  'not a number',
  '9999-99-99',
  'true',
  '2024-03-01 10:15:00',
];

function aquaFile(stream: StreamSpec, seed: number, rows: number): string {
  const next = random(seed);
  const header = [...stream.fields, 'IsDeleted'];
  const pools = header.map((p) =>
    p === 'IsDeleted' ? ['false', 'false', 'false', 'true'] : aquaValues(p, stream.maps, crm),
  );
  const lines = [header.join(',')];
  for (let r = 0; r < rows; r += 1) {
    const junk = next() < 0.2 ? 0.1 : 0;
    lines.push(
      pools
        .map((pool) => {
          const from = next() < junk ? odd : pool;
          return from[Math.floor(next() * from.length)] as string;
        })
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function route(stream: StreamSpec, text: string, fast: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'line-feed-bytes-'));
  dirs.push(dir);
  const output = new SpoolOutput(new CsvSpool(join(dir, 'spool')), 'entity-eu', 5);
  const upsertBytes = vi.spyOn(output, 'upsertBytes');
  const router = new StreamRouter(stream, context, output, new RemovedRecords());
  const staged = new StagedRouter(router, join(dir, 'staging.jsonl'));
  // Chunks of 997 bytes: lines, and UTF-8 sequences, cut anywhere.
  const bytes = Buffer.from(text);
  const feed = Readable.from(
    Array.from({ length: Math.ceil(bytes.length / 997) }, (_, i) => bytes.subarray(i * 997, (i + 1) * 997)),
  );
  const onRow = (row: Record<string, string>) => staged.add(row);
  await (fast
    ? eachCsvLine(feed, readersOf(onRow, linesInto(router, staged, output)))
    : eachCsvRow(feed, onRow));
  await staged.finish();
  output.close();
  const { failures, skippedByStream } = output;
  const records = staged.records;
  const taken = upsertBytes.mock.calls.length;
  return {
    files: spoolFiles(join(dir, 'spool')),
    failures,
    skippedByStream,
    read: [...router.read],
    records,
    taken,
  };
}

const streams = [...planStreams('accounts'), ...planStreams('catalog')];

describe('the spool byte path', () => {
  it.each(streams.map((s, i) => [s.zuoraObject, s, i] as const))(
    '%s: gives what the generic path gives, byte for byte',
    async (_name, stream, i) => {
      const text = aquaFile(stream, 300 + i, 400);
      const { taken: none, ...generic } = await route(stream, text, false);
      const { taken, ...fast } = await route(stream, text, true);
      expect(none).toBe(0);
      expect(fast).toEqual(generic);
      expect(generic.files.length).toBeGreaterThan(0);
      if (['Invoice', 'InvoiceItem', 'Payment', 'TaxationItem'].includes(stream.zuoraObject))
        expect(taken).toBeGreaterThan(100);
    },
  );
});
