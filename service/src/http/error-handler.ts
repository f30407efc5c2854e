// Every error leaves as JSON with a stable code and a message that names what was wrong; internal errors
// are logged with their stack under the request's id and answered with that id and a plain reason.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { describeFailure } from './internal-errors.js';
import { validationIssues } from './validation-issues.js';

export interface ErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
  /** The request's id in the service log (internal errors). */
  correlationId?: string;
}

function clientErrorCode(error: FastifyError): string {
  if (error.code === 'ZSYNC_FORBIDDEN_KEY') return 'forbidden_key';
  if (error.code === 'ZSYNC_UNSTORABLE_TEXT') return 'invalid_request';
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return 'invalid_json';
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'payload_too_large';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  return 'bad_request';
}

function clientErrorMessage(error: FastifyError, code: string): string {
  if (code === 'unsupported_media_type')
    return `${error.message}; send the body as JSON with "Content-Type: application/json"`;
  return error.message;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = validationIssues(error, request);
      const body: ErrorBody = {
        error: 'invalid_request',
        message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        issues,
      };
      return reply.code(400).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = clientErrorCode(error);
      return reply
        .code(status)
        .send({ error: code, message: clientErrorMessage(error, code) } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({
      error: 'internal_error',
      message: `${describeFailure(error)}; the service log has the details under reference ${request.id}`,
      correlationId: request.id,
    } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
}
