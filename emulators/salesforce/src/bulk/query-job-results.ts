import type { FastifyReply } from 'fastify';
import { sendError } from '../http/sf-reply.js';
import { flatRowReader } from '../rest/record-json.js';
import type { RecordsResult } from '../soql/query-result.js';
import type { RecordStore } from '../store/record-store.js';
import { textOf } from '../text-of.js';
import type { QueryJob } from './bulk-jobs.js';
import { csvLine } from './csv-reader.js';

// One page of a Bulk API 2.0 query job's results: CSV with `Sforce-Locator` ('null' on the last page)
// and `Sforce-NumberOfRecords`, at most `maxRecords` rows.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm

export function sendResultsPage(
  reply: FastifyReply,
  store: RecordStore,
  job: QueryJob,
  result: RecordsResult,
  query: { locator?: string; maxRecords?: string },
  defaultPageSize: number,
) {
  const start = query.locator ? Number.parseInt(Buffer.from(query.locator, 'base64url').toString(), 10) : 0;
  if (!Number.isInteger(start) || start < 0 || start > result.rows.length)
    return sendError(reply, 400, 'INVALIDLOCATOR', `Invalid locator: ${query.locator ?? ''}`);
  const maxRecords = query.maxRecords === undefined ? defaultPageSize : Number(query.maxRecords);
  if (!Number.isInteger(maxRecords) || maxRecords < 1)
    return sendError(
      reply,
      400,
      'INVALID_MAXRECORDS',
      `maxRecords must be a positive integer: ${query.maxRecords ?? ''}`,
    );
  const end = Math.min(result.rows.length, start + maxRecords);
  const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const row = flatRowReader(store, result.columns);
  const header = result.columns.flatMap((c) => (c.kind === 'field' ? [c.path.text] : []));
  const lines = [csvLine(header, job.delimiter)];
  for (let i = start; i < end; i += 1) lines.push(csvLine(row(result.rows[i]!), job.delimiter));
  const next = end < result.rows.length ? Buffer.from(textOf(end)).toString('base64url') : 'null';
  return reply
    .header('content-type', 'text/csv')
    .header('sforce-locator', next)
    .header('sforce-numberofrecords', textOf(end - start))
    .send(Buffer.from(lines.join(eol) + eol)); // bytes: no Buffer.byteLength pass for Content-Length
}
