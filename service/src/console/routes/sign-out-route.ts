// DELETE /console/session: Sign out of the console (needs X-CSRF-Token)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConsoleSessionOptions } from './console-session-route.js';
import { z } from 'zod';
import { clearedCookie, isSecureRequest, readCookie } from '../auth/console-cookie.js';
import { deleteConsoleSession } from '../auth/console-session-rows.js';

/** DELETE /console/session */
export const signOutRoute =
  (options: ConsoleSessionOptions): FastifyPluginAsyncZod =>
  async (app) => {
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
