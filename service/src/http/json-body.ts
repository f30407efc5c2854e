// The JSON body parser of every route: JSON.parse, then a 400 naming the first place where the body holds what
// must not go further: a "__proto__" key, or text the store cannot keep (store/storable-text.ts). A "__proto__"
// key is valid JSON, so Fastify's own parser (which refuses it to prevent prototype poisoning,
// https://fastify.dev/docs/latest/Reference/Server/#onprotopoisoning) called the body "not valid JSON".
// JSON.parse makes "__proto__" an own property (it never sets a prototype), so the walk below sees it.
import type { FastifyInstance } from 'fastify';
import { storableText, unstorableTextMessage } from '../store/storable-text.js';

/** A refused body, naming where: `code` is forbidden_key or invalid_request (error-handler.ts). */
export class BodyValueError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly code: 'ZSYNC_FORBIDDEN_KEY' | 'ZSYNC_UNSTORABLE_TEXT',
    message: string,
  ) {
    super(message);
    this.name = 'BodyValueError';
  }
}

const protoMessage =
  'the key "__proto__" is not accepted in a JSON body (it could change the prototype of the objects built from it); remove it';

/** The first problem of a parsed body, with its path (`body.a.0.__proto__`), or undefined. */
export function bodyProblem(value: unknown, path = 'body'): BodyValueError | undefined {
  if (typeof value === 'string')
    return storableText(value)
      ? undefined
      : new BodyValueError('ZSYNC_UNSTORABLE_TEXT', `${path}: ${unstorableTextMessage}`);
  if (value === null || typeof value !== 'object') return undefined;
  if (Object.prototype.hasOwnProperty.call(value, '__proto__'))
    return new BodyValueError('ZSYNC_FORBIDDEN_KEY', `${path}.__proto__: ${protoMessage}`);
  for (const [key, child] of Object.entries(value)) {
    if (!storableText(key))
      return new BodyValueError('ZSYNC_UNSTORABLE_TEXT', `${path}: a key ${unstorableTextMessage}`);
    const found = bodyProblem(child, `${path}.${key}`);
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
    const problem = bodyProblem(parsed);
    if (problem !== undefined) {
      done(problem, undefined);
      return;
    }
    done(null, parsed);
  });
}
