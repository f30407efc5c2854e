import type { FastifyReply } from 'fastify';
import { RequestError } from '../store/sf-error.js';

// REST error bodies are arrays of `{message, errorCode}` (plus `fields` for record errors):
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm

export function sendError(
  reply: FastifyReply,
  status: number,
  errorCode: string,
  message: string,
  fields?: string[],
) {
  return reply.code(status).send([{ message, errorCode, ...(fields ? { fields } : {}) }]);
}

export function parseJsonBody(body: unknown): unknown {
  if (typeof body !== 'string' || body.trim() === '') {
    throw new RequestError('JSON_PARSER_ERROR', 'The request body is either invalid or incomplete.');
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new RequestError(
      'JSON_PARSER_ERROR',
      `Unexpected character in the request body: ${(error as Error).message}`,
    );
  }
}

export function parseJsonObject(body: unknown): Record<string, unknown> {
  const value = parseJsonBody(body);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new RequestError(
      'JSON_PARSER_ERROR',
      'Cannot deserialize instance of SObject from a non-object JSON value',
    );
  }
  return value as Record<string, unknown>;
}

export function apiVersionOf(params: unknown): string {
  const version = (params as { version?: string }).version ?? 'v62.0';
  return version.replace(/^v/, '');
}
