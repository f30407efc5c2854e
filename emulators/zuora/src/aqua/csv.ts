// RFC 4180 CSV cells, built into ~1 MB string chunks so exports of a million rows never hit string limits.
// Chunks stay JS strings until download: turning them into Buffers up front adds hundreds of MB of
// external memory, and each step of that pressure forces a full GC over the whole tenant heap.
import type { FieldValue } from '../model/zuora-record.js';

const needsQuotes = /[",\r\n]/;

export function csvCell(v: FieldValue): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  return needsQuotes.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export class CsvChunks {
  readonly chunks: string[] = [];
  private current = '';
  rows = 0;

  line(cells: string[]): void {
    this.current += cells.join(',') + '\n';
    if (this.current.length > 1_000_000) this.flush();
  }

  row(cells: string[]): void {
    this.line(cells);
    this.rows += 1;
  }

  /** Appends an already joined row (no trailing newline); avoids a cell array per row in big exports. */
  joinedRow(row: string): void {
    this.current += row + '\n';
    this.rows += 1;
    if (this.current.length > 1_000_000) this.flush();
  }

  finish(): string[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.current.length > 0) this.chunks.push(this.current);
    this.current = '';
  }
}
