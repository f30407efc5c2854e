// The rows of a plain export written straight into the chunk's buffer: per cell a few reads of the
// column's arrays (column-view.ts) and a copy of its bytes four at a time (a dictionary cell from its
// encoded words, cell-arena.ts; an id as eight words of four hex digits), instead of a call through a
// closure per cell and a store per byte. The arrays are taken again each time the loop resumes after handing out a chunk (the
// store may have been written meanwhile), so a row reads as it is when its chunk is written, as before.
// A joined cell (`Account.CrmId`) is written once per run of rows naming the same record through the
// first hop's id (an account's invoice items): within a chunk nothing is written, so the same id joins
// the same value. Rows whose shape lacks a field, and cells no view holds, go through the cell writers.
import type { FieldValue } from '../model/zuora-record.js';
import type { CellWriter, Column } from '../store/columns.js';
import {
  ColumnView,
  VIEW_CODES16,
  VIEW_CODES32,
  VIEW_CODES8,
  VIEW_HEX,
  VIEW_PLAIN,
} from '../store/column-view.js';
import { CHUNK_BYTES, type ByteChunks } from './byte-chunks.js';
import { CellArena } from './cell-arena.js';

const digits = '0123456789abcdef';
/** Per 16-bit value, its four hex digits as one little-endian word (an id is eight of them). */
const hex4 = Uint32Array.from({ length: 65536 }, (_, v) => {
  let word = 0;
  for (let d = 0; d < 4; d += 1) word |= digits.charCodeAt((v >>> (12 - d * 4)) & 15) << (d * 8);
  return word >>> 0;
});

/** Room every cell starts with: an id (32 bytes), a comma and a short cell need no other check. */
const SLACK = 64;

/** Words are stored whole: a cell's last word may write up to 3 bytes past it (written over next). */
const viewOf = (buf: Uint8Array): DataView => new DataView(buf.buffer, buf.byteOffset, buf.byteLength);

/** One output column: an own field's column, or a joined field (its writer, keyed by its first hop's id). */
export class KernelColumn {
  readonly view = new ColumnView();
  readonly arena: CellArena;
  /** For a joined column: the first hop's reference column, viewed as the rows are. */
  readonly refView = new ColumnView();
  private readonly lastWords = new Uint32Array(4);
  private cached = false;
  private cache = new Uint32Array(16);
  private cacheLength = 0;

  constructor(
    /** An own field's column as it is now (undefined: a joined column). */
    private readonly columnOf: (() => Column | undefined) | undefined,
    /** A joined column's writer, and the *Id column of this table its first hop follows. */
    private readonly joined: { write: CellWriter; ref: () => Column | undefined } | undefined,
    private readonly cell: (v: FieldValue) => string,
  ) {
    this.arena = new CellArena(cell);
  }

  /** Takes the columns' arrays as they are now and forgets the joined cell kept (see the module comment). */
  refresh(): void {
    const column = this.columnOf?.();
    if (column === undefined) {
      this.view.clear();
      this.view.kind = 0;
      this.view.get = () => null;
    } else column.view(this.view);
    const ref = this.joined?.ref();
    if (ref === undefined) {
      this.refView.clear();
      this.refView.kind = 0;
    } else ref.view(this.refView);
    this.cached = false;
  }

  /** Writes a cell no view holds as bytes: a joined cell, or an own value formatted by `cell`. */
  write(row: number, out: ByteChunks): void {
    if (this.joined !== undefined) this.joined.write(row, out);
    else out.text(this.cell(this.view.get(row)));
  }

  /** Whether the row's first hop names the record the kept joined cell was written for. */
  joinsKept(row: number): boolean {
    if (!this.cached) return false;
    const v = this.refView;
    if (v.tags[row] !== 1) return false;
    const w = v.words;
    const at = row * 4;
    const last = this.lastWords;
    return w[at] === last[0] && w[at + 1] === last[1] && w[at + 2] === last[2] && w[at + 3] === last[3];
  }

  /** Keeps the joined cell just written (`buf` from..to) for the row's first-hop id, when it is a packed id. */
  keep(row: number, buf: Uint8Array, from: number, to: number): void {
    const v = this.refView;
    if (v.kind !== VIEW_HEX || v.tags[row] !== 1) {
      this.cached = false;
      return;
    }
    this.lastWords.set(v.words.subarray(row * 4, row * 4 + 4));
    const n = to - from;
    const count = (n + 3) >>> 2;
    if (count > this.cache.length) this.cache = new Uint32Array(count * 2);
    for (let w = 0; w < count; w += 1) {
      let word = 0;
      for (let b = 3; b >= 0; b -= 1) {
        const i = from + w * 4 + b;
        word = (word << 8) | (i < to ? (buf[i] as number) : 0);
      }
      this.cache[w] = word >>> 0;
    }
    this.cacheLength = n;
    this.cached = true;
  }

  get kept(): Uint32Array {
    return this.cache;
  }

  get keptLength(): number {
    return this.cacheLength;
  }
}

/**
 * Writes the rows, each after `prefix` and ending in a line end, into `out`: a chunk each time it is full.
 * `has` says whether a row's shape holds every own field (and each joined column's first hop); rows it
 * refuses are written by `checked`, one writer per column.
 */
export function* writeKernelRows(
  out: ByteChunks,
  rows: readonly number[],
  prefix: Uint8Array,
  columns: readonly KernelColumn[],
  has: (row: number) => boolean,
  checked: readonly CellWriter[],
): Generator<Buffer> {
  let k = 0;
  while (k < rows.length) {
    for (const c of columns) c.refresh();
    k = fill(out, rows, k, prefix, columns, has, checked);
    if (out.pos >= CHUNK_BYTES) yield out.take();
  }
}

/**
 * Writes rows from `k` on until the chunk is full or the rows end; returns the next row's index. One plain
 * function with every place in locals (no closure over them), so the loop keeps them in registers.
 */
function fill(
  out: ByteChunks,
  rows: readonly number[],
  start: number,
  prefix: Uint8Array,
  columns: readonly KernelColumn[],
  has: (row: number) => boolean,
  checked: readonly CellWriter[],
): number {
  const n = columns.length;
  let buf = out.buf;
  let dv = viewOf(buf);
  let p = out.pos;
  let k = start;
  for (; k < rows.length && p < CHUNK_BYTES; k += 1) {
    const row = rows[k] as number;
    if (p + prefix.length + SLACK > buf.length) {
      out.pos = p;
      out.room(prefix.length + SLACK);
      buf = out.buf;
      dv = viewOf(buf);
    }
    for (let i = 0; i < prefix.length; i += 1) buf[p + i] = prefix[i] as number;
    p += prefix.length;
    if (!has(row)) {
      out.pos = p;
      for (let i = 0; i < n; i += 1) {
        if (i > 0) out.byte(44); // ','
        (checked[i] as CellWriter)(row, out);
      }
      out.byte(10); // '\n'
      if (out.buf !== buf) {
        buf = out.buf;
        dv = viewOf(buf);
      }
      p = out.pos;
      continue;
    }
    for (let i = 0; i < n; i += 1) {
      if (p + SLACK > buf.length) {
        out.pos = p;
        out.room(SLACK);
        buf = out.buf;
        dv = viewOf(buf);
      }
      if (i > 0) {
        buf[p] = 44; // ','
        p += 1;
      }
      const c = columns[i] as KernelColumn;
      const v = c.view;
      const kind = v.kind;
      let code = -1;
      if (kind === VIEW_HEX) {
        if (v.tags[row] === 1) {
          const w = v.words;
          const at = row * 4;
          for (let j = 0; j < 4; j += 1) {
            const x = w[at + j] as number;
            dv.setUint32(p, hex4[x >>> 16] as number, true);
            dv.setUint32(p + 4, hex4[x & 0xffff] as number, true);
            p += 8;
          }
          continue;
        }
      } else if (kind === VIEW_CODES8) code = row < v.codes8.length ? (v.codes8[row] as number) : 0;
      else if (kind === VIEW_CODES16) code = row < v.codes16.length ? (v.codes16[row] as number) : 0;
      else if (kind === VIEW_CODES32) code = row < v.codes32.length ? (v.codes32[row] as number) : 0;
      else if (kind === VIEW_PLAIN) {
        const value = row < v.plain.length ? (v.plain[row] ?? null) : null;
        if (typeof value === 'string' && value.length <= SLACK) {
          // A cell that needs no quoting and is all ASCII is its own bytes (csv.ts); else the writer.
          let j = 0;
          for (; j < value.length; j += 1) {
            const ch = value.charCodeAt(j);
            if (ch >= 0x80 || ch === 44 || ch === 34 || ch === 10 || ch === 13) break;
            buf[p + j] = ch;
          }
          if (j === value.length) {
            p += j;
            continue;
          }
        }
      } else if (c.joinsKept(row)) {
        const kept = c.kept;
        const len = c.keptLength;
        if (p + len + 4 > buf.length) {
          out.pos = p;
          out.room(len + 4);
          buf = out.buf;
          dv = viewOf(buf);
        }
        for (let w = 0, end = (len + 3) >>> 2; w < end; w += 1)
          dv.setUint32(p + w * 4, kept[w] as number, true);
        p += len;
        continue;
      } else {
        out.pos = p;
        c.write(row, out);
        if (out.buf !== buf) {
          buf = out.buf;
          dv = viewOf(buf);
        }
        c.keep(row, buf, p, out.pos);
        p = out.pos;
        continue;
      }
      if (code >= 0) {
        const arena = c.arena;
        const sizes = arena.sizes;
        if (code >= sizes.length || sizes[code] === 0) arena.encode(code, v.dict[code] ?? null);
        const len = (arena.sizes[code] as number) - 1;
        if (p + len + 4 > buf.length) {
          out.pos = p;
          out.room(len + 4);
          buf = out.buf;
          dv = viewOf(buf);
        }
        const words = arena.words;
        let q = p;
        for (let w = arena.starts[code] as number, end = w + ((len + 3) >>> 2); w < end; w += 1) {
          dv.setUint32(q, words[w] as number, true);
          q += 4;
        }
        // The cell ends at p + len: its last word's padding is written over next.
        p += len;
        continue;
      }
      // A cell no view holds as bytes (a row without a packed id, a long or odd plain value).
      out.pos = p;
      c.write(row, out);
      if (out.buf !== buf) {
        buf = out.buf;
        dv = viewOf(buf);
      }
      p = out.pos;
    }
    if (p + 1 > buf.length) {
      out.pos = p;
      out.room(1);
      buf = out.buf;
      dv = viewOf(buf);
    }
    buf[p] = 10; // '\n'
    p += 1;
  }
  out.pos = p;
  return k;
}
