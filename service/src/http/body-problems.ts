// What a parsed JSON body must not carry anywhere: a "__proto__" key (prototype poisoning, refused as Fastify
// does: https://fastify.dev/docs/latest/Reference/Server/#onprotopoisoning) and text the store cannot keep
// (store/storable-text.ts). JSON.parse makes "__proto__" an own property (it never sets a prototype), so the
// walk below sees it.
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
