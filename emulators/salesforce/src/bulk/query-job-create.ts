import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import type { RecordsResult } from '../soql/query-result.js';
import { runQuery } from '../soql/run-query.js';
import { parseSoql } from '../soql/soql-parser.js';
import { textOf } from '../text-of.js';
import type { BulkJobs, QueryJob } from './bulk-jobs.js';
import { bulkQueryRefusal, compoundRefusal } from './bulk-query-support.js';
import { delimiters } from './csv-reader.js';

// Creating a Bulk API 2.0 query job: the SOQL is parsed and bound at once, so unknown objects and
// fields and what Bulk query does not support fail the create call; at most 10,000 jobs in a
// rolling 24 hours. https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_create_job.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm

function run(ctx: EmulatorContext, soql: string, operation: 'query' | 'queryAll'): RecordsResult {
  const result = runQuery(ctx.store, parseSoql(soql), { includeDeleted: operation === 'queryAll', soql });
  if (result.kind !== 'records') throw new Error('Bulk query jobs refuse aggregate queries at creation');
  return result;
}

/** Validates the request and starts the job; answers an error itself and returns null when refused. */
export function createQueryJob(
  ctx: EmulatorContext,
  jobs: BulkJobs,
  request: FastifyRequest,
  reply: FastifyReply,
): QueryJob | null {
  const refuse = (code: string, message: string) => {
    void sendError(reply, 400, code, message);
    return null;
  };
  const body = parseJsonObject(request.body);
  const operation = body.operation ?? 'query';
  if (operation !== 'query' && operation !== 'queryAll')
    return refuse('INVALIDJOB', `InvalidJob : Invalid operation: ${textOf(operation)}`);
  if (typeof body.query !== 'string') return refuse('INVALIDJOB', 'InvalidJob : query is required');
  const soql = body.query;
  const parsed = parseSoql(soql);
  const refusal = bulkQueryRefusal(parsed);
  if (refusal) return refuse('API_ERROR', refusal);
  const bound = runQuery(ctx.store, { ...parsed, limit: 0 }, { includeDeleted: false, soql });
  const compound = bound.kind === 'records' ? compoundRefusal(bound) : null;
  if (compound) return refuse('API_ERROR', compound);
  const columnDelimiter = typeof body.columnDelimiter === 'string' ? body.columnDelimiter : 'COMMA';
  const delimiter = delimiters[columnDelimiter];
  if (!delimiter) return refuse('INVALIDJOB', `InvalidJob : Invalid column delimiter: ${columnDelimiter}`);
  if (ctx.usage.queryJobsRemaining === 0)
    return refuse('LIMIT_EXCEEDED', 'Max bulk v2 query jobs (10000) per 24 hrs has been reached');
  ctx.usage.queryJobWindow.add();
  const now = ctx.store.now();
  const job: QueryJob = {
    id: jobs.nextId(),
    operation,
    object: parsed.from,
    query: soql,
    state: 'UploadComplete',
    createdById: ctx.actingUserId,
    createdDate: now,
    systemModstamp: now,
    apiVersion: Number(apiVersionOf(request.params)),
    delimiter,
    columnDelimiter,
    lineEnding: body.lineEnding === 'CRLF' ? 'CRLF' : 'LF',
    result: null,
    startedAt: 0,
    finishedAt: 0,
  };
  jobs.queries.set(job.id, job);
  jobs.runQuery(job, () => run(ctx, soql, operation));
  return job;
}
