// Notification rules and their deliveries: list, create, replace, delete, send a test, list deliveries.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listRulesRoute } from './list-rules-route.js';
import { createRuleRoute } from './create-rule-route.js';
import { replaceRuleRoute } from './replace-rule-route.js';
import { deleteRuleRoute } from './delete-rule-route.js';
import { testRuleRoute } from './test-rule-route.js';
import { deliveriesRoute } from './deliveries-route.js';
import type { Queryable } from '../../store/store.js';

export const notificationRulesRoute = (store: Queryable): FastifyPluginAsyncZod[] => [
  listRulesRoute(store),
  createRuleRoute(store),
  replaceRuleRoute(store),
  deleteRuleRoute(store),
  testRuleRoute(store),
  deliveriesRoute(store),
];
