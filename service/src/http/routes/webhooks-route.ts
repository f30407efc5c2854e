// POST /v1/webhooks/zuora: Zuora callout notifications of record changes. Authenticated by Zuora's own callout
// authentication (Basic and/or HMAC, see realtime/callout-verification.ts), not by the bearer token. The event
// is committed to the store before the 2xx answer, so an acknowledged callout is never lost; a retried or
// duplicated notification (same Zuora-Notification-Id) is acknowledged and ignored.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { insertChangeEvent } from '../../realtime/change-event-rows.js';
import { calloutPayloadSchema, changeEventOf, describeIssues } from '../../realtime/callout-payload.js';
import { verifyEnvelope, verifySignature } from '../../realtime/callout-verification.js';
import type { CalloutAuthSettings } from '../../realtime/realtime-settings.js';
import type { Store } from '../../store/store.js';

export const webhookPath = '/v1/webhooks/zuora';

export interface WebhooksRouteOptions {
  readonly store: Store;
  readonly callouts: CalloutAuthSettings;
  readonly logger: Logger;
  /** Told after an event is stored (wakes the batcher). */
  readonly onEvent?: (entityId: string) => void;
  readonly now?: () => Date;
}

const errorBody = z.object({ error: z.string(), message: z.string() });
const maxLoggedBody = 2_000;

export const webhooksRoute =
  (options: WebhooksRouteOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());
    // The raw text, so a malformed body is logged as it came rather than lost in the JSON parser.
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      done(null, body);
    });
    app.post(
      webhookPath,
      {
        schema: {
          summary: 'Zuora callout notification of a record change (Zuora callout authentication)',
          security: [],
          response: {
            200: z.object({ success: z.literal(true), duplicate: z.boolean() }),
            400: errorBody,
            401: errorBody,
          },
        },
      },
      async (request, reply) => {
        const refuse = (reason: string, challenge?: string) => {
          options.logger.warn({ reason, ip: request.ip }, 'zuora callout refused');
          if (challenge !== undefined) void reply.header('www-authenticate', challenge);
          return reply.code(401).send({ error: 'unauthorized', message: reason });
        };
        const envelope = verifyEnvelope(options.callouts, request.headers, now());
        if (!envelope.ok) return refuse(envelope.reason, envelope.challenge);

        const text = typeof request.body === 'string' ? request.body : '';
        const malformed = (message: string) => {
          options.logger.error(
            {
              reason: message,
              notificationId: request.headers['zuora-notification-id'],
              body: text.slice(0, maxLoggedBody),
            },
            'malformed zuora callout: not stored',
          );
          return reply.code(400).send({ error: 'invalid_callout', message });
        };
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch (error) {
          return malformed(`the body is not JSON: ${(error as Error).message}`);
        }
        const parsed = calloutPayloadSchema.safeParse(json);
        if (!parsed.success) return malformed(`the callout body is invalid: ${describeIssues(parsed.error)}`);
        const header = request.headers['zuora-notification-id'];
        if (typeof header === 'string' && header !== parsed.data.notificationId)
          return malformed(
            `the Zuora-Notification-Id header (${header}) differs from the body's notificationId (${parsed.data.notificationId})`,
          );
        const signature = verifySignature(options.callouts, request.headers, parsed.data);
        if (!signature.ok) return refuse(signature.reason);

        const stored = await insertChangeEvent(options.store, changeEventOf(parsed.data, now()));
        if (stored) options.onEvent?.(parsed.data.entityId);
        return reply.code(200).send({ success: true, duplicate: !stored });
      },
    );
  };
