// The console's CPQ page routes: orders by state, one order, retry of one order, the poller's state.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConsoleDeps } from '../console-deps.js';
import { cpqOrderRoute } from './cpq-order-route.js';
import { cpqOrdersRoute } from './cpq-orders-route.js';
import { cpqPollerRoute } from './cpq-poller-route.js';
import { cpqRetryRoute } from './cpq-retry-route.js';

export const cpqConsoleRoutes = (deps: ConsoleDeps): FastifyPluginAsyncZod[] => [
  cpqOrdersRoute(deps),
  cpqOrderRoute(deps),
  cpqRetryRoute(deps),
  cpqPollerRoute(deps),
];
