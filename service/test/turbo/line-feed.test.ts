// The spool's fast path (StreamRouter.lines, turbo/line-feed.ts) against the generic one: the same AQuA CSV
// routed both ways gives byte-identical spool parts, the same failures, skips and counts, for every stream
// of both scopes, with fuzzed values (quotes, commas, line breaks, unicode, blanks, values that fail).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eachCsvRecord, eachCsvRow } from '../../src/csv/csv-rows.js';
import type { ObjectMap } from '../../src/mapping/field-map.js';
import { StreamRouter } from '../../src/mapping/record-router.js';
import { RemovedRecords } from '../../src/mapping/record-rules.js';
import { findField } from '../../src/mapping/salesforce-schema.js';
import { planStreams, type StreamSpec } from '../../src/mapping/stream-plan.js';
import { CsvSpool } from '../../src/turbo/csv-spool.js';
import { linesInto, recordsOf } from '../../src/turbo/line-feed.js';
import { SpoolOutput } from '../../src/turbo/spool-output.js';
import { StagedRouter } from '../../src/turbo/staged-router.js';
import { forceAppSchema as schema } from '../mapping/force-app-objects.js';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';

const context = { schema, entityId: 'entity-eu' };

const texts = [
  'plain',
  'a,b',
  'say "hi"',
  'two\nlines',
  'é ü 😀',
  'cr\rhere',
  'crlf\r\nin',
  ' spaced ',
  '#N/A',
];
const junk = ['', 'not a number', '9999-99-99', 'x'.repeat(300), '"', ',', '\n', '💥'.repeat(200), 'true'];
const byType: Record<string, readonly string[]> = {
  Number: ['12.5', '-3', '0', '1234567.891', '7', ' 8 ', '1e3', '0.125'],
  Checkbox: ['true', 'false'],
  Date: ['2024-03-01', '1999-12-31', '2024-03-01T10:15:00-0800'],
  DateTime: ['2024-03-01T10:15:00-0800', '2024-03-01 10:15:00', '2024-03-01T10:15:00.000Z'],
};

/** What a column of the stream holds, from the first field a map writes it to. */
function kindOf(path: string, maps: readonly ObjectMap[]): readonly string[] | 'id' | 'crm' {
  if (path.endsWith('CrmId')) return 'crm';
  for (const map of maps) {
    const f = map.fields.find((m) => m.zuora === path);
    if (f === undefined) continue;
    const field = findField(schema, map.salesforceObject, f.salesforce);
    const type = field?.type === 'Currency' || field?.type === 'Percent' ? 'Number' : field?.type;
    if (field?.picklistValues !== undefined) return field.picklistValues;
    return byType[type ?? ''] ?? texts;
  }
  return 'id';
}

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)] as T;
}

/** A stream's AQuA file: its columns and IsDeleted, cells quoted where needed (and now and then anyway). */
function aquaFile(stream: StreamSpec, seed: number, rows: number): string {
  const next = random(seed);
  const header = [...stream.fields, 'IsDeleted'];
  const kinds = header.map((p) => (p === 'IsDeleted' ? (['false'] as const) : kindOf(p, stream.maps)));
  const eol = seed % 2 === 0 ? '\n' : '\r\n';
  // A carriage return alone is kept unquoted now and then (a CSV reader takes it as it is).
  const quoted = (v: string) => (v === 'cr\rhere' && next() < 0.5 ? /[",\n]/ : /[",\r\n]/).test(v);
  const cell = (v: string) => (quoted(v) || next() < 0.05 ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = [header.map(cell).join(',')];
  for (let r = 0; r < rows; r += 1) {
    const clean = next() < 0.5;
    const values = kinds.map((kind, i) => {
      if (!clean && next() < 0.04) return pick(next, junk);
      if (kind === 'id') return `2c92c0f8${String(Math.floor(next() * 40)).padStart(24, '0')}`;
      if (kind === 'crm') return next() < 0.05 ? '' : `001000000000${String(100 + (i % 900))}`;
      return pick(next, kind);
    });
    if (next() < 0.04) values[values.length - 1] = 'true';
    lines.push(values.map(cell).join(','));
  }
  return lines.join(eol) + eol;
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Routes a file the generic way or with the fast path; answers everything the spool stage keeps of it. */
async function route(stream: StreamSpec, text: string, fast: boolean, removed: RemovedRecords) {
  const dir = mkdtempSync(join(tmpdir(), 'line-feed-'));
  dirs.push(dir);
  const output = new SpoolOutput(new CsvSpool(join(dir, 'spool')), 'entity-eu', 5);
  const upsertLine = vi.spyOn(output, 'upsertLine');
  const router = new StreamRouter(stream, context, output, removed);
  const staged = new StagedRouter(router, join(dir, 'staging.jsonl'));
  const chunks = Array.from({ length: Math.ceil(text.length / 997) }, (_, i) =>
    text.slice(i * 997, (i + 1) * 997),
  );
  const onRow = (row: Record<string, string>) => staged.add(row);
  if (fast) await eachCsvRecord(Readable.from(chunks), recordsOf(onRow, linesInto(router, staged, output)));
  else await eachCsvRow(Readable.from(chunks), onRow);
  await staged.finish();
  output.close();
  const spool = join(dir, 'spool');
  const files = readdirSync(spool)
    .sort()
    .map((name) => [name, readFileSync(join(spool, name), 'utf8')]);
  const { failures, skippedByStream } = output;
  return { files, failures, skippedByStream, read: [...router.read], records: staged.records, upsertLine };
}

const streams = [...planStreams('accounts'), ...planStreams('catalog')];

describe('the spool fast path', () => {
  it.each(streams.map((s, i) => [s.zuoraObject, s, i] as const))(
    '%s: gives what the generic path gives, byte for byte',
    async (_name, stream, i) => {
      const text = aquaFile(stream, 100 + i, 400);
      const generic = await route(stream, text, false, new RemovedRecords());
      const fast = await route(stream, text, true, new RemovedRecords());
      expect(generic.upsertLine).not.toHaveBeenCalled();
      const { upsertLine: _a, ...g } = generic;
      const { upsertLine: _b, ...f } = fast;
      expect(f).toEqual(g);
      expect(g.files.length).toBeGreaterThan(0);
    },
  );

  it('takes most records of the large streams, and none while a removed account may take them', async () => {
    for (const name of ['Invoice', 'InvoiceItem', 'Payment', 'InvoicePayment', 'Refund', 'TaxationItem']) {
      const stream = streams.find((s) => s.zuoraObject === name) as StreamSpec;
      const text = aquaFile(stream, 7, 300);
      const fast = await route(stream, text, true, new RemovedRecords());
      expect(fast.upsertLine.mock.calls.length, name).toBeGreaterThan(100);
      const removed = () => {
        const r = new RemovedRecords();
        r.add('CustomerAccount__c', 'gone');
        return r;
      };
      const held = await route(stream, text, true, removed());
      expect(held.upsertLine, name).not.toHaveBeenCalled();
      const { upsertLine: _a, ...h } = held;
      const { upsertLine: _b, ...g } = await route(stream, text, false, removed());
      expect(h).toEqual(g);
    }
  });
});
