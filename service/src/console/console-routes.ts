// Everything the console adds to the HTTP app, and its background work (notifications, retention), as the
// composition root wires them: routes for buildServer, an authenticator for the session cookie, start/stop.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consoleAuthenticator } from './auth/console-authenticator.js';
import type { ConsoleDeps } from './console-deps.js';
import { Notifier } from './notify/notifier.js';
import { startRetention } from './retention.js';
import { consolePagesRoute } from './routes/console-pages-route.js';
import { consoleSessionRoute } from './routes/console-session-route.js';
import { cpqConsoleRoutes } from './routes/cpq-console-routes.js';
import { driftReportsRoute } from './routes/drift-reports-route.js';
import { driftRepairRoute } from './routes/drift-repair-route.js';
import { failuresExportRoute } from './routes/failures-export-route.js';
import { failuresRoute } from './routes/failures-route.js';
import { notificationRulesRoute } from './routes/notification-rules-route.js';
import { overviewRoute } from './routes/overview-route.js';
import { performanceRoute } from './routes/performance-route.js';
import { sessionActionsRoute } from './routes/session-actions-route.js';
import { sessionLiveRoute } from './routes/session-live-route.js';

export interface ConsoleParts {
  readonly routes: readonly FastifyPluginAsyncZod[];
  readonly authenticator: ReturnType<typeof consoleAuthenticator>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function consoleParts(
  deps: ConsoleDeps,
  marks: { slowAtPercent: number; stopAtPercent: number },
  options: { dist?: string; fetch?: typeof fetch; progressPollMs?: number } = {},
): ConsoleParts {
  const times = { idleMs: deps.settings.sessionIdleMs, maxMs: deps.settings.sessionMaxMs };
  const notifier = new Notifier({
    store: deps.store,
    logger: deps.logger,
    salesforce: deps.api?.salesforce,
    smtpUrl: deps.settings.smtpUrl,
    smtpFrom: deps.settings.smtpFrom,
    tickMs: deps.settings.notifyTickMs,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  return {
    routes: [
      consolePagesRoute(options.dist),
      ...consoleSessionRoute({
        store: deps.store,
        adminToken: deps.adminToken,
        times,
        cookieSecure: deps.settings.cookieSecure,
      }),
      overviewRoute(deps, marks),
      sessionLiveRoute(deps.store, options.progressPollMs),
      ...sessionActionsRoute(deps),
      ...failuresRoute(deps),
      failuresExportRoute(deps.store),
      ...performanceRoute(deps.store),
      ...notificationRulesRoute(deps.store),
      ...cpqConsoleRoutes(deps),
      driftReportsRoute(deps),
      driftRepairRoute(deps),
    ],
    authenticator: consoleAuthenticator(deps.store, times),
    async start() {
      const { retentionDays } = deps.settings;
      await startRetention(deps.boss, deps.store, retentionDays, deps.logger, deps.api?.spoolDir);
      notifier.start();
    },
    async stop() {
      await notifier.stop();
    },
  };
}
