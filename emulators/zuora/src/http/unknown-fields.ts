// The `rejectUnknownFields` query parameter of the v1 operations that take a body: by default Zuora ignores
// unknown fields; with rejectUnknownFields=true it answers 400 { "message": "Error - unrecognised fields" }.
// https://developer.zuora.com/v1-api-reference/api/operation/Action_POSTquery/ (query Parameters)
import type { FastifyReply, FastifyRequest } from 'fastify';

export function wantsUnknownFieldsRejected(request: FastifyRequest): boolean {
  const raw = (request.query as Record<string, unknown> | undefined)?.rejectUnknownFields;
  const value: unknown = Array.isArray(raw) ? (raw as unknown[])[raw.length - 1] : raw;
  return typeof value === 'string' && value.toLowerCase() === 'true';
}

/** The top-level body keys outside `known` (case-sensitive, as JSON keys are). */
export function unknownFields(body: unknown, known: readonly string[]): string[] {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.keys(body).filter((k) => !known.includes(k));
}

/** Answers the documented 400 when the caller asked for it and the body has unknown fields. */
export function refuseUnknownFields(
  request: FastifyRequest,
  reply: FastifyReply,
  known: readonly string[],
): FastifyReply | undefined {
  if (!wantsUnknownFieldsRejected(request) || unknownFields(request.body, known).length === 0)
    return undefined;
  return reply.code(400).send({ message: 'Error - unrecognised fields' });
}
