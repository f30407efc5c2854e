// number-cell.ts's isNumberCell on a field's ASCII bytes, read in place with no string made (Turbo Sync's
// byte path, mapping/compiled-bytes.ts): the same answer for the same text.
import type { SalesforceField } from '../salesforce-schema.js';

/** isNumberCell of the ASCII bytes from `from` to before `to` (not empty), read in place: a sign, digits
 * without a leading zero, a point and digits not ending in 0; at most 15 digits, within the field's scale and
 * precision, and no exponent form (at most 5 zeros after "0."). */
export function isNumberCellAt(b: Uint8Array, from: number, to: number, field: SalesforceField): boolean {
  let i = b[from] === 45 ? from + 1 : from;
  const intStart = i;
  if (i >= to) return false;
  const first = b[i] as number;
  if (first === 48) i += 1;
  else if (first >= 49 && first <= 57) {
    i += 1;
    while (i < to && isDigit(b[i] as number)) i += 1;
  } else return false;
  const intDigits = i - intStart;
  const zero = first === 48;
  let fraction = 0;
  if (i < to) {
    if (b[i] !== 46 || b[to - 1] === 48) return false;
    const fracStart = i + 1;
    i = fracStart;
    while (i < to && isDigit(b[i] as number)) i += 1;
    fraction = to - fracStart;
    if (i !== to || fraction === 0) return false;
    let z = fracStart;
    while (z < to && b[z] === 48) z += 1;
    if (zero && z - fracStart > 5) return false;
  } else if (zero && intStart !== from) return false;
  if (intDigits + fraction > 15) return false;
  if (field.precision === undefined) return true;
  const scale = field.scale ?? 0;
  return fraction <= scale && (zero || intDigits <= field.precision - scale);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
