// RFC 4180 CSV cells for AQuA result files (formatted in ~1 MB string chunks as a file downloads).
import type { FieldValue } from '../model/zuora-record.js';

const needsQuotes = /[",\r\n]/;

export function csvCell(v: FieldValue): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  return needsQuotes.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
