import type { FieldDef } from '../schema/schema-types.js';
import { coerceValue, storedNumber, type Coerced } from '../store/coerce-value.js';
import type { SfError, SfValue } from '../store/sf-error.js';
import type { CsvCells } from './csv-cells.js';
import type { IngestColumn } from './ingest-columns.js';
import { RangeCache } from './range-cache.js';

// How the Bulk column path (fast-ingest.ts) reads each upload column's cells: free text is checked
// from its offsets and stays in the upload until the row is stored; numbers of plain decimal digits
// are read from their characters; repeated values (picklists, dates, Ids) through a cache keyed by
// the characters. Anything else is cut into a string and goes through coerceValue, which also
// gives every error, so each cell gets the value and error the row path (process-ingest.ts) gives.

export const TEXT = 0;
export const NUMBER = 1;
export const CACHED = 2;
export const SLOW = 3;
export const REF = 4;
export const EMAIL = 5;

/** A cell's state in a read row. */
export const EMPTY = 0;
export const VALUE = 1;
export const RANGE = 2;
export const ERROR = 3;
/** A parent's external ID (a REF column's cell, not #N/A): its text stays in `cells`, found by its characters. */
export const KEY = 4;

const freeText = new Set(['string', 'textarea', 'phone', 'url']);
const repetitive = new Set(['boolean', 'date', 'datetime', 'picklist', 'multipicklist', 'reference', 'id']);
const numeric = new Set(['double', 'currency', 'percent', 'int']);

export interface CellPlan {
  kind: number;
  field: FieldDef;
  /** Null for a column whose values turned out mostly distinct: the look-up costs more than it saves. */
  cache: RangeCache | null;
  /** Cells read through the cache, and misses among them, since the last count. */
  reads: number;
  misses: number;
  /** NUMBER: 10^scale and 10^(precision - scale), as storedNumber computes them. */
  factor: number;
  limit: number;
  /** CACHED: the last cell read (its text's source and range) and its value, for a value repeated on the next row. */
  lastSource: string;
  lastStart: number;
  lastEnd: number;
  last: Coerced | undefined;
  /** CACHED: whether `last` is looked at; a column whose value seldom repeats on the next row stops. */
  useLast: boolean;
  /** Looks at `last` and hits, since the last count. */
  lastTries: number;
  lastHits: number;
}

export function planCells(columns: IngestColumn[], extField: FieldDef | null): CellPlan[] {
  return columns.map((column) => {
    const field = column.field;
    const plan = (kind: number, cache: RangeCache | null = null): CellPlan => ({
      kind,
      field,
      cache,
      reads: 0,
      misses: 0,
      factor: 10 ** field.scale,
      limit: 10 ** (field.precision - field.scale),
      lastSource: '',
      lastStart: 0,
      lastEnd: 0,
      last: undefined,
      useLast: true,
      lastTries: 0,
      lastHits: 0,
    });
    if (column.kind === 'ref') return plan(REF);
    const indexed = field.unique || field.externalId || field === extField;
    // The upsert's own key too: its text is checked as any text's (coerceValue checks the length alone), and
    // fast-ingest.ts finds it in the index from its characters.
    if (freeText.has(field.type) && (!indexed || field === extField)) return plan(TEXT);
    if (field.type === 'email' && !indexed) return plan(EMAIL);
    if (numeric.has(field.type)) return plan(NUMBER);
    if (repetitive.has(field.type)) return plan(CACHED, new RangeCache());
    return plan(SLOW);
  });
}

/** The value of a plain decimal (-?digits[.digits], at most 15 digits), else NaN: Number() of the same text. */
function decimal(src: string, start: number, end: number): number {
  let i = start;
  const negative = src.charCodeAt(i) === 45;
  if (negative) i += 1;
  let m = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i += 1) {
    const c = src.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits += 1;
      if (scale >= 0) scale += 1;
    } else if (c === 46 && scale < 0) scale = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15 || scale === 0) return NaN;
  // Both exact below 2^53 and 10^22: one correctly rounded division, as Number() rounds the text.
  const n = scale > 0 ? m / 10 ** scale : m;
  return negative ? -n : n;
}

/** JavaScript's \s: what coerceValue's e-mail pattern excludes besides '@'. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * coerceValue's e-mail pattern /^[^\s@]+@[^\s@]+\.[^\s@]+$/ over a range, without a string: no space,
 * one '@' after at least one character, and a '.' in the domain with a character on each side.
 */
function isEmail(src: string, start: number, end: number): boolean {
  let at = -1;
  let dot = false;
  for (let i = start; i < end; i += 1) {
    const c = src.charCodeAt(i);
    if (c === 64) {
      if (at >= 0 || i === start) return false;
      at = i;
    } else if (isSpace(c)) return false;
    else if (c === 46 && at >= 0 && i > at + 1 && i < end - 1) dot = true;
  }
  return at >= 0 && dot;
}

const isNA = (src: string, s: number, e: number) =>
  e - s === 4 &&
  src.charCodeAt(s) === 35 &&
  src.charCodeAt(s + 1) === 78 &&
  src.charCodeAt(s + 2) === 47 &&
  src.charCodeAt(s + 3) === 65;

/** Whether `a[from, from + length)` and `b[bFrom, bFrom + length)` hold the same characters (compared from the end,
 * where dates and times of consecutive rows differ). */
function sameText(a: string, from: number, b: string, bFrom: number, length: number): boolean {
  for (let i = length - 1; i >= 0; i -= 1)
    if (a.charCodeAt(from + i) !== b.charCodeAt(bFrom + i)) return false;
  return true;
}

/**
 * The value of the column's last cell when this cell has the same text, else undefined. Counts: past
 * 4,096 looks, a column that repeated on fewer than one row in four stops looking (the cache answers).
 */
function lastValue(plan: CellPlan, src: string, s: number, e: number): Coerced | undefined {
  plan.lastTries += 1;
  const hit =
    plan.lastEnd - plan.lastStart === e - s && sameText(src, s, plan.lastSource, plan.lastStart, e - s);
  const last = plan.last;
  if (hit) plan.lastHits += 1;
  if (plan.lastTries >= 4096) {
    if (plan.lastHits * 4 < plan.lastTries) {
      plan.useLast = false;
      plan.last = undefined;
      plan.lastSource = '';
    }
    plan.lastTries = 0;
    plan.lastHits = 0;
  }
  return hit ? last : undefined;
}

/** Puts a missed value in the plan's cache; drops the cache once most of a column's values miss. */
function cached(plan: CellPlan, raw: string, value: Coerced): void {
  (plan.cache as RangeCache).put(raw, value);
  plan.misses += 1;
  if (plan.misses < 4096) return;
  if (plan.misses * 2 > plan.reads) plan.cache = null;
  plan.reads = 0;
  plan.misses = 0;
}

/**
 * Reads the row's cells into `states`/`values` (a RANGE cell's text stays in `cells`); returns the
 * coercion errors in column order, or null.
 */
export function readCells(
  plans: CellPlan[],
  cells: CsvCells,
  states: Uint8Array,
  values: SfValue[],
): SfError[] | null {
  let errors: SfError[] | null = null;
  for (let c = 0; c < plans.length; c += 1) {
    const s = cells.starts[c] as number;
    const e = cells.ends[c] as number;
    values[c] = null;
    if (e === s) {
      states[c] = EMPTY;
      continue;
    }
    const src = cells.source(c);
    states[c] = VALUE;
    if (isNA(src, s, e)) continue;
    const plan = plans[c] as CellPlan;
    const field = plan.field;
    if (plan.kind === REF) {
      // Found in the parent's index from the characters (batch-lookups.ts): no string unless it fails.
      states[c] = KEY;
      continue;
    }
    if (plan.kind === TEXT && (field.length <= 0 || e - s <= field.length)) {
      states[c] = RANGE;
      continue;
    }
    if (plan.kind === EMAIL && (field.length <= 0 || e - s <= field.length) && isEmail(src, s, e)) {
      states[c] = RANGE;
      continue;
    }
    if (plan.kind === NUMBER) {
      const n = decimal(src, s, e);
      const stored = Number.isNaN(n) ? NaN : storedNumber(field, n, plan.factor, plan.limit);
      if (!Number.isNaN(stored)) {
        values[c] = stored;
        continue;
      }
    }
    let coerced = plan.useLast && plan.last !== undefined ? lastValue(plan, src, s, e) : undefined;
    if (coerced === undefined && plan.cache !== null) {
      plan.reads += 1;
      coerced = plan.cache.get(src, s, e);
      if (coerced === undefined) {
        const raw = cells.value(c);
        coerced = coerceValue(field, raw, true);
        cached(plan, raw, coerced);
      }
    } else if (coerced === undefined) coerced = coerceValue(field, cells.value(c), true);
    if (plan.kind === CACHED && plan.useLast) {
      plan.last = coerced;
      plan.lastSource = src;
      plan.lastStart = s;
      plan.lastEnd = e;
    }
    if (coerced.ok) values[c] = coerced.value;
    else {
      states[c] = ERROR;
      (errors ??= []).push(coerced.error);
    }
  }
  return errors;
}
