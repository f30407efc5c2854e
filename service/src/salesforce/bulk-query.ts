// A whole object read with one Bulk API 2.0 query job: create, poll until JobComplete, then the CSV results in
// pages of up to `pageSize` records followed by their Sforce-Locator, each page parsed as it arrives. Every
// request is counted (calls, result pages), so a caller reports exactly what its read cost. Relationship
// columns come back flat (`Rel__r.Key__c`), blanks as empty cells.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type jsforce from 'jsforce';
import { eachCsvRow, type CsvRow } from '../csv/csv-rows.js';

export interface BulkQueryCost {
  calls: number;
  pages: number;
}

async function call(
  conn: jsforce.Connection,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const url = `${conn.instanceUrl}/services/data/v${conn.version}${path}`;
  const res = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${conn.accessToken ?? ''}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok)
    throw new Error(
      `Bulk API 2.0 query ${method} ${path} answered ${String(res.status)}: ${await res.text()}`,
    );
  return res;
}

export async function bulkQuery(
  conn: jsforce.Connection,
  soql: string,
  onRow: (row: CsvRow) => void,
  options: { pageSize?: number; minPollMs?: number; maxPollMs?: number } = {},
): Promise<BulkQueryCost> {
  const cost: BulkQueryCost = { calls: 1, pages: 0 };
  const created = (await (
    await call(conn, 'POST', '/jobs/query', { operation: 'query', query: soql })
  ).json()) as {
    id: string;
  };
  let wait = options.minPollMs ?? 50;
  for (;;) {
    const job = (await (await call(conn, 'GET', `/jobs/query/${created.id}`)).json()) as {
      state: string;
      errorMessage?: string;
    };
    cost.calls += 1;
    if (job.state === 'JobComplete') break;
    if (job.state === 'Failed' || job.state === 'Aborted')
      throw new Error(`Bulk API 2.0 query job ${created.id} ${job.state}: ${job.errorMessage ?? ''}`);
    await sleep(wait);
    wait = Math.min(wait * 2, options.maxPollMs ?? 2_000);
  }
  let locator: string | null = null;
  do {
    const query = `maxRecords=${String(options.pageSize ?? 10_000)}${locator === null ? '' : `&locator=${locator}`}`;
    const res = await call(conn, 'GET', `/jobs/query/${created.id}/results?${query}`);
    cost.calls += 1;
    cost.pages += 1;
    await eachCsvRow(Readable.from([await res.text()]), onRow);
    const next = res.headers.get('sforce-locator');
    locator = next === null || next === 'null' || next === '' ? null : next;
  } while (locator !== null);
  return cost;
}
