// Deletions in Zuora (and records of cancelled billing accounts) propagate: the spooled keys are resolved to
// Salesforce Ids with SOQL, then deleted in one Bulk API 2.0 delete job. Records already gone (a cascade
// from their master) are not failures.
import { Readable } from 'node:stream';
import { soqlList } from '../salesforce/soql.js';
import type { CsvSpool } from './csv-spool.js';
import { loadObject, type LoadOutcome } from './load-object.js';
import type { SyncDeps } from '../sessions/sync-deps.js';

const soqlChunk = 300;

export interface DeleteOutcome {
  readonly deleted: number;
  /** Keys whose record is gone now. */
  readonly deletedKeys: readonly string[];
  readonly failures: readonly { readonly key: string; readonly code: string; readonly error: string }[];
}

export async function deleteSpooled(
  deps: SyncDeps,
  spool: CsvSpool,
  object: string,
  resumeJobId: string | undefined,
  onJobCreated: (jobId: string) => Promise<void>,
): Promise<DeleteOutcome> {
  const keys = [...new Set(spool.keys(object, 'delete'))];
  const keyField = spool.header(object, 'delete')[0] ?? 'External_Id__c';
  const keyOf = new Map<string, string>();
  for (let i = 0; i < keys.length; i += soqlChunk) {
    const chunk = keys.slice(i, i + soqlChunk);
    const soql = `SELECT Id, ${keyField} FROM ${object} WHERE ${keyField} IN (${soqlList(chunk)})`;
    const result = await deps.salesforce.query<Record<string, unknown>>(soql, {
      autoFetch: true,
      maxFetch: 100_000,
    });
    for (const r of result.records) keyOf.set(String(r.Id), String(r[keyField]));
  }
  if (keyOf.size === 0 && resumeJobId === undefined) return { deleted: 0, deletedKeys: [], failures: [] };
  const outcome = await deleteByIds(deps, object, [...keyOf.keys()], resumeJobId, onJobCreated);
  const failures = outcome.failures
    .filter((f) => f.code !== 'ENTITY_IS_DELETED')
    .map((f) => ({ key: keyOf.get(f.key) ?? f.key, code: f.code, error: f.error }));
  const failed = new Set(outcome.failures.map((f) => f.key));
  const deletedKeys = [...keyOf.entries()].filter(([id]) => !failed.has(id)).map(([, key]) => key);
  return { deleted: outcome.succeeded, deletedKeys, failures };
}

/** One Bulk API 2.0 delete job over these Salesforce Ids (resumed when a job id is given). */
export function deleteByIds(
  deps: SyncDeps,
  object: string,
  ids: readonly string[],
  resumeJobId: string | undefined,
  onJobCreated: (jobId: string) => Promise<void>,
): Promise<LoadOutcome> {
  const body = `Id\n${ids.join('\n')}\n`;
  return loadObject(deps.salesforce, {
    object,
    operation: 'delete',
    keyField: 'Id',
    csv: () => Readable.from([body]),
    resumeJobId,
    onJobCreated,
    minPollMs: deps.minPollMs ?? 100,
    maxPollMs: deps.maxPollMs ?? 2_000,
  });
}
