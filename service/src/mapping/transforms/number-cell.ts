// A number column's Bulk CSV cell read from its text without parsing it (Turbo Sync's line builders,
// mapping/compiled-line.ts): most AQuA amounts are already written as JavaScript prints the number they
// parse to, so the number transform and csvCell would give the text back after a parse and a print.
import type { SalesforceField } from '../salesforce-schema.js';

/** At most 15 significant digits: every such decimal reads to a double that prints as the same digits. */
const maxDigits = 15;
/** JavaScript prints numbers below 1e-6 with an exponent: at most 5 zeros after the point of "0.". */
const maxLeadingZeros = 5;

/**
 * Whether `s` is the cell the number transform and csvCell would write for it: `-?(0|[1-9]\d*)(\.\d*[1-9])?`
 * with at most 15 digits in all (never "-0"), as String() prints the double it reads to; no rounding to the
 * field's scale and within its precision. False says nothing: the caller transforms the value.
 */
export function isNumberCell(s: string, field: SalesforceField): boolean {
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  const first = s.charCodeAt(i);
  if (first === 48) i += 1;
  else if (first >= 49 && first <= 57) {
    i += 1;
    while (i < n && isDigit(s.charCodeAt(i))) i += 1;
  } else return false;
  const intDigits = i - intStart;
  const zero = first === 48;
  let fraction = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46 || s.charCodeAt(n - 1) === 48) return false;
    const fracStart = i + 1;
    i = fracStart;
    while (i < n && isDigit(s.charCodeAt(i))) i += 1;
    fraction = n - fracStart;
    if (i !== n || fraction === 0) return false;
    if (zero && leadingZeros(s, fracStart) > maxLeadingZeros) return false;
  } else if (zero && intStart === 1) return false;
  if (intDigits + fraction > maxDigits) return false;
  if (field.precision === undefined) return true;
  const scale = field.scale ?? 0;
  return fraction <= scale && (zero || intDigits <= field.precision - scale);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function leadingZeros(s: string, from: number): number {
  let i = from;
  while (s.charCodeAt(i) === 48) i += 1;
  return i - from;
}
