// How the Zuora webhook and its token endpoint refuse a caller: 401 with the reason, counted per address
// (realtime/callout-refusals.ts); once the address passed its limit, 429 with Retry-After for the rest of the
// window. One log line per address and window says what was refused and how often in the window before.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { CalloutRefusals } from '../realtime/callout-refusals.js';

export interface RefusalContext {
  readonly refusals: CalloutRefusals;
  readonly logger: Logger;
  /** What was refused, for the log line: 'zuora callout' or 'zuora callout token'. */
  readonly what: string;
}

/** Answers 429 when the request's address passed its limit of refusals; undefined when it may go on. */
export function refuseIfTooMany(
  ctx: RefusalContext,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply | undefined {
  const wait = ctx.refusals.retryAfterSeconds(request.ip);
  if (wait === 0) return undefined;
  return reply
    .code(429)
    .header('retry-after', String(wait))
    .send({
      error: 'too_many_refusals',
      message: `too many refused callouts from this address (${String(ctx.refusals.limit.max)} in ${String(ctx.refusals.limit.windowMs / 1000)} s); retry in ${String(wait)} s`,
    });
}

/** Answers 401 with the reason (and the challenge Zuora answers with credentials), counting the refusal. */
export function refuseCaller(
  ctx: RefusalContext,
  request: FastifyRequest,
  reply: FastifyReply,
  reason: string,
  answer: { readonly challenge?: string | undefined; readonly error?: string } = {},
): FastifyReply {
  const { challenge, error = 'unauthorized' } = answer;
  if (challenge === undefined) {
    const counted = ctx.refusals.refused(request.ip);
    if (counted.firstInWindow)
      ctx.logger.warn(
        {
          reason,
          ip: request.ip,
          ...(counted.previousWindow === undefined
            ? {}
            : { refusedInPreviousWindow: counted.previousWindow }),
        },
        `${ctx.what} refused (further refusals from this address in the next ${String(ctx.refusals.limit.windowMs / 1000)} s are counted, not logged)`,
      );
  } else {
    void reply.header('www-authenticate', challenge);
  }
  return reply.code(401).send({ error, message: reason });
}
