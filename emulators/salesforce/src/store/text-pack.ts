import type { SfValue } from './sf-error.js';

// The free-text fields of one record (names, numbers, e-mails, URLs) packed into one flat string:
// one heap object per record instead of one per value, and no reference to the upload the values
// were cut from (V8 keeps a whole CSV alive behind each slice of it). A record whose text holds
// the separator characters themselves is kept as a plain array instead, so nothing is altered.

const SEP = '\u0000';
const NULL = '\u0001';

export type PackedText = string | SfValue[];

export function packText(values: SfValue[]): PackedText {
  for (const v of values) {
    if (v === null) continue;
    if (typeof v !== 'string' || v === NULL || v.includes(SEP)) return values.slice();
  }
  const parts = values.map((v) => (v === null ? NULL : (v as string)));
  // A trailing empty part: joining two or more parts always builds a new flat string (joining one
  // would hand back the slice itself).
  parts.push('');
  return parts.join(SEP);
}

export function unpackText(packed: PackedText | undefined, count: number): SfValue[] {
  if (packed === undefined) return new Array<SfValue>(count).fill(null);
  if (typeof packed !== 'string') return packed;
  const parts: SfValue[] = packed.split(SEP);
  parts.length = count;
  for (let i = 0; i < count; i += 1) if (parts[i] === NULL) parts[i] = null;
  return parts;
}
