// Deletions in Zuora (and cancelled billing accounts) propagate: the spooled external ids are resolved to
// Salesforce Ids with SOQL, then deleted in one Bulk API 2.0 delete job. Records already gone (a cascade
// from their master) are not failures.
import { Readable } from 'node:stream';
import type { CsvSpool } from './csv-spool.js';
import { loadObject, type LoadOutcome } from './load-object.js';
import type { SyncDeps } from '../sessions/sync-deps.js';

const soqlChunk = 300;

function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export async function deleteSpooled(
  deps: SyncDeps,
  spool: CsvSpool,
  object: string,
  resumeJobId: string | undefined,
  onJobCreated: (jobId: string) => Promise<void>,
): Promise<{ deleted: number }> {
  const keys = [...new Set(spool.keys(object, 'delete'))];
  const keyField = 'External_Id__c';
  const ids: string[] = [];
  for (let i = 0; i < keys.length; i += soqlChunk) {
    const chunk = keys.slice(i, i + soqlChunk);
    const soql = `SELECT Id FROM ${object} WHERE ${keyField} IN (${chunk.map(soqlString).join(', ')})`;
    const result = await deps.salesforce.query<{ Id: string }>(soql, { autoFetch: true, maxFetch: 100_000 });
    ids.push(...result.records.map((r) => r.Id));
  }
  if (ids.length === 0 && resumeJobId === undefined) return { deleted: 0 };
  const outcome = await deleteByIds(deps, object, ids, resumeJobId, onJobCreated);
  return { deleted: outcome.succeeded };
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
