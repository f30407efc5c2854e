// The composition root: config -> store -> job queue -> HTTP. Nothing else constructs these.
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from './config/load-config.js';
import { resolveApiToken } from './config/api-token.js';
import { buildServer } from './http/server.js';
import { createMetricsRegistry } from './http/metrics.js';
import { healthRoute } from './http/routes/health-route.js';
import { sessionsRoute } from './http/routes/sessions-route.js';
import { startJobQueue } from './store/job-queue.js';
import { migrate } from './store/migrate.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';
import { serviceVersion } from './version.js';

export interface Service {
  readonly config: Config;
  readonly store: Store;
  readonly boss: PgBoss;
  readonly app: FastifyInstance;
  readonly apiTokenFile: string | undefined;
  close(): Promise<void>;
}

export async function createService(config: Config, logger: Logger): Promise<Service> {
  const store = await openStore(config);
  try {
    const report = await migrate(store);
    if (report.applied.length > 0) logger.info({ applied: report.applied }, 'store migrated');
    const boss = await startJobQueue(store, { onError: (err) => logger.error({ err }, 'job queue error') });
    const token = resolveApiToken(config.apiToken, config.dataDir);
    const app = await buildServer({
      apiToken: token.token,
      bodyLimitBytes: config.bodyLimitBytes,
      logger,
      metrics: createMetricsRegistry(),
      version: serviceVersion,
      routes: [healthRoute({ store, version: serviceVersion }), sessionsRoute(store)],
    });
    return {
      config,
      store,
      boss,
      app,
      apiTokenFile: token.file,
      async close() {
        await app.close();
        await boss.stop({ graceful: true, close: false, wait: true });
        await store.close();
      },
    };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
