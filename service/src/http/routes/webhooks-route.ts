// POST /v1/webhooks/zuora: Zuora callout notifications of record changes. Authenticated by Zuora's own callout
// authentication (Basic and/or HMAC, see realtime/callout-verification.ts), not by the bearer token. The event
// is committed to the store before the 2xx answer, so an acknowledged callout is never lost; a retried or
// duplicated notification (same Zuora-Notification-Id) is acknowledged and ignored. An address that keeps
// failing authentication is answered 429 for a while (http/callout-refusal.ts); an authentic callout naming an
// entity the tenant does not have is a 400, answered once and not stored.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { insertChangeEvent } from '../../realtime/change-event-rows.js';
import { calloutPayloadSchema, changeEventOf, describeIssues } from '../../realtime/callout-payload.js';
import { verifyEnvelope, verifySignature } from '../../realtime/callout-verification.js';
import { calloutTokenTtlSeconds, clientMatches, issueCalloutToken } from '../../realtime/callout-oauth.js';
import type { CalloutAuthSettings } from '../../config/realtime-settings.js';
import type { Store } from '../../store/store.js';
import { unknownEntity } from '../../config/entity-ids.js';
import { CalloutRefusals, type RefusalLimit } from '../../realtime/callout-refusals.js';
import { refuseCaller, refuseIfTooMany, type RefusalContext } from '../callout-refusal.js';

export const webhookPath = '/v1/webhooks/zuora';
/** Token endpoint of the OAuth 2.0 provider Zuora uses for the callout (client credentials grant). */
export const webhookTokenPath = '/v1/webhooks/zuora/oauth/token';

export interface WebhooksRouteOptions {
  readonly store: Store;
  readonly callouts: CalloutAuthSettings;
  readonly logger: Logger;
  /** Told after an event is stored (wakes the batcher). */
  readonly onEvent?: (entityId: string) => void;
  readonly now?: () => Date;
  /** The tenant's entities ('' alone: single-entity); callouts naming another are refused. Unset: not checked. */
  readonly entities?: () => Promise<readonly string[]>;
  /** Refused callouts an address may send per window before it gets 429 (default 20 a minute). */
  readonly refusals?: RefusalLimit;
}

const errorBody = z.object({ error: z.string(), message: z.string() });
const maxLoggedBody = 2_000;

export const webhooksRoute =
  (options: WebhooksRouteOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const now = options.now ?? (() => new Date());
    // The raw text, so a malformed body is logged as it came rather than lost in the JSON parser.
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
      done(null, body);
    });
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    const refusals = new CalloutRefusals(options.refusals);
    tokenRoute(app, options, now, { refusals, logger: options.logger, what: 'zuora callout token' });
    calloutRoute(app, options, now, { refusals, logger: options.logger, what: 'zuora callout' });
  };

type App = Parameters<FastifyPluginAsyncZod>[0];

/** The OAuth 2.0 token endpoint Zuora gets callout bearer tokens from (client credentials grant). */
function tokenRoute(app: App, options: WebhooksRouteOptions, now: () => Date, refusal: RefusalContext): void {
  app.post(
    webhookTokenPath,
    {
      schema: {
        summary:
          'OAuth 2.0 token for Zuora callouts (client credentials grant; form or JSON body, or Basic client auth)',
        security: [],
        response: {
          200: z.object({
            access_token: z.string(),
            token_type: z.literal('bearer'),
            expires_in: z.number(),
          }),
          400: errorBody,
          401: errorBody,
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      const tooMany = refuseIfTooMany(refusal, request, reply);
      if (tooMany !== undefined) return tooMany;
      const client = options.callouts.oauth;
      const raw = request.body;
      const form: Record<string, unknown> =
        typeof raw === 'string'
          ? safeJson(raw)
          : raw !== null && typeof raw === 'object'
            ? (raw as Record<string, unknown>)
            : {};
      if (form.grant_type !== 'client_credentials')
        return reply
          .code(400)
          .send({ error: 'unsupported_grant_type', message: 'grant_type must be client_credentials' });
      // RFC 6749 section 2.3.1: client credentials in the body or as HTTP Basic.
      const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
      const [headerId, headerSecret] =
        basic?.[1] === undefined ? [] : Buffer.from(basic[1], 'base64').toString('utf8').split(/:(.*)/s);
      const id = typeof form.client_id === 'string' ? form.client_id : (headerId ?? '');
      const secret = typeof form.client_secret === 'string' ? form.client_secret : (headerSecret ?? '');
      if (client === undefined || !clientMatches(client, id, secret)) {
        return refuseCaller(refusal, request, reply, 'unknown client or wrong secret', {
          error: 'invalid_client',
        });
      }
      return reply.send({
        access_token: issueCalloutToken(client, now()),
        token_type: 'bearer' as const,
        expires_in: calloutTokenTtlSeconds,
      });
    },
  );
}

/** The callout itself: verified, parsed, committed to the store before the answer. */
function calloutRoute(
  app: App,
  options: WebhooksRouteOptions,
  now: () => Date,
  refusal: RefusalContext,
): void {
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
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      const tooMany = refuseIfTooMany(refusal, request, reply);
      if (tooMany !== undefined) return tooMany;
      const refuse = (reason: string, challenge?: string) =>
        refuseCaller(refusal, request, reply, reason, { challenge });
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
      const entityProblem = await calloutEntityProblem(options, parsed.data.entityId);
      if (entityProblem !== undefined) return malformed(`entityId: ${entityProblem}`);

      const stored = await insertChangeEvent(options.store, changeEventOf(parsed.data, now()));
      if (stored) options.onEvent?.(parsed.data.entityId);
      return reply.code(200).send({ success: true, duplicate: !stored });
    },
  );
}

/** Why an authentic callout's entity is not the tenant's (it could never sync), or undefined. */
async function calloutEntityProblem(
  options: WebhooksRouteOptions,
  entityId: string,
): Promise<string | undefined> {
  if (options.entities === undefined) return undefined;
  let known: readonly string[];
  try {
    known = await options.entities();
  } catch (error) {
    // Zuora cannot list the entities now: the callout is kept (never lost); its batch reports the entity.
    options.logger.warn(
      { err: error },
      'zuora callout: the entities could not be listed; entity not checked',
    );
    return undefined;
  }
  return unknownEntity(entityId, known);
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
