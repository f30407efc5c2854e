// Every error leaves as JSON with a stable code and a message that names what was wrong; internal errors
// are logged with their stack but answered without it.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export interface ErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const validation = error.validation as readonly { instancePath: string; message?: string }[];
      const issues = validation.map((v) => {
        const path = [where, ...(v.instancePath === '' ? [] : v.instancePath.slice(1).split('/'))].join('.');
        return { path, message: v.message ?? 'invalid value' };
      });
      const body: ErrorBody = {
        error: 'invalid_request',
        message: issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        issues,
      };
      return reply.code(400).send(body);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
          ? 'invalid_json'
          : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? 'payload_too_large'
            : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
              ? 'unsupported_media_type'
              : 'bad_request';
      return reply.code(status).send({ error: code, message: error.message } satisfies ErrorBody);
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal_error', message: 'internal error; see the service log' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` }),
  );
}
