// Live progress of a session: GET /v1/syncs/:id/progress answers the current snapshot; GET
// /v1/syncs/:id/events streams it as server-sent events (`progress` events, then `end` once the session is
// over). The stream re-reads the store when this process's worker signals progress and every second in any
// case, so a session running in another process sharing the store is followed too.
// https://html.spec.whatwg.org/multipage/server-sent-events.html
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { onProgressSignal } from '../../sessions/progress-bus.js';
import { sessionProgress, type SessionProgress } from '../../sessions/session-progress.js';
import type { Queryable } from '../../store/store.js';

const counts = { read: z.number(), written: z.number(), failed: z.number(), deleted: z.number() };
export const progressBody = z.object({
  sessionId: z.string(),
  state: z.string(),
  trigger: z.string(),
  scope: z.string(),
  stage: z.string(),
  cancelRequested: z.boolean(),
  objects: z.array(z.object({ object: z.string(), ...counts })),
  totals: z.object(counts),
  recordsPerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
  bulk: z.object({ jobs: z.number(), batches: z.number() }),
  at: z.string(),
});

export function progressToBody(p: SessionProgress): z.infer<typeof progressBody> {
  return {
    sessionId: p.session.id,
    state: p.session.state,
    trigger: p.session.trigger,
    scope: p.session.scope,
    stage: p.stage,
    cancelRequested: p.session.cancelRequested,
    objects: p.objects.map((o) => ({ ...o })),
    totals: { ...p.totals },
    recordsPerSecond: p.recordsPerSecond,
    bulk: { ...p.bulk },
    etaSeconds: p.etaSeconds,
    at: p.at.toISOString(),
  };
}

const errorBody = z.object({ error: z.string(), message: z.string() });
const params = z.object({ id: z.string().uuid() });

export const sessionLiveRoute =
  (store: Queryable, pollMs = 1_000): FastifyPluginAsyncZod =>
  async (app) => {
    // Open streams end when the server closes (it waits for open connections otherwise).
    const streams = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const stop of [...streams]) stop();
    });
    app.get(
      '/v1/syncs/:id/progress',
      {
        schema: {
          summary: 'Progress of a session: stage, per-object counts, records/s and time left',
          security: [{ bearerAuth: [] }],
          params,
          response: { 200: progressBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        const p = await sessionProgress(store, request.params.id);
        if (p === undefined)
          return reply
            .code(404)
            .send({ error: 'not_found', message: `no sync session ${request.params.id}` });
        return progressToBody(p);
      },
    );
    app.get(
      '/v1/syncs/:id/events',
      {
        schema: {
          summary: 'Progress of a session as server-sent events (`progress`, then `end`)',
          security: [{ bearerAuth: [] }],
          params,
          produces: ['text/event-stream'],
        },
      },
      async (request, reply) => {
        const id = request.params.id;
        const first = await sessionProgress(store, id);
        if (first === undefined)
          return reply.code(404).send({ error: 'not_found', message: `no sync session ${id}` });
        streamProgress({ store, request, reply, first, pollMs, streams, id });
      },
    );
  };

interface StreamContext {
  readonly store: Queryable;
  readonly request: FastifyRequest;
  readonly id: string;
  readonly reply: FastifyReply;
  readonly first: SessionProgress;
  readonly pollMs: number;
  /** Open streams, ended when the server closes. */
  readonly streams: Set<() => void>;
}

/** Writes `progress` events while the session changes and `end` once it is over (or the client leaves). */
function streamProgress(ctx: StreamContext): void {
  const { store, request, reply, first, pollMs, streams, id } = ctx;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  let last = '';
  let closed = false;
  let reading = false;
  const send = (p: SessionProgress) => {
    const { at: _at, ...body } = progressToBody(p);
    const text = JSON.stringify(body);
    if (text !== last) raw.write(`event: progress\ndata: ${JSON.stringify(progressToBody(p))}\n\n`);
    last = text;
    if (p.stage === 'done') {
      raw.write(`event: end\ndata: ${JSON.stringify({ state: p.session.state })}\n\n`);
      stop();
    }
  };
  const refresh = () => {
    if (closed || reading) return;
    reading = true;
    sessionProgress(store, id)
      .then((p) => {
        if (p !== undefined && !closed) send(p);
      })
      .catch((err: unknown) => request.log.warn({ err, sessionId: id }, 'progress stream: read failed'))
      .finally(() => {
        reading = false;
      });
  };
  const timer = setInterval(refresh, pollMs);
  const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
  const unsubscribe = onProgressSignal(id, refresh);
  function stop() {
    if (closed) return;
    closed = true;
    clearInterval(timer);
    clearInterval(keepAlive);
    unsubscribe();
    streams.delete(stop);
    raw.end();
  }
  streams.add(stop);
  request.raw.on('close', stop);
  send(first);
}
