import type { FieldDef } from '../schema/schema-types.js';
import { canonicalDateTimeMs, formatDateTime } from './coerce-value.js';
import { IdCodec } from './id-codec.js';
import type { SfValue } from './sf-error.js';

// Numbers for the values of a dictionary column that has too many distinct values to intern
// (columns.ts): a datetime as its epoch milliseconds, a date as its day's, a lookup to an Id the
// emulator generated as its key prefix and record number. A value only becomes a number when the
// number spells it back exactly; any other value answers NaN and the column keeps it as it is.

export interface ValueCodec {
  /** The value's number, or NaN. */
  encode(value: SfValue): number;
  decode(n: number): SfValue;
}

const dateTime: ValueCodec = {
  encode(value) {
    if (typeof value !== 'string' || value.length !== 28 || !value.endsWith('+0000')) return NaN;
    // The stored form read without a parse and a format (most values); anything else as before.
    const canonical = canonicalDateTimeMs(value);
    if (!Number.isNaN(canonical)) return canonical;
    const ms = Date.parse(`${value.slice(0, 23)}Z`);
    return Number.isNaN(ms) || formatDateTime(ms) !== value ? NaN : ms;
  },
  decode: (n) => formatDateTime(n),
};

const date: ValueCodec = {
  encode(value) {
    if (typeof value !== 'string' || value.length !== 10) return NaN;
    const ms = Date.parse(`${value}T00:00:00Z`);
    return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value ? NaN : ms;
  },
  decode: (n) => new Date(n).toISOString().slice(0, 10),
};

/** Record numbers of generated Ids stay below 2^30 (id-codec.ts); key prefixes are numbered above. */
const NUMBERS = 2 ** 30;
const prefixes: IdCodec[] = [];
const prefixIndex = new Map<string, number>();

const reference: ValueCodec = {
  encode(value) {
    if (typeof value !== 'string' || value.length !== 18) return NaN;
    const prefix = value.slice(0, 3);
    let index = prefixIndex.get(prefix);
    if (index === undefined) {
      index = prefixes.length;
      prefixes.push(new IdCodec(prefix));
      prefixIndex.set(prefix, index);
    }
    const n = (prefixes[index] as IdCodec).numberOf(value);
    return n < 0 ? NaN : index * NUMBERS + n;
  },
  decode: (n) => (prefixes[Math.floor(n / NUMBERS)] as IdCodec).idOf(n % NUMBERS),
};

export function valueCodecFor(field: FieldDef): ValueCodec | undefined {
  if (field.type === 'datetime') return dateTime;
  if (field.type === 'date') return date;
  if (field.type === 'reference' || field.type === 'id') return reference;
  return undefined;
}
