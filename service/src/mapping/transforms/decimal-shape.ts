// The shape of a decimal string (number-transform.ts), read once by character code.
export const notNumeric = -2;
export const withExponent = -1;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The shape of a trimmed decimal string, read once by character code (no regex, no second pass): `notNumeric`
 * unless it is `[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?`, `withExponent` when it has one, else how many digits
 * follow its point. It runs for every number field of every record.
 */
export function decimalShape(s: string): number {
  const n = s.length;
  let i = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i += 1;
  const intDigits = i - intStart;
  let fraction = 0;
  if (i < n && s.charCodeAt(i) === 46) {
    i += 1;
    const fracStart = i;
    while (i < n && isDigit(s.charCodeAt(i))) i += 1;
    fraction = i - fracStart;
  }
  if (intDigits === 0 && fraction === 0) return notNumeric;
  if (i === n) return fraction;
  if (s.charCodeAt(i) !== 101 && s.charCodeAt(i) !== 69) return notNumeric;
  i += 1;
  if (s.charCodeAt(i) === 43 || s.charCodeAt(i) === 45) i += 1;
  const expStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i += 1;
  return i === expStart || i !== n ? notNumeric : withExponent;
}
