// The path a request is routed by. Fastify's router (find-my-way) matches the percent-decoded path, so
// `/%5F%5Femulator/stats` reaches the `/__emulator/stats` route; every check that depends on the path must
// see that same decoded form, or an encoded spelling walks past it (issue 17, item 10).
import type { FastifyRequest } from 'fastify';

export const ADMIN_PREFIX = '/__emulator';

/** The decoded path without its query string; the raw path when it does not decode. */
export function decodedPath(request: FastifyRequest): string {
  const raw = request.url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** True for the admin API, whichever way the path is spelt: by the matched route, or by the decoded path. */
export function isAdminRequest(request: FastifyRequest): boolean {
  const route = request.routeOptions.url;
  return (route?.startsWith(ADMIN_PREFIX) ?? false) || decodedPath(request).startsWith(ADMIN_PREFIX);
}
