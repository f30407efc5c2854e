// The JSON body parser of every route: JSON.parse, then a refusal naming the first "__proto__" key anywhere in
// the body. Such a key is valid JSON, so Fastify's own parser (which refuses it to prevent prototype
// poisoning, https://fastify.dev/docs/latest/Reference/Server/#onprotopoisoning) called the body "not valid
// JSON"; here it is a 400 naming where the key is. JSON.parse makes "__proto__" an own property (it never sets
// a prototype), so the walk below sees it.
import type { FastifyInstance } from 'fastify';

export class ForbiddenKeyError extends Error {
  readonly statusCode = 400;
  readonly code = 'ZSYNC_FORBIDDEN_KEY';
  constructor(readonly path: string) {
    super(
      `${path}: the key "__proto__" is not accepted in a JSON body (it could change the prototype of the objects built from it); remove it`,
    );
    this.name = 'ForbiddenKeyError';
  }
}

/** Where the first "__proto__" key is (`body.a.0.__proto__`), or undefined. */
export function protoKeyPath(value: unknown, path = 'body'): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return `${path}.__proto__`;
  for (const [key, child] of Object.entries(value)) {
    const found = protoKeyPath(child, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Fastify's codes, so the error handler answers as it did for its own parser. */
const badBody = (code: string, message: string) =>
  Object.assign(new Error(message), { statusCode: 400, code });

export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.length === 0) {
      done(badBody('FST_ERR_CTP_EMPTY_JSON_BODY', 'the body is empty; send a JSON object'), undefined);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      done(
        badBody('FST_ERR_CTP_INVALID_JSON_BODY', `the body is not valid JSON: ${(error as Error).message}`),
        undefined,
      );
      return;
    }
    const at = protoKeyPath(parsed);
    if (at !== undefined) {
      done(new ForbiddenKeyError(at), undefined);
      return;
    }
    done(null, parsed);
  });
}
