// Shapes shared by the failure routes: the filter in a query string, and a failure as the API answers it.
import { z } from 'zod';
import type { FailureFilter, FailureRow } from '../../store/failure-queries.js';
import { explain } from '../error-catalog.js';

export const filterQuery = z.object({
  object: z.string().max(120).optional().describe('Salesforce object, e.g. Subscription__c'),
  code: z.string().max(80).optional().describe('error code, e.g. UNABLE_TO_LOCK_ROW'),
  account: z.string().max(64).optional().describe('Zuora billing account id'),
  session: z.string().uuid().optional().describe('the session that last failed it'),
  record: z.string().max(120).optional().describe('Zuora id or external id'),
  entity: z.string().max(64).optional(),
  resolved: z.enum(['include', 'exclude']).default('exclude'),
});

export function toFilter(q: z.infer<typeof filterQuery>): FailureFilter {
  return {
    ...(q.object === undefined ? {} : { object: q.object }),
    ...(q.code === undefined ? {} : { code: q.code }),
    ...(q.account === undefined ? {} : { accountId: q.account }),
    ...(q.session === undefined ? {} : { sessionId: q.session }),
    ...(q.record === undefined ? {} : { recordId: q.record }),
    ...(q.entity === undefined ? {} : { entityId: q.entity }),
    includeResolved: q.resolved === 'include',
  };
}

export const failureBody = z.object({
  id: z.number(),
  object: z.string(),
  zuoraObject: z.string(),
  entityId: z.string(),
  externalId: z.string(),
  zuoraId: z.string().nullable(),
  accountId: z.string().nullable(),
  sessionId: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  attempts: z.number(),
  firstFailedAt: z.string(),
  lastFailedAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export function failureToBody(f: FailureRow): z.infer<typeof failureBody> {
  return {
    id: f.id,
    object: f.salesforceObject,
    zuoraObject: f.stream,
    entityId: f.entityId,
    externalId: f.externalId,
    zuoraId: f.zuoraId,
    accountId: f.accountId,
    sessionId: f.sessionId,
    code: f.code,
    message: f.message,
    attempts: f.attempts,
    firstFailedAt: f.firstFailedAt.toISOString(),
    lastFailedAt: f.lastFailedAt.toISOString(),
    resolvedAt: f.resolvedAt?.toISOString() ?? null,
  };
}

export const explanationBody = z.object({
  title: z.string(),
  explanation: z.string(),
  fix: z.string(),
  retriesAutomatically: z.boolean(),
  zuoraCode: z.string(),
});

export const explainCode = (code: string): z.infer<typeof explanationBody> => ({ ...explain(code) });
