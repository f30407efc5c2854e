// How a browser signed in to the console reaches the service: its session cookie stands in for the bearer
// token, and every state-changing request must also carry the sign-in's CSRF token in X-CSRF-Token (a
// synchronizer token: another site can make the browser send the cookie, never read the token). Requests a
// browser marks as cross-site are refused outright. Pages without a sign-in redirect to the sign-in page.
// https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../store/store.js';
import { readCookie } from './console-cookie.js';
import {
  findConsoleSession,
  type ConsoleSessionRow,
  type ConsoleSessionTimes,
} from './console-session-rows.js';

type Outcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'refused'; readonly status: number; readonly error: string; readonly message: string }
  | { readonly kind: 'redirect'; readonly location: string };

export const loginPath = '/console/login';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const signedIn = new WeakMap<FastifyRequest, ConsoleSessionRow>();

/** The console sign-in a request came with (after authentication), if it came with one. */
export function consoleSessionOf(request: FastifyRequest): ConsoleSessionRow | undefined {
  return signedIn.get(request);
}

export function sameSecret(presented: string, expected: string): boolean {
  const d = (v: string) => createHash('sha256').update(v, 'utf8').digest();
  return timingSafeEqual(d(presented), d(expected));
}

const isPage = (method: string, path: string) =>
  method === 'GET' && (path === '/console' || (path.startsWith('/console/') && path !== '/console/session'));

export function consoleAuthenticator(db: Queryable, times: ConsoleSessionTimes) {
  return {
    isPublic(method: string, path: string): boolean {
      if (method === 'POST' && path === '/console/session') return true;
      return (
        (method === 'GET' || method === 'HEAD') && (path === loginPath || path.startsWith('/console/assets/'))
      );
    },
    async authenticate(request: FastifyRequest): Promise<Outcome> {
      const path = request.url.split('?', 1)[0] ?? '';
      const page = isPage(request.method, path);
      const cookie = readCookie(request);
      if (cookie === undefined) return page ? { kind: 'redirect', location: loginPath } : { kind: 'absent' };
      const session = await findConsoleSession(db, cookie, times);
      if (session === undefined) {
        if (page) return { kind: 'redirect', location: `${loginPath}?expired=1` };
        return {
          kind: 'refused',
          status: 401,
          error: 'session_expired',
          message: 'the console sign-in has expired or was signed out; sign in again with the API token',
        };
      }
      if (!safeMethods.has(request.method)) {
        if (request.headers['sec-fetch-site'] === 'cross-site')
          return {
            kind: 'refused',
            status: 403,
            error: 'csrf_refused',
            message: 'cross-site request refused',
          };
        const presented = request.headers['x-csrf-token'];
        if (typeof presented !== 'string' || !sameSecret(presented, session.csrfToken))
          return {
            kind: 'refused',
            status: 403,
            error: 'csrf_refused',
            message:
              'a state-changing console request needs the X-CSRF-Token header of its sign-in (GET /console/session)',
          };
      }
      signedIn.set(request, session);
      return { kind: 'ok' };
    },
  };
}
