// Signing in to the console and out of it: POST /console/session takes the admin API token (API_TOKEN, and
// no other) and answers with an HttpOnly, SameSite=Strict session cookie and the sign-in's CSRF token;
// GET /console/session gives the page its CSRF token again; DELETE /console/session signs out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Queryable } from '../../store/store.js';
import type { ConsoleSessionTimes } from '../auth/console-session-rows.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import { signInRoute } from './sign-in-route.js';
import { signedInRoute } from './signed-in-route.js';
import { signOutRoute } from './sign-out-route.js';

export interface ConsoleSessionOptions {
  readonly store: Queryable;
  /** The admin token: the only one that signs in. */
  readonly adminToken: string;
  readonly times: ConsoleSessionTimes;
  readonly cookieSecure: 'auto' | 'always';
  readonly throttle?: SignInThrottle;
}

export const consoleSessionRoute = (options: ConsoleSessionOptions): FastifyPluginAsyncZod[] => [
  signInRoute(options),
  signedInRoute(options),
  signOutRoute(options),
];
