// Write only what changed (SYNC_SKIP_UNCHANGED=on): before a pass sends an object's records, they are compared
// with Salesforce's current values (compare/, the dry run's comparison) and the records Salesforce already
// holds as mapped are left out, so an incremental sync after a bill run spends calls on real changes only.
// The records left out are counted per object for the session summary. Deletions are always sent.
import { Readable } from 'node:stream';
import type { PreparedObject } from '../api-sync/composite-writer.js';
import { DiffBuilder, type DesiredRow } from '../compare/compare-rows.js';
import { keysPerQuery, readCurrentValues } from '../compare/current-values.js';
import { csvCell } from '../csv/spool-writer.js';
import type { LoadPass } from '../sessions/load-plan.js';
import { spooledRows } from './desired-rows.js';
import { columnsOf, desiredRowOf } from '../compare/field-changes.js';
import type { MemoryRows } from './spool-output.js';
import type { TurboRun } from './turbo-run.js';

/** The keys of `rows` whose write would change Salesforce. */
async function changingKeys(
  run: TurboRun,
  object: string,
  keyField: string,
  rows: readonly DesiredRow[],
): Promise<Set<string>> {
  const builder = new DiffBuilder(run.deps.schema, object, keyField);
  const changing = new Set<string>();
  for (let i = 0; i < rows.length; i += keysPerQuery) {
    const slice = rows.slice(i, i + keysPerQuery);
    const columns = columnsOf(slice, keyField);
    const keys = slice.map((r) => r.key);
    const current = await readCurrentValues(run.deps.salesforce, object, keyField, columns, keys);
    for (const key of builder.add(slice, current.records)) changing.add(key);
  }
  return changing;
}

function noteSkipped(run: TurboRun, object: string, skipped: number): void {
  if (skipped > 0) run.skipped[object] = (run.skipped[object] ?? 0) + skipped;
}

/** A small session's typed rows of a pass, without the records Salesforce holds as mapped. */
export async function changedMemory(run: TurboRun, pass: LoadPass, memory: MemoryRows): Promise<MemoryRows> {
  if (pass === 'delete') return memory;
  const kept = new Map<string, PreparedObject>();
  for (const [object, prepared] of memory) {
    const records = pass === 'upsert' ? prepared.upserts : prepared.deferred;
    const changing = await changingKeys(run, object, prepared.keyField, records.map(desiredRowOf));
    const sent = records.filter((r) => changing.has(r.key));
    noteSkipped(
      run,
      pass === 'upsert' ? object : `${object} (deferred references)`,
      records.length - sent.length,
    );
    kept.set(object, { ...prepared, [pass === 'upsert' ? 'upserts' : 'deferred']: sent });
  }
  return kept;
}

/** A spool part without the records Salesforce holds as mapped (nor those `leftOut`, held back): its CSV, and how many rows it kept. */
export async function changedPart(
  run: TurboRun,
  object: string,
  pass: 'upsert' | 'deferred',
  part: number,
  leftOut: ReadonlySet<number> = new Set(),
): Promise<{ readonly csv: () => Readable; readonly rows: number }> {
  const columns = run.spool.header(object, pass, part);
  const rows = await spooledRows(run.spool, object, pass, part, leftOut);
  const changing = await changingKeys(run, object, columns[0] ?? '', rows);
  const sent = rows.filter((r) => changing.has(r.key));
  noteSkipped(run, pass === 'upsert' ? object : `${object} (deferred references)`, rows.length - sent.length);
  const relationship = columns.map((c) => c.includes('.'));
  const lines = sent.map((r) => columns.map((c, i) => csvCell(r.row[c], relationship[i] ?? false)).join(','));
  const text = `${columns.map((c) => csvCell(c, false)).join(',')}\n${lines.join('\n')}\n`;
  return { csv: () => Readable.from([text]), rows: sent.length };
}
