// A map's byte path to the Bulk CSV line (Turbo Sync, issue 19), beside compiled-line.ts's: for a line of
// ASCII with no quote or carriage return, read as the bytes it downloaded as, a column whose value is its own
// cell (text within its length, a number as it prints, a calendar date) is copied byte for byte, an AQuA
// date-time is copied with its offset cut to Z, and any other value is decoded and mapped as the line builder
// maps it. The line is the UTF-8 of what the line builder answers, with no string of the line or its fields.
import { csvCell } from '../csv/spool-writer.js';
import type { LineFields, LineOut } from '../csv/line-fields.js';
import type { FastColumn } from './compiled-row.js';
import { headerIndex } from './compiled-line.js';
import { isNumberCell } from './transforms/number-cell.js';
import { isAquaUtcAt, isPlainDateAt } from './transforms/ascii-dates.js';
import { isNumberCellAt } from './transforms/ascii-number-cell.js';
import { transforms } from './transforms/transform-registry.js';
import { TransformFailure } from './transforms/transform-result.js';

/** Writes the line (no line feed) into `out` and answers its length, or -1 where the line builder would
 * answer undefined or the line would not fit: the record then goes the string way. */
export type BytesBuilder = (line: LineFields, out: LineOut) => number;

const enum Kind {
  /** A cell the same for every record (the entity, read from the context). */
  Fixed,
  Text,
  Number,
  Date,
  DateTime,
  /** Decoded and mapped as the line builder maps it. */
  Other,
}

interface Column {
  readonly kind: Kind;
  readonly at: number;
  /** Text: the longest value that is its own cell (the field's length; a picklist's values are checked
   * the other way). */
  readonly longest: number;
  readonly field: FastColumn['field'];
  /** The cell of a blank value (or the fixed cell); undefined: the record takes the string way. */
  readonly blank: string | undefined;
  readonly cell: (value: string | null) => string | undefined;
  /** Other: the last value mapped (its first `lastLength` bytes) and its cell, reused while a value repeats
   * (an account's id on each of its invoices): transforms are pure. */
  readonly last: Uint8Array;
  lastLength: number;
  lastCell: string;
}

/** The longest value an Other column keeps as its last. */
const lastBytes = 64;

/** The cell compiled-line.ts's builder writes for `value` from a clean line, or undefined where it declines. */
function cellOf(c: FastColumn, plain: boolean): (value: string | null) => string | undefined {
  const relationship = c.name.includes('.');
  const asText = c.transform === transforms.number && c.read !== 'entityId';
  const verbatim =
    c.read !== 'entityId' &&
    (c.transform === transforms.text ||
      c.transform === transforms.picklist ||
      c.transform === transforms.abbreviatedName);
  return (value) => {
    if (c.missingCode !== undefined && (value === null || value === '')) return undefined;
    if (asText && value !== null && isNumberCell(value, c.field)) return value;
    const t = (c.transform as NonNullable<FastColumn['transform']>)(value, c.field);
    if (t instanceof TransformFailure) return undefined;
    return (plain || verbatim) && typeof t === 'string' ? t : csvCell(t, relationship);
  };
}

function kindOf(c: FastColumn): Kind {
  if (c.read === 'entityId') return Kind.Fixed;
  if (c.transform === transforms.text || c.transform === transforms.abbreviatedName) return Kind.Text;
  if (c.transform === transforms.picklist && c.field.picklistValues === undefined) return Kind.Text;
  if (c.transform === transforms.number) return Kind.Number;
  if (c.transform === transforms.date) return Kind.Date;
  if (c.transform === transforms.datetime) return Kind.DateTime;
  return Kind.Other;
}

/** Undefined where compileLine answers undefined (the same columns, each read from the header). */
export function compileBytes(
  columns: readonly FastColumn[],
  plain: ReadonlySet<string>,
  header: readonly string[],
  entityId: string | null,
): BytesBuilder | undefined {
  const index = headerIndex(columns, header);
  if (index === undefined) return undefined;
  const compiled: Column[] = [];
  for (const c of columns) {
    const at = c.read === 'entityId' ? -1 : c.path === undefined ? undefined : index.get(c.path);
    if (at === undefined || c.transform === undefined) return undefined;
    const kind = kindOf(c);
    const cell = cellOf(c, plain.has(c.name));
    // Transforms are pure: the cell of a blank value, or of the entity, is the same for every record.
    const blank = cell(kind === Kind.Fixed ? entityId : '');
    if (kind === Kind.Fixed && blank === undefined) return undefined;
    const longest = kind === Kind.Text ? (c.field.length ?? Number.MAX_SAFE_INTEGER) : 0;
    const last = new Uint8Array(kind === Kind.Other ? lastBytes : 0);
    compiled.push({ kind, at, longest, field: c.field, blank, cell, last, lastLength: -1, lastCell: '' });
  }
  return (line, out) => buildLine(compiled, line, out);
}

/** Writes `s` as UTF-8 at `o`; answers the end, or -1 when it may not fit. */
function put(out: Uint8Array, o: number, s: string): number {
  if (o + s.length * 3 > out.length) return -1;
  let at = o;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c >= 128) return at + Buffer.from(s.slice(i)).copy(out, at);
    out[at] = c;
    at += 1;
  }
  return at;
}

/** Copies the line's bytes from `from` to before `to` into `out` at `o`; answers the end. */
function copyBytes(line: LineFields, from: number, to: number, out: LineOut, o: number): number {
  const { bytes, view } = line;
  const target = out.bytes;
  let k = from;
  let at = o;
  if (to - from >= 8) {
    // Four bytes at a time take half the time a byte loop does (DataView reads and writes at any offset).
    const shift = bytes.byteOffset;
    for (; k + 4 <= to; k += 4, at += 4) out.view.setInt32(at, view.getInt32(k + shift));
  }
  for (; k < to; k += 1, at += 1) target[at] = bytes[k] as number;
  return at;
}

/** Whether the `n` bytes of `b` from `from` are the first `n` of `last`. */
function same(b: Uint8Array, from: number, last: Uint8Array, n: number): boolean {
  for (let i = 0; i < n; i += 1) if (b[from + i] !== last[i]) return false;
  return true;
}

/** An Other column's cell of the bytes from `a` to before `e`, kept as its last when short enough. */
function otherCell(c: Column, bytes: Buffer, a: number, e: number): string | undefined {
  const cell = c.cell(bytes.toString('latin1', a, e));
  if (cell === undefined || e - a > lastBytes) return cell;
  for (let i = a; i < e; i += 1) c.last[i - a] = bytes[i] as number;
  c.lastLength = e - a;
  c.lastCell = cell;
  return cell;
}

function buildLine(columns: readonly Column[], line: LineFields, lineOut: LineOut): number {
  const { bytes, starts, ends, count } = line;
  const out = lineOut.bytes;
  let o = 0;
  for (let i = 0; i < columns.length; i += 1) {
    const c = columns[i] as Column;
    if (i > 0) out[o++] = 44;
    const at = c.at;
    const a = at >= 0 && at < count ? (starts[at] as number) : 0;
    const e = at >= 0 && at < count ? (ends[at] as number) : 0;
    if (a === e) {
      if (c.blank === undefined) return -1;
      o = put(out, o, c.blank);
      if (o < 0) return -1;
      continue;
    }
    const n = e - a;
    if (o + n + 2 > out.length) return -1;
    let copy = -1;
    if (c.kind === Kind.Text) copy = n <= c.longest ? n : -1;
    else if (c.kind === Kind.Number) copy = isNumberCellAt(bytes, a, e, c.field) ? n : -1;
    else if (c.kind === Kind.Date) {
      if (n === 10 ? isPlainDateAt(bytes, a) : n === 29 && isAquaUtcAt(bytes, a)) copy = 10;
    } else if (c.kind === Kind.DateTime && n === 29 && isAquaUtcAt(bytes, a)) copy = 23;
    if (copy >= 0) {
      o = copyBytes(line, a, a + copy, lineOut, o);
      if (c.kind === Kind.DateTime) out[o++] = 90;
      continue;
    }
    const cell = n === c.lastLength && same(bytes, a, c.last, n) ? c.lastCell : otherCell(c, bytes, a, e);
    if (cell === undefined) return -1;
    o = put(out, o, cell);
    if (o < 0) return -1;
  }
  return o;
}
