import type { FastifyInstance, FastifyRequest } from 'fastify';
import { INTERNAL_HEADER } from '../http/data-api-guard.js';

// Runs a Composite or Composite Batch subrequest through the same routes a client would call, with
// the caller's session; the internal header keeps the guard from counting it as a separate call.

export interface SubrequestAnswer {
  status: number;
  location: string | undefined;
  body: unknown;
}

/** `v62.0/sobjects/...`, `/v62.0/...` or `/services/data/v62.0/...` as a path on this server. */
export function dataUrl(url: string): string {
  const path = url.replace(/^\/+/, '');
  return path.startsWith('services/') ? `/${path}` : `/services/data/${path}`;
}

export async function runSubrequest(
  app: FastifyInstance,
  request: FastifyRequest,
  internalSecret: string,
  sub: { method: string; url: string; payload?: string; headers?: Record<string, unknown> },
): Promise<SubrequestAnswer> {
  const res = await app.inject({
    method: sub.method.toUpperCase() as 'GET',
    url: sub.url,
    headers: {
      // Only string header values are headers; anything else in a client's httpHeaders is dropped.
      ...Object.fromEntries(Object.entries(sub.headers ?? {}).filter(([, v]) => typeof v === 'string')),
      authorization: request.headers.authorization ?? '',
      'content-type': 'application/json',
      [INTERNAL_HEADER]: internalSecret,
    },
    ...(sub.payload === undefined ? {} : { payload: sub.payload }),
  });
  let body: unknown = null;
  if (res.body !== '') {
    try {
      body = JSON.parse(res.body) as unknown;
    } catch {
      body = res.body;
    }
  }
  const location = res.headers.location;
  return { status: res.statusCode, location: typeof location === 'string' ? location : undefined, body };
}
