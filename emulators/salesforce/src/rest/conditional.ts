import type { FastifyRequest } from 'fastify';
import { datetimeMs } from '../soql/filter-value.js';
import { RequestError } from '../store/sf-error.js';

// Conditional request headers (weak validation): If-Modified-Since and If-Unmodified-Since compare a
// resource's last modification with an HTTP date (`EEE, dd MMM yyyy HH:mm:ss z`). Describe resources
// answer 304 with no body when nothing changed; an invalid If-Unmodified-Since on PATCH or POST is a
// 400; a record modified after If-Unmodified-Since is 412 Precondition Failed.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest_conditional_requests.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/sobject_describe_with_ifmodified_header.htm

function headerTime(request: FastifyRequest, name: string, strict: boolean): number | null {
  const raw = request.headers[name];
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) {
    if (strict) throw new RequestError('INVALID_HEADER_VALUE', `Invalid ${name} header value: ${raw}`);
    return null; // HTTP 1.1: an invalid If-Modified-Since is ignored
  }
  return ms;
}

/** Whole seconds, as HTTP dates carry them. */
const seconds = (ms: number): number => Math.floor(ms / 1000);

/** True when an If-Modified-Since header says the client's copy is current (answer 304). */
export function notModifiedSince(request: FastifyRequest, lastModifiedMs: number): boolean {
  const since = headerTime(request, 'if-modified-since', false);
  return since !== null && seconds(lastModifiedMs) <= seconds(since);
}

/** True when an If-Unmodified-Since precondition fails (answer 412). */
export function modifiedSince(
  request: FastifyRequest,
  lastModified: string | number | boolean | null,
): boolean {
  const since = headerTime(request, 'if-unmodified-since', request.method !== 'GET');
  if (since === null || lastModified === null || typeof lastModified === 'boolean') return false;
  const ms = typeof lastModified === 'number' ? lastModified : datetimeMs(lastModified);
  return seconds(ms) > seconds(since);
}

/** Refuses (400) an invalid If-Unmodified-Since on a write that has nothing to compare it with. */
export function checkPreconditionHeader(request: FastifyRequest): void {
  headerTime(request, 'if-unmodified-since', true);
}
