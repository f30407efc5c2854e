// The byte path of the line builders (compiled-bytes.ts) against compiled-line.ts's builders: for every map
// of both scopes, a clean ASCII line read as bytes gives the UTF-8 of the line the string builder answers,
// byte for byte, or is declined where the string builder answers undefined (fuzzed values, blanks, junk).
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import { lineOut, type LineFields } from '../../src/csv/line-fields.js';
import { recordMapperFor } from '../../src/mapping/map-record.js';
import { planStreams } from '../../src/mapping/stream-plan.js';
import { aquaValues } from '../support/aqua-values.js';
import { forceAppSchema as schema } from './force-app-objects.js';

const crm = ['001000000000123AAA', '0010000000001234'];

const values = [
  '',
  'plain',
  'a b',
  ' spaced ',
  '#N/A',
  'x'.repeat(300),
  '12.5',
  '-3',
  '0',
  '0.10',
  '1e3',
  '007',
  '123456789012345678',
  'true',
  'false',
  '2024-03-01',
  '2024-02-30',
  '1699-12-31',
  '2024-03-01T10:15:00.000+00:00',
  '2024-03-01T24:15:00.000+00:00',
  '4000-12-31T00:00:00.000+00:00',
  '2024-03-01T10:15:00-0800',
  '2024-03-01 10:15:00',
  '2c92c0f8000000000000000000000001',
  '001000000000123AAA',
  'Monthly',
  'Recurring',
  'OneTime',
];

/** The fields of `line` (ASCII, no quotes) where eachCsvLine would place them. */
function placed(line: string): LineFields {
  const bytes = Buffer.from(`xx${line}\n`, 'latin1');
  const starts = new Int32Array(512);
  const ends = new Int32Array(512);
  let at = 2;
  const parts = line.split(',');
  parts.forEach((p, i) => {
    starts[i] = at;
    ends[i] = at + p.length;
    at += p.length + 1;
  });
  return { bytes, view: new DataView(bytes.buffer), starts, ends, count: parts.length };
}

const streams = [...planStreams('accounts'), ...planStreams('catalog')];

describe('compiled byte lines', () => {
  it.each(streams.map((s, i) => [s.zuoraObject, s, i] as const))(
    '%s: the UTF-8 of the string builder line, or declined with it',
    (_name, stream, i) => {
      const next = random(500 + i);
      const header = [...stream.fields, 'IsDeleted'];
      let written = 0;
      const pools = header.map((p) => (p === 'IsDeleted' ? ['false'] : aquaValues(p, stream.maps, crm)));
      for (const entityId of [undefined, 'entity-eu']) {
        for (const map of stream.maps) {
          const mapper = recordMapperFor(map, { schema, ...(entityId === undefined ? {} : { entityId }) });
          const strings = mapper.lineBuilder(header);
          const bytes = mapper.bytesBuilder(header);
          expect(bytes === undefined, map.salesforceObject).toBe(strings === undefined);
          if (strings === undefined || bytes === undefined) continue;
          const out = lineOut(1 << 16);
          for (let r = 0; r < 300; r += 1) {
            const junk = next() < 0.5 ? 0.15 : 0;
            const fields = pools.map((pool) => {
              const from = next() < junk ? values : pool;
              return from[Math.floor(next() * from.length)] as string;
            });
            // Now and then a short line: the fields it lacks read as blank.
            const count = next() < 0.05 ? Math.floor(next() * header.length) : header.length;
            const shown = fields.slice(0, Math.max(count, 1));
            const want = strings(shown, true);
            const length = bytes(placed(shown.join(',')), out);
            if (want === undefined) expect(length, shown.join(',')).toBe(-1);
            else expect(out.bytes.subarray(0, length).toString('utf8'), shown.join(',')).toBe(want);
            if (length >= 0) written += 1;
          }
        }
      }
      // Account's maps have deferred references: no builder of either kind.
      if (stream.zuoraObject !== 'Account') expect(written).toBeGreaterThan(0);
    },
  );
});
