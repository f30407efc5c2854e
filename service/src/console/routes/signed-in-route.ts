// GET /console/session: The console sign-in of this browser: its CSRF token and when it expires
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConsoleSessionOptions } from './console-session-route.js';
import { z } from 'zod';
import { consoleSessionOf } from '../auth/console-authenticator.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

const signInBody = z.object({ csrfToken: z.string(), expiresAt: z.string() });

/** GET /console/session */
export const signedInRoute =
  (_options: ConsoleSessionOptions): FastifyPluginAsyncZod =>
  async (app) => {
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
  };
