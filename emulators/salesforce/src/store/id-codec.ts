// The Ids the emulator generates for an object are its key prefix, instance "8d", "0", the record
// number in 9 base-62 digits and the case-safe checksum (shared/salesforce-id.ts). Tables and indexes
// keep such an Id as its record number, a small integer the garbage collector never visits, and
// spell it out again when it is read: the same string, without 50-60 bytes per record. Both ways
// are written out here without regular expressions or temporary strings (they run per record).

const base62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const checksumAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ZERO = 48;
const A_UPPER = 65;
const A_LOWER = 97;
/** Record numbers kept as numbers; larger ones (never generated in practice) stay strings. */
const MAX_NUMBER = 2 ** 30;

function digit(code: number): number {
  if (code >= ZERO && code <= ZERO + 9) return code - ZERO;
  if (code >= A_UPPER && code <= A_UPPER + 25) return code - A_UPPER + 10;
  if (code >= A_LOWER && code <= A_LOWER + 25) return code - A_LOWER + 36;
  return -1;
}

/** Checksum character `chunk` (0-2) of the 15 characters in `codes`: one bit per upper-case letter. */
function checksumCode(codes: ArrayLike<number>, chunk: number): number {
  let bits = 0;
  for (let i = 0; i < 5; i += 1) {
    const c = codes[chunk * 5 + i] as number;
    if (c >= A_UPPER && c <= A_UPPER + 25) bits |= 1 << i;
  }
  return checksumAlphabet.charCodeAt(bits);
}

export class IdCodec {
  private readonly head: string;
  private readonly codes = new Uint16Array(18);

  constructor(readonly keyPrefix: string) {
    this.head = `${keyPrefix}8d0`;
    for (let i = 0; i < 6; i += 1) this.codes[i] = this.head.charCodeAt(i);
  }

  /** The record number of an Id this object generates (checksum included), or -1 for any other. */
  numberOf(id: string): number {
    if (id.length !== 18 || !id.startsWith(this.head)) return -1;
    let n = 0;
    for (let i = 6; i < 15; i += 1) {
      const d = digit(id.charCodeAt(i));
      if (d < 0) return -1;
      n = n * 62 + d;
    }
    if (n >= MAX_NUMBER) return -1;
    const codes = this.codes;
    for (let i = 0; i < 15; i += 1) codes[i] = id.charCodeAt(i);
    for (let chunk = 0; chunk < 3; chunk += 1)
      if (id.charCodeAt(15 + chunk) !== checksumCode(codes, chunk)) return -1;
    return n;
  }

  /** Spells the Id of record number `n` into `codes`. */
  private spell(n: number): Uint16Array {
    const codes = this.codes;
    let rest = n;
    for (let i = 14; i >= 6; i -= 1) {
      codes[i] = base62.charCodeAt(rest % 62);
      rest = Math.floor(rest / 62);
    }
    for (let chunk = 0; chunk < 3; chunk += 1) codes[15 + chunk] = checksumCode(codes, chunk);
    return codes;
  }

  /** Writes the 18 characters of `idOf(n)` as bytes at `at`; the offset after them. */
  writeId(n: number, out: Uint8Array, at: number): number {
    const codes = this.spell(n);
    for (let i = 0; i < 18; i += 1) out[at + i] = codes[i] as number;
    return at + 18;
  }

  /** The Id of record number `n` (0 <= n < 2^30), as makeSalesforceId spells it. */
  idOf(n: number): string {
    const c = this.spell(n);
    // Explicit arguments: spreading a typed array goes through its iterator, several times slower.
    return String.fromCharCode(
      c[0]!,
      c[1]!,
      c[2]!,
      c[3]!,
      c[4]!,
      c[5]!,
      c[6]!,
      c[7]!,
      c[8]!,
      c[9]!,
      c[10]!,
      c[11]!,
      c[12]!,
      c[13]!,
      c[14]!,
      c[15]!,
      c[16]!,
      c[17]!,
    );
  }
}
