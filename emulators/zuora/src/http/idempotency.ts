// Idempotency-Key on every POST and PATCH, as Zuora documents it: the first request's status, headers and
// body are saved whether it succeeded or failed, and a request with the same key gets them back for 24
// hours; 409 while the first request is still in progress; 422 when the key was used with another
// method, URL or tenant (here: entity), or another body. The key is at most 255 characters.
// https://developer.zuora.com/docs/guides/idempotent-requests
//
// Installed before the request guard so that a key is claimed before any injected latency (the first
// request is then "in progress" while it waits); only a request with a valid OAuth token may claim or
// replay a key, so a saved answer is never handed to an unauthenticated caller.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from './context.js';
import { reason, v1Error } from './errors.js';
import { bodyHash, IdempotencyStore, type SavedResponse } from './idempotency-store.js';

const maxKeyLength = 255;
/** Headers of the answer that belong to this attempt, not to the saved answer. */
const perAttempt =
  /^(ratelimit-|concurrency-limit-|retry-after$|content-length$|date$|connection$|keep-alive$|transfer-encoding$)/i;

interface KeyState {
  key: string;
  role: 'owner' | 'replay';
  reachedHandler: boolean;
  saved?: { bodyHash: string | undefined; response: SavedResponse };
}

const states = new WeakMap<FastifyRequest, KeyState>();

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const h = request.headers[name];
  return Array.isArray(h) ? h.join(',') : h;
}

function hasValidToken(request: FastifyRequest, ctx: EmulatorContext): boolean {
  const h = request.headers.authorization;
  return h?.toLowerCase().startsWith('bearer ') === true && ctx.tokens.isValid(h.slice(7).trim());
}

function savedHeaders(reply: FastifyReply): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value === undefined || perAttempt.test(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function replay(reply: FastifyReply, saved: SavedResponse): FastifyReply {
  for (const [name, value] of Object.entries(saved.headers)) reply.header(name, value);
  return reply.code(saved.status).send(saved.body);
}

const messages = {
  mismatch:
    'This Idempotency-Key was already used with another HTTP method, URL or entity; use a new key for a different request.',
  body: 'This Idempotency-Key was already used with a different request body; use a new key for a different request.',
  inFlight:
    'A request with this Idempotency-Key is still in progress; retry with the same key once it has finished.',
};

/** onRequest: claims the key, or answers 400 (bad key), 422 (used elsewhere) or 409 (in progress). */
function claimKey(
  store: IdempotencyStore,
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply | undefined {
  if (request.method !== 'POST' && request.method !== 'PATCH') return undefined;
  const key = headerValue(request, 'idempotency-key');
  if (key === undefined) return undefined;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/oauth/token' || !hasValidToken(request, ctx)) return undefined;
  if (key.trim() === '' || key.length > maxKeyLength)
    return v1Error(reply, 400, [
      reason(
        'generic',
        'invalidValue',
        `Idempotency-Key must be 1 to ${maxKeyLength} characters long (got ${key.length}).`,
      ),
    ]);
  const scope = `${request.method} ${request.url} entity=${headerValue(request, 'zuora-entity-ids')?.trim() ?? ''}`;
  const claim = store.claim(key, scope);
  if (claim.kind === 'mismatch')
    return v1Error(reply, 422, [reason('generic', 'invalidValue', messages.mismatch)]);
  if (claim.kind === 'inFlight')
    return v1Error(reply, 409, [reason('generic', 'ruleRestriction', messages.inFlight)]);
  states.set(
    request,
    claim.kind === 'claimed'
      ? { key, role: 'owner', reachedHandler: false }
      : { key, role: 'replay', reachedHandler: false, saved: claim },
  );
  return undefined;
}

/** preHandler: the owner records its body; a retry gets the saved answer, or 422 for another body. */
function replayOrRecord(
  store: IdempotencyStore,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply | undefined {
  const state = states.get(request);
  if (state === undefined) return undefined;
  const hash = bodyHash(request.body);
  if (state.role === 'owner') {
    state.reachedHandler = true;
    store.setBodyHash(state.key, hash);
    return undefined;
  }
  const saved = state.saved;
  if (saved === undefined) return undefined;
  if (saved.bodyHash !== undefined && saved.bodyHash !== hash)
    return v1Error(reply, 422, [reason('generic', 'invalidValue', messages.body)]);
  return replay(reply, saved.response);
}

export function installIdempotency(app: FastifyInstance, ctx: EmulatorContext): IdempotencyStore {
  const store = new IdempotencyStore(() => ctx.options.now().getTime());
  app.addHook('onRequest', async (request, reply) => claimKey(store, ctx, request, reply));
  app.addHook('preHandler', async (request, reply) => replayOrRecord(store, request, reply));
  app.addHook('onSend', async (request, reply, payload) => {
    const state = states.get(request);
    if (state?.role !== 'owner') return payload;
    if (!state.reachedHandler || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      // Refused before processing (rate limit, injected 5xx, malformed JSON) or streamed: nothing to keep.
      store.release(state.key);
      return payload;
    }
    store.complete(state.key, { status: reply.statusCode, headers: savedHeaders(reply), body: payload });
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    const state = states.get(request);
    if (state?.role === 'owner') store.release(state.key);
  });
  // A client gone before its request was processed (killed, timed out): nothing ran, so the key is free
  // again; otherwise a retry with the same key would be answered 409 for ever.
  app.addHook('onRequestAbort', async (request) => {
    const state = states.get(request);
    if (state?.role === 'owner' && !state.reachedHandler) store.release(state.key);
  });
  return store;
}
