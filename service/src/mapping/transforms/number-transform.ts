// Number, Currency and Percent targets: Number(p, s) holds p - s digits before the point and rounds
// to s decimals, as Salesforce itself does on save.
// https://help.salesforce.com/s/articleView?id=sf.custom_field_types.htm (Number: length and decimal places)
import { decimalShape, notNumeric, withExponent } from './decimal-shape.js';
import { describeValue, fail, isBlank, ok, type Transform } from './transform-result.js';

/** 10 ** n, computed once: the power itself cost half of a number field's mapping. */
const powersOfTen = Array.from({ length: 41 }, (_, n) => 10 ** n);

export function parseNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  return decimalShape(s) === notNumeric ? undefined : Number(s);
}

export const number: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  // A decimal string with at most `scale` digits after its point (and no exponent) parses to what rounding
  // to `scale` gives (the nearest double to the text is the one the rounded text parses to), so the
  // toFixed round trip is skipped.
  const text = typeof value === 'string' ? value.trim() : undefined;
  const shape = text === undefined ? withExponent : decimalShape(text);
  const n = text === undefined ? parseNumber(value) : shape === notNumeric ? undefined : Number(text);
  if (n === undefined)
    return fail('INVALID_NUMBER', `${field.name}: expected a number, got ${describeValue(value)}`);
  const scale = field.scale ?? 0;
  const rounded =
    field.precision === undefined || Number.isInteger(n) || (shape >= 0 && shape <= scale)
      ? n
      : Number(n.toFixed(scale));
  if (field.precision !== undefined) {
    const integerDigits = field.precision - scale;
    if (Math.abs(Math.trunc(rounded)) >= (powersOfTen[integerDigits] ?? 10 ** integerDigits)) {
      return fail(
        'NUMBER_OUT_OF_RANGE',
        `${field.name}: ${describeValue(value)} has more than ${integerDigits} digits before the decimal point (Number(${field.precision}, ${scale}))`,
      );
    }
  }
  return ok(rounded);
};
