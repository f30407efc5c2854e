// A map's fast path straight to the Bulk CSV line (Turbo Sync, issue 19): one function per map and file
// header that reads each column from the record's CSV fields by index, transforms it and joins the cells as
// the spool writer encodes a row (csv/spool-writer.ts's rowEncoder), with no record or row object between.
// It answers undefined where compiled-row.ts's fastRows would, and the record is then routed the generic way.
import { csvCell } from '../csv/spool-writer.js';
import type { FastColumn } from './compiled-row.js';
import { isNumberCell } from './transforms/number-cell.js';
import { transforms } from './transforms/transform-registry.js';
import { TransformFailure, type Transform } from './transforms/transform-result.js';

/** The Bulk CSV line (no line feed) of a record's fields, or undefined: the generic path says why. `clean`:
 * no field holds a character CSV quotes (csv-record-scanner.ts's OnRecord). */
export type LineBuilder = (fields: readonly string[], clean: boolean) => string | undefined;

/** Transforms whose string is the value read or a part of it: from a clean line, it needs no quotes. */
const verbatim: ReadonlySet<Transform | undefined> = new Set([
  transforms.text,
  transforms.picklist,
  transforms.abbreviatedName,
]);

/** Records over which a cached column counts its hits, and the share of hits (one in `rare`) that keeps it. */
const trial = 1024;
const rare = 8;

/** What a column reads: the session's entity, or the field of the header that a record built from it reads
 * for the path (the last of a repeated name, as csv-rows.ts builds rows); undefined when it reads neither. */
function readerAt(c: FastColumn, index: ReadonlyMap<string, number>): string | undefined {
  if (c.read === 'entityId') return 'entityId';
  const at = c.path === undefined ? undefined : index.get(c.path);
  return at === undefined ? undefined : `f[${String(at)}] ?? ''`;
}

/** Each name's place in the header, or undefined where no line can be built from it: no columns, a column
 * name repeated, `__proto__` (compiled-bytes.ts's builders too). */
export function headerIndex(
  columns: readonly FastColumn[],
  header: readonly string[],
): ReadonlyMap<string, number> | undefined {
  const names = new Set(columns.map((c) => c.name));
  if (columns.length === 0 || names.size !== columns.length || names.has('__proto__')) return undefined;
  if (header.includes('__proto__')) return undefined;
  return new Map(header.map((name, i) => [name, i]));
}

/**
 * Undefined when a column cannot be read from the header alone (a joined value, a path the file lacks) or
 * has no transform, or when names repeat: those records keep the generic path.
 */
export function compileLine(
  columns: readonly FastColumn[],
  plain: ReadonlySet<string>,
  header: readonly string[],
  entityId: string | null,
): LineBuilder | undefined {
  const index = headerIndex(columns, header);
  if (index === undefined) return undefined;
  const state: string[] = [];
  const lines: string[] = [];
  const cells: string[] = [];
  for (const [i, c] of columns.entries()) {
    const read = readerAt(c, index);
    if (read === undefined || c.transform === undefined) return undefined;
    const at = String(i);
    const [v, t, k, o, n] = [`v${at}`, `t${at}`, `k${at}`, `o${at}`, `c${at}`];
    // The last value that mapped and its cell: a repeated value (a record's dates, an invoice's charges'
    // amounts) is neither transformed nor encoded again. Transforms are pure, so the cell is the same. Not
    // for plain text, whose transform costs less than the comparison: a value of 13 characters or more is
    // cut from the chunk as a sliced string, which V8 compares through a runtime call (ids, names).
    // A value that seldom repeats (an id, a record's own timestamps) pays the comparison for nothing: the
    // first `trial` records of the file decide, and below one hit in `rare` the column stops comparing
    // (`left`: records of the trial left; 0 once off, -1 once kept).
    const cached = c.transform !== transforms.text;
    const [left, hits] = [`l${at}`, `h${at}`];
    if (cached) state.push(`let ${k}, ${o}, ${left} = ${String(trial)}, ${hits} = 0;`);
    lines.push(`const ${v} = ${read};`);
    lines.push(
      ...(cached ? [`let ${n} = ${o};`, `if (${left} === 0 || ${v} !== ${k}) {`] : [`let ${n};`, '{']),
    );
    if (c.missingCode !== undefined) lines.push(`if (${v} === null || ${v} === '') return;`);
    // A number written as it prints is its own cell (number-cell.ts): neither parsed nor printed again.
    const asText = c.transform === transforms.number && c.read !== 'entityId';
    if (asText) lines.push(`if (isNumberCell(${v}, field[${at}])) ${n} = ${v};`, 'else {');
    lines.push(`const ${t} = transform[${at}](${v}, field[${at}]);`);
    lines.push(`if (${t} instanceof Failure) return;`);
    const call = `cell(${t}, ${String(c.name.includes('.'))})`;
    if (plain.has(c.name)) lines.push(`${n} = typeof ${t} === 'string' ? ${t} : ${call};`);
    // From a clean line such a string is its cell (cell() would answer it as it is): the cell of the value.
    else if (verbatim.has(c.transform) && c.read !== 'entityId')
      lines.push(`${n} = clean && typeof ${t} === 'string' ? ${t} : ${call};`);
    else lines.push(`${n} = ${call};`);
    if (asText) lines.push('}');
    if (cached) lines.push(`if (${left} !== 0) { ${k} = ${v}; ${o} = ${n}; }`, `} else ${hits} += 1;`);
    else lines.push('}');
    if (cached)
      lines.push(
        `if (${left} > 0 && --${left} === 0 && ${hits} * ${String(rare)} >= ${String(trial)}) ${left} = -1;`,
      );
    cells.push(n);
  }
  const body = `${state.join('\n')}\nreturn function line(f, clean) {\n${lines.join('\n')}\nreturn [${cells.join(', ')}].join(',');\n};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated once per map and file from field indexes; functions and fields come in as arguments, never as code
  const factory = new Function('transform', 'field', 'entityId', 'Failure', 'cell', 'isNumberCell', body) as (
    ...args: unknown[]
  ) => LineBuilder;
  return factory(
    columns.map((c) => c.transform),
    columns.map((c) => c.field),
    entityId,
    TransformFailure,
    csvCell,
    isNumberCell,
  );
}
