// An export file's bytes written cell by cell into ~1 MB buffers as it downloads. Writing the UTF-8 bytes
// straight away spares, per row, the line string a join builds, the chunk string it is appended to (and
// flattened), and the encoding of that chunk when the socket writes it; an id is written from its packed
// words (columns.ts) without ever becoming a string. The bytes are those of the text the cells spell.

/** A chunk is handed out once it holds this many bytes. */
export const CHUNK_BYTES = 1_000_000;
const capacity = CHUNK_BYTES + 64 * 1024;

const digits = '0123456789abcdef';
/** Per byte value, its two hex digits' character codes. */
const high = Uint8Array.from({ length: 256 }, (_, b) => digits.charCodeAt(b >>> 4));
const low = Uint8Array.from({ length: 256 }, (_, b) => digits.charCodeAt(b & 15));

export class ByteChunks {
  /** The buffer being written and the next byte's place in it: open to a row loop that writes in place (row-kernel.ts). */
  buf = Buffer.allocUnsafe(capacity);
  pos = 0;

  /** Bytes written since the last chunk was taken. */
  get length(): number {
    return this.pos;
  }

  /** The bytes written so far as one chunk; writing goes on in a new buffer. */
  take(): Buffer {
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(capacity);
    this.pos = 0;
    return chunk;
  }

  byte(b: number): void {
    if (this.pos >= this.buf.length) this.room(1);
    this.buf[this.pos] = b;
    this.pos += 1;
  }

  /** The UTF-8 bytes of `s`: ASCII characters one by one, the rest of the text from its first other one. */
  text(s: string): void {
    const n = s.length;
    // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
    if (this.pos + n * 3 > this.buf.length) this.room(n * 3);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i += 1) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        this.pos = p + buf.write(i === 0 ? s : s.slice(i), p, 'utf8');
        return;
      }
      buf[p] = c;
      p += 1;
    }
    this.pos = p;
  }

  /** 32 lowercase hex digits from four 32-bit words starting at `at` (a packed Zuora id). */
  hex(words: Uint32Array, at: number): void {
    if (this.pos + 32 > this.buf.length) this.room(32);
    const buf = this.buf;
    let p = this.pos;
    for (let w = at; w < at + 4; w += 1) {
      const x = words[w] ?? 0;
      for (let shift = 24; shift >= 0; shift -= 8) {
        const b = (x >>> shift) & 255;
        buf[p] = high[b] as number;
        buf[p + 1] = low[b] as number;
        p += 2;
      }
    }
    this.pos = p;
  }

  bytes(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.pos + n > this.buf.length) this.room(n);
    const buf = this.buf;
    const p = this.pos;
    // Short cells byte by byte: a native copy costs more to call than a few stores.
    if (n > 48) buf.set(src.subarray(from, to), p);
    else for (let i = 0; i < n; i += 1) buf[p + i] = src[from + i] as number;
    this.pos = p + n;
  }

  /** Room for `n` more bytes: a larger buffer holding what was written (a cell longer than the slack). */
  room(n: number): void {
    const next = Buffer.allocUnsafe(Math.max(capacity, (this.pos + n) * 2));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
}

/** Text lines, each after `prefix` and ending in a line end, into `out`: a chunk each time it is full. */
export function* writeLines(out: ByteChunks, prefix: string, lines: Iterable<string>): Generator<Buffer> {
  for (const line of lines) {
    out.text(prefix);
    out.text(line);
    out.byte(10);
    if (out.length >= CHUNK_BYTES) yield out.take();
  }
}
