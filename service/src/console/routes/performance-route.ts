// Performance: latency percentiles (Zuora's nearest-rank P50/P90/P95, plus P99) per object and path, over
// time in day/hour/minute buckets for any range (capped at 10,080 buckets: a week of minutes), the stages of
// real-time latency, and the trend of records synced/failed; and the throughput of Turbo sessions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { latencyRoute } from './latency-route.js';
import { throughputRoute } from './throughput-route.js';
import type { Queryable } from '../../store/store.js';

export const performanceRoute = (store: Queryable): FastifyPluginAsyncZod[] => [
  latencyRoute(store),
  throughputRoute(store),
];
