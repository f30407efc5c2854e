// Result rows written as text in ~1 MB chunks while a file downloads: delimited (CSV, TSV, any one-character
// separator, RFC 4180 quoting), JSON Lines (Data Query's JSON output: https://jsonlines.org/) or an HTML table
// (a CRUD export with Format html).
import type { FieldValue } from '../model/zuora-record.js';
import type { Column, Row } from '../query/select-columns.js';

function chunked(lines: () => Iterable<string>): () => Generator<string> {
  return function* text(): Generator<string> {
    let current = '';
    for (const line of lines()) {
      current += line;
      if (current.length > 1_000_000) {
        yield current;
        current = '';
      }
    }
    if (current !== '') yield current;
  };
}

function delimitedCell(v: FieldValue, separator: string): string {
  if (v === null) return '';
  const s = String(v);
  return s.includes(separator) || s.includes('"') || s.includes('\n') || s.includes('\r')
    ? `"${s.replace(/"/g, '""')}"`
    : s;
}

export function delimitedText(
  columns: readonly Column[],
  headers: readonly string[],
  rows: readonly Row[],
  separator: string,
): () => Generator<string> {
  return chunked(function* lines() {
    yield `${headers.map((h) => delimitedCell(h, separator)).join(separator)}\n`;
    for (const row of rows)
      yield `${columns.map((c) => delimitedCell(c.getter(row), separator)).join(separator)}\n`;
  });
}

export function jsonLinesText(
  columns: readonly Column[],
  names: readonly string[],
  rows: readonly Row[],
): () => Generator<string> {
  return chunked(function* lines() {
    for (const row of rows) {
      const o: Record<string, FieldValue> = {};
      columns.forEach((c, i) => {
        o[names[i] ?? c.label] = c.getter(row);
      });
      yield `${JSON.stringify(o)}\n`;
    }
  });
}

const html = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function htmlTableText(
  columns: readonly Column[],
  headers: readonly string[],
  rows: readonly Row[],
): () => Generator<string> {
  return chunked(function* lines() {
    yield `<html><body><table>\n<tr>${headers.map((h) => `<th>${html(h)}</th>`).join('')}</tr>\n`;
    for (const row of rows)
      yield `<tr>${columns.map((c) => `<td>${html(String(c.getter(row) ?? ''))}</td>`).join('')}</tr>\n`;
    yield '</table></body></html>\n';
  });
}
