// GET /v1/realtime/dead-letters: change events that failed every allowed attempt, newest first, with their
// last error (the admin retries or discards them: realtime-dead-letter-actions-route.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDeadLetters } from '../../realtime/dead-letter-rows.js';
import type { Store } from '../../store/store.js';

export const eventId = z
  .string()
  .regex(/^[1-9][0-9]{0,18}$/, 'expected a change event id (a positive whole number)');

const deadLetterBody = z.object({
  id: z.string(),
  entityId: z.string(),
  zuoraObject: z.string(),
  zuoraId: z.string(),
  eventType: z.string(),
  source: z.string(),
  attempts: z.number(),
  error: z.string(),
  receivedAt: z.string(),
  firstAttemptAt: z.string().nullable(),
  deadAt: z.string(),
});

export const realtimeDeadLettersRoute =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/realtime/dead-letters',
      {
        schema: {
          summary: 'Real-time change events that failed every allowed attempt, newest first',
          security: [{ bearerAuth: [] }],
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(100),
            before: eventId.optional(),
          }),
          response: {
            200: z.object({ deadLetters: z.array(deadLetterBody), nextBefore: z.string().optional() }),
          },
        },
      },
      async (request) => {
        const { limit, before } = request.query;
        const items = await listDeadLetters(store, { limit, beforeId: before });
        const last = items.length === limit ? items[items.length - 1] : undefined;
        return { deadLetters: items, ...(last === undefined ? {} : { nextBefore: last.id }) };
      },
    );
  };
