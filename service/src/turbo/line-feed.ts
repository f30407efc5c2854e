// Turbo Sync's fast path from an AQuA file to the spool (issue 19): a record every map takes as it is goes to each
// map's upsert line (StreamRouter.lines, .bytes); any other is built as a row and routed the generic way, in order.
import type { OnRecord } from '../csv/csv-record-scanner.js';
import type { LineReader } from '../csv/csv-line-reader.js';
import type { LineFields } from '../csv/line-fields.js';
import { rowBuilder } from '../csv/csv-rows.js';
import type { RoutedMap, StreamRouter } from '../mapping/record-router.js';
import type { ZuoraRow } from '../mapping/record-rules.js';
import type { SpoolOutput } from './spool-output.js';
import type { StagedRouter } from './staged-router.js';

/** The fast path of one file: answers whether it routed a record (false: the generic path routes it); `bytes`
 * takes a clean ASCII line as it was read (csv/csv-line-reader.ts). */
export interface LinesOf {
  (header: readonly string[]): ((fields: readonly string[], clean: boolean) => boolean) | undefined;
  bytes?: (header: readonly string[]) => ((line: LineFields) => boolean) | undefined;
}

/** A stream's fast path into `output`; typed rows are kept while the session is small, so it starts once the
 * session is large. */
export function linesInto(router: StreamRouter, staged: StagedRouter, output: SpoolOutput): LinesOf {
  const lines: LinesOf = (header) => {
    const taken = router.lines(header, (route, line) => output.upsertLine(route, line));
    if (taken === undefined) return undefined;
    return (fields, clean) => {
      if (!output.large || !taken(fields, clean)) return false;
      staged.records += 1;
      return true;
    };
  };
  lines.bytes = (header) => {
    const write = (route: RoutedMap, line: Buffer, length: number) => output.upsertBytes(route, line, length);
    const taken = router.bytes(header, write, () => output.skippedIn(router.routes));
    if (taken === undefined) return undefined;
    return (line) => {
      if (!output.large || !taken(line)) return false;
      staged.records += 1;
      return true;
    };
  };
  return lines;
}

/** A file's records through `lines` where it takes them, the rest as rows to `onRow`. */
export function recordsOf(onRow: (row: ZuoraRow) => void, lines: LinesOf | undefined) {
  return (header: string[]): OnRecord => {
    const build = rowBuilder(header);
    const taken = lines?.(header);
    if (taken === undefined) return (fields) => onRow(build(fields));
    return (fields, clean) => {
      if (!taken(fields, clean)) onRow(build(fields));
    };
  };
}

/** recordsOf's records, with the clean ASCII lines the fast path takes as bytes (csv/csv-line-reader.ts). */
export function readersOf(onRow: (row: ZuoraRow) => void, lines: LinesOf | undefined) {
  const records = recordsOf(onRow, lines);
  return (header: string[]): LineReader => ({ record: records(header), line: lines?.bytes?.(header) });
}
