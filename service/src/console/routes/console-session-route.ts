// Signing in to the console and out of it: POST /console/session takes the admin API token (API_TOKEN, and
// no other) and answers with an HttpOnly, SameSite=Strict session cookie and the sign-in's CSRF token;
// GET /console/session gives the page its CSRF token again; DELETE /console/session signs out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/store.js';
import { consoleSessionOf, sameSecret } from '../auth/console-authenticator.js';
import { clearedCookie, isSecureRequest, readCookie, sessionCookie } from '../auth/console-cookie.js';
import {
  createConsoleSession,
  deleteConsoleSession,
  type ConsoleSessionTimes,
} from '../auth/console-session-rows.js';
import { SignInThrottle } from '../auth/sign-in-throttle.js';

export interface ConsoleSessionOptions {
  readonly store: Queryable;
  /** The admin token: the only one that signs in. */
  readonly adminToken: string;
  readonly times: ConsoleSessionTimes;
  readonly cookieSecure: 'auto' | 'always';
  readonly throttle?: SignInThrottle;
}

const errorBody = z.object({ error: z.string(), message: z.string() });
const signInBody = z.object({ csrfToken: z.string(), expiresAt: z.string() });

export const consoleSessionRoute =
  (options: ConsoleSessionOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const throttle = options.throttle ?? new SignInThrottle();
    app.post(
      '/console/session',
      {
        schema: {
          summary: 'Sign in to the operations console with the admin API token (sets the session cookie)',
          tags: ['console'],
          security: [],
          body: z.strictObject({ token: z.string().min(1, 'expected the API token').max(512) }),
          response: { 200: signInBody, 401: errorBody, 429: errorBody },
        },
      },
      async (request, reply) => {
        const wait = throttle.retryAfter(request.ip);
        if (wait > 0)
          return reply
            .code(429)
            .header('retry-after', String(wait))
            .send({
              error: 'too_many_attempts',
              message: `too many wrong tokens; try again in ${String(wait)} s`,
            });
        if (!sameSecret(request.body.token, options.adminToken)) {
          throttle.failed(request.ip);
          request.log.warn({ ip: request.ip }, 'console sign-in refused: wrong token');
          return reply
            .code(401)
            .send({ error: 'invalid_token', message: 'that is not the service API token (API_TOKEN)' });
        }
        throttle.succeeded(request.ip);
        const signIn = await createConsoleSession(options.store, options.times);
        const maxAge = (signIn.expiresAt.getTime() - Date.now()) / 1000;
        void reply.header(
          'set-cookie',
          sessionCookie(
            signIn.cookieId,
            Math.min(maxAge, options.times.maxMs / 1000),
            isSecureRequest(request, options.cookieSecure),
          ),
        );
        return { csrfToken: signIn.csrfToken, expiresAt: signIn.expiresAt.toISOString() };
      },
    );
    app.get(
      '/console/session',
      {
        schema: {
          summary: 'The console sign-in of this browser: its CSRF token and when it expires',
          tags: ['console'],
          response: { 200: signInBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        const session = consoleSessionOf(request);
        if (session === undefined)
          return reply.code(404).send({
            error: 'no_console_session',
            message: 'this request came with a bearer token, not a console sign-in',
          });
        return { csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() };
      },
    );
    app.delete(
      '/console/session',
      {
        schema: {
          summary: 'Sign out of the console (needs X-CSRF-Token)',
          tags: ['console'],
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        const cookie = readCookie(request);
        if (cookie !== undefined) await deleteConsoleSession(options.store, cookie);
        return reply
          .code(204)
          .header('set-cookie', clearedCookie(isSecureRequest(request, options.cookieSecure)))
          .send(null);
      },
    );
  };
