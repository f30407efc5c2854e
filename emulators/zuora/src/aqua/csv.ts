// RFC 4180 CSV cells, built into ~1 MB chunks so exports of a million rows never hit string limits.
import type { FieldValue } from '../model/zuora-record.js';

export function csvCell(v: FieldValue): string {
  if (v === null) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export class CsvChunks {
  readonly chunks: Buffer[] = [];
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

  finish(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.current.length > 0) this.chunks.push(Buffer.from(this.current, 'utf8'));
    this.current = '';
  }
}
