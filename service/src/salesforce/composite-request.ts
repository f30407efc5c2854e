// One Composite request (one API call) carrying up to 25 subrequests, of which at most 5 may be sObject
// Collections or query operations; subrequests run in order, so a collection of children placed after its
// parents' collection sees them (references by external id resolve). allOrNone is false everywhere: each
// record succeeds or fails on its own and the per-record SaveResults come back in order. Transient failures
// are retried; REQUEST_LIMIT_EXCEEDED becomes ApiBudgetExhaustedError.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite.htm
import { setTimeout as sleep } from 'node:timers/promises';
import type jsforce from 'jsforce';
import { ApiBudgetExhaustedError, type ApiBudgetGovernor } from './api-budget.js';

export const maxCollectionRecords = 200;
export const maxCollectionsPerComposite = 5;

export interface RecordWriteResult {
  readonly success: boolean;
  readonly id: string | null;
  readonly created: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** When Salesforce answered the Composite request that carried the record. */
  readonly committedAt: string;
}

export interface CompositeWriter {
  readonly conn: jsforce.Connection;
  readonly governor: ApiBudgetGovernor;
  /** Who writes (on-demand, real-time): named in the governor's warning. */
  readonly caller: string;
  readonly now?: () => Date;
}

export interface SubRequest {
  readonly method: 'PATCH' | 'GET' | 'DELETE';
  readonly url: string;
  readonly referenceId: string;
  readonly body?: unknown;
}

export interface SubResponse {
  readonly body: unknown;
  readonly httpStatusCode: number;
  readonly referenceId: string;
}

interface SaveResult {
  id?: string | null;
  success?: boolean;
  created?: boolean;
  errors?: { statusCode?: string; message?: string; fields?: string[] }[];
}

/** The counter of Composite calls one writer made (each is one API call). */
export class CallCounter {
  calls = 0;
}

export function dataPath(conn: jsforce.Connection, path: string): string {
  return `/services/data/v${conn.version}${path}`;
}

/** One Composite call with transport retries; REQUEST_LIMIT_EXCEEDED becomes ApiBudgetExhaustedError. */
export async function sendComposite(
  writer: CompositeWriter,
  counter: CallCounter,
  subrequests: readonly SubRequest[],
): Promise<{ responses: SubResponse[]; at: string }> {
  for (let attempt = 0; ; attempt += 1) {
    await writer.governor.beforeWrite(writer.caller);
    try {
      counter.calls += 1;
      const answer = await writer.conn.request<{ compositeResponse: SubResponse[] }>({
        method: 'POST',
        url: dataPath(writer.conn, '/composite'),
        body: JSON.stringify({ allOrNone: false, compositeRequest: subrequests }),
        headers: { 'content-type': 'application/json' },
      });
      return { responses: answer.compositeResponse, at: (writer.now?.() ?? new Date()).toISOString() };
    } catch (error) {
      const e = error as { errorCode?: string; name?: string; statusCode?: number };
      const code = e.errorCode ?? e.name ?? '';
      if (code === 'REQUEST_LIMIT_EXCEEDED') {
        const usage = writer.governor.usage() ?? { used: 0, limit: 0 };
        throw new ApiBudgetExhaustedError(usage, writer.governor.stopAtPercent);
      }
      const transient =
        e.statusCode === undefined ||
        e.statusCode >= 500 ||
        code === 'SERVER_UNAVAILABLE' ||
        code === 'ECONNRESET';
      if (!transient || attempt >= 3) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
}

export function failureOf(body: unknown, status: number): { code: string; message: string } {
  const first = Array.isArray(body)
    ? (body[0] as { errorCode?: string; message?: string } | undefined)
    : undefined;
  return {
    code: first?.errorCode ?? `HTTP_${String(status)}`,
    message: first?.message ?? `the subrequest answered HTTP ${String(status)}`,
  };
}

export function resultsOf(response: SubResponse | undefined, count: number, at: string): RecordWriteResult[] {
  if (response === undefined) {
    return Array.from({ length: count }, () => ({
      success: false,
      id: null,
      created: false,
      errorCode: 'NO_RESPONSE',
      errorMessage: 'Salesforce answered no result for this subrequest',
      committedAt: at,
    }));
  }
  if (response.httpStatusCode >= 300 || !Array.isArray(response.body)) {
    const f = failureOf(response.body, response.httpStatusCode);
    return Array.from({ length: count }, () => ({
      success: false,
      id: null,
      created: false,
      errorCode: f.code,
      errorMessage: f.message,
      committedAt: at,
    }));
  }
  const saves = response.body as SaveResult[];
  return Array.from({ length: count }, (_, i) => {
    const s = saves[i];
    const error = s?.errors?.[0];
    const ok = s?.success === true;
    return {
      success: ok,
      id: s?.id ?? null,
      created: s?.created === true,
      errorCode: ok ? null : (error?.statusCode ?? 'UNKNOWN_ERROR'),
      errorMessage: ok
        ? null
        : `${error?.message ?? 'no result for this record'}${error?.fields?.length ? ` (fields: ${error.fields.join(', ')})` : ''}`,
      committedAt: at,
    };
  });
}
