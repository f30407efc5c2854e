// DELETE /v1/notification-rules/:id: Delete a notification rule (its deliveries stay)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/store.js';
import { deleteRule } from '../notify/rule-rows.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

const idParams = z.object({ id: z.string().uuid() });

const notFound = (id: string) => ({ error: 'not_found', message: `no notification rule ${id}` });

/** DELETE /v1/notification-rules/:id */
export const deleteRuleRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    const security = [{ bearerAuth: [] }];
    app.delete(
      '/v1/notification-rules/:id',
      {
        schema: {
          summary: 'Delete a notification rule (its deliveries stay)',
          security,
          params: idParams,
          response: { 204: z.null(), 404: errorBody },
        },
      },
      async (request, reply) =>
        (await deleteRule(store, request.params.id))
          ? reply.code(204).send(null)
          : reply.code(404).send(notFound(request.params.id)),
    );
  };
