// Number, Currency and Percent targets: Number(p, s) holds p - s digits before the point and rounds
// to s decimals, as Salesforce itself does on save.
// https://help.salesforce.com/s/articleView?id=sf.custom_field_types.htm (Number: length and decimal places)
import { describeValue, fail, isBlank, ok, type Transform } from './transform-result.js';

const numeric = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return numeric.test(s) ? Number(s) : undefined;
}

/**
 * Whether a decimal string has at most `scale` digits after its point (and no exponent): then the number it
 * parses to is already what rounding to `scale` gives (the nearest double to the text is the one the
 * rounded text parses to), so the toFixed round trip can be skipped.
 */
function withinScale(value: unknown, scale: number): boolean {
  if (typeof value !== 'string') return false;
  const s = value.trim();
  const dot = s.indexOf('.');
  if (s.includes('e') || s.includes('E')) return false;
  return dot === -1 || s.length - dot - 1 <= scale;
}

export const number: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const n = parseNumber(value);
  if (n === undefined)
    return fail('INVALID_NUMBER', `${field.name}: expected a number, got ${describeValue(value)}`);
  const scale = field.scale ?? 0;
  const rounded =
    field.precision === undefined || Number.isInteger(n) || withinScale(value, scale)
      ? n
      : Number(n.toFixed(scale));
  if (field.precision !== undefined) {
    const integerDigits = field.precision - scale;
    if (Math.abs(Math.trunc(rounded)) >= 10 ** integerDigits) {
      return fail(
        'NUMBER_OUT_OF_RANGE',
        `${field.name}: ${describeValue(value)} has more than ${integerDigits} digits before the decimal point (Number(${field.precision}, ${scale}))`,
      );
    }
  }
  return ok(rounded);
};
