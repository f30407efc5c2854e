// A map's fast path, generated once per compiled map: one function that reads each column, transforms it and
// builds the row as one object literal (constant keys: one hidden class, no per-field generic dispatch). It
// answers undefined as soon as a column is blank where it must not be or its transform fails, and the caller
// maps the record again the generic way to describe every error; a record that maps is mapped identically.
import type { Accessor, ZuoraRecord } from './record-path.js';
import type { SalesforceField } from './salesforce-schema.js';
import { TransformFailure, type CellValue, type Transform } from './transforms/transform-result.js';

export interface FastColumn {
  readonly name: string;
  readonly read: Accessor | 'entityId';
  readonly path?: string;
  readonly transform: Transform | undefined;
  readonly field: SalesforceField;
  readonly missingCode?: string;
}

/** The mapped record, already as mapRecord's result (one object less per record). */
export type FastRows = (record: ZuoraRecord) =>
  | {
      readonly ok: true;
      readonly row: Record<string, CellValue>;
      readonly deferred: Record<string, CellValue> | null;
    }
  | undefined;

/** A constant-key load where the column reads one path (as record-path.ts's accessor reads it). */
function reader(c: FastColumn, i: number): string {
  const call = `read[${String(i)}](record)`;
  if (c.path === undefined) return call;
  const key = JSON.stringify(c.path);
  return c.path.includes('.') ? `(${key} in record ? record[${key}] : ${call})` : `record[${key}]`;
}

/** Undefined when a column has no transform (every record fails: the generic path says why). */
export function compileFastRows(
  keyName: string,
  main: readonly FastColumn[],
  deferred: readonly FastColumn[],
  entityId: string | null,
): FastRows | undefined {
  const all = [...main, ...deferred];
  // `__proto__` in a literal would set the prototype rather than a field.
  if (all.some((c) => c.transform === undefined || c.name === '__proto__')) return undefined;
  const lines: string[] = [];
  all.forEach((c, i) => {
    const read = c.read === 'entityId' ? 'entityId' : reader(c, i);
    lines.push(`const v${String(i)} = ${read};`);
    if (c.missingCode !== undefined)
      lines.push(
        `if (v${String(i)} === null || v${String(i)} === undefined || v${String(i)} === '') return;`,
      );
    lines.push(`const t${String(i)} = transform[${String(i)}](v${String(i)}, field[${String(i)}]);`);
    lines.push(`if (t${String(i)} instanceof Failure) return;`);
  });
  // Keys as JSON string literals (valid JavaScript): a column name can never become code.
  const entry = (c: FastColumn, i: number) => `${JSON.stringify(c.name)}: t${String(i)}`;
  const rowLiteral = `{ ${main.map(entry).join(', ')} }`;
  const key = JSON.stringify(keyName);
  const deferredLiteral =
    deferred.length === 0
      ? 'null'
      : `{ ${key}: row[${key}] ?? null, ${deferred.map((c, i) => entry(c, main.length + i)).join(', ')} }`;
  const body = `return function fastRows(record) {\n${lines.join('\n')}\nconst row = ${rowLiteral};\nreturn { ok: true, row, deferred: ${deferredLiteral} };\n};`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated once per map from column names quoted as JSON literals; functions and fields come in as arguments, never as code
  const factory = new Function('read', 'transform', 'field', 'entityId', 'Failure', body) as (
    ...args: unknown[]
  ) => FastRows;
  return factory(
    all.map((c) => c.read),
    all.map((c) => c.transform),
    all.map((c) => c.field),
    entityId,
    TransformFailure,
  );
}
