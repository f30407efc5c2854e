// POST /v1/realtime/dead-letters/retry puts dead-lettered change events (some ids, or all) back in the queue
// with a fresh attempt count; POST /v1/realtime/dead-letters/discard marks them discarded (kept, never
// synced). Admin routes: the bearer token, or the console's session cookie with its CSRF header.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  discardDeadLetters,
  retryDeadLetters,
  type DeadLetterSelection,
} from '../../realtime/dead-letter-actions.js';
import type { Store } from '../../store/store.js';
import { eventId, realtimeDeadLettersRoute } from './realtime-dead-letters-route.js';

const selectionBody = z.union([
  z.object({ ids: z.array(eventId).min(1, 'expected at least one id').max(10_000) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

const actionBody = z.object({ count: z.number(), ids: z.array(z.string()) });

function selectionOf(body: z.infer<typeof selectionBody>): DeadLetterSelection {
  return 'all' in body ? { all: true } : { ids: body.ids };
}

export const realtimeDeadLetterActionsRoute =
  (store: Store, onRetry: () => void = () => undefined): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/realtime/dead-letters/retry',
      {
        schema: {
          summary: 'Put dead-lettered change events (some ids, or all) back in the queue with fresh attempts',
          security: [{ bearerAuth: [] }],
          body: selectionBody,
          response: { 200: actionBody },
        },
      },
      async (request) => {
        const ids = await retryDeadLetters(store, selectionOf(request.body));
        if (ids.length > 0) onRetry();
        return { count: ids.length, ids };
      },
    );
    app.post(
      '/v1/realtime/dead-letters/discard',
      {
        schema: {
          summary: 'Discard dead-lettered change events (some ids, or all): kept, never synced',
          security: [{ bearerAuth: [] }],
          body: selectionBody,
          response: { 200: actionBody },
        },
      },
      async (request) => {
        const ids = await discardDeadLetters(store, selectionOf(request.body));
        return { count: ids.length, ids };
      },
    );
  };

/** The list and the actions, as the service serves them. */
export const realtimeDeadLetterRoutes = (store: Store, onRetry: () => void): FastifyPluginAsyncZod[] => [
  realtimeDeadLettersRoute(store),
  realtimeDeadLetterActionsRoute(store, onRetry),
];
