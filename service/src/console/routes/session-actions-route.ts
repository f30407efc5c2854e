// Session actions of the console (and of any script with the token): preview what starting sessions would
// do, start a backfill, cancel a manual session. Full and incremental sessions start through POST /v1/syncs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { previewRoute } from './preview-route.js';
import { backfillRoute } from './backfill-route.js';
import { cancelRoute } from './cancel-route.js';
import type { ConsoleDeps } from '../console-deps.js';

export const sessionActionsRoute = (deps: ConsoleDeps): FastifyPluginAsyncZod[] => [
  previewRoute(deps),
  backfillRoute(deps),
  cancelRoute(deps),
];
