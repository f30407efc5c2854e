// Failures, as the console shows them: grouped by error code with what it means and how to fix it, a page of
// them under filters, links to the records in Zuora and Salesforce, and retry (selected, or every failure
// matching a filter such as one code).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failureGroupsRoute } from './failure-groups-route.js';
import { failureListRoute } from './failure-list-route.js';
import { failureLinksRoute } from './failure-links-route.js';
import { failureRetryRoute } from './failure-retry-route.js';
import type { ConsoleDeps } from '../console-deps.js';

export const failuresRoute = (deps: ConsoleDeps): FastifyPluginAsyncZod[] => [
  failureGroupsRoute(deps),
  failureListRoute(deps),
  failureLinksRoute(deps),
  failureRetryRoute(deps),
];
