// POST /console/session: Sign in to the operations console with the admin API token (sets the session cookie)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConsoleSessionOptions } from './console-session-route.js';
import { z } from 'zod';
import { sameSecret } from '../auth/console-authenticator.js';
import { isSecureRequest, sessionCookie } from '../auth/console-cookie.js';
import { createConsoleSession } from '../auth/console-session-rows.js';
import { SignInThrottle } from '../auth/sign-in-throttle.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

const signInBody = z.object({ csrfToken: z.string(), expiresAt: z.string() });

/** POST /console/session */
export const signInRoute =
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
  };
