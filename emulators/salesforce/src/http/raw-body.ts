import { isAscii } from 'node:buffer';
import type { FastifyRequest } from 'fastify';

// Request bodies are read as bytes and decoded here as fastify's own string parser decodes them
// (UTF-8, the whole body at once). The bytes of a CSV body of ASCII characters only (each byte is its
// character) are kept for the request: a Bulk upload then goes to disk as received (result-files.ts),
// with no second encoding, and its result files are cut from those bytes, where a character's offset
// is its byte's.

const asciiBodies = new WeakMap<FastifyRequest, Buffer>();

export function parseBody(
  request: FastifyRequest,
  body: Buffer,
  done: (error: Error | null, body?: string) => void,
): void {
  // Kept for CSV bodies only (Bulk uploads): nothing else reads them.
  if (body.length > 0 && request.headers['content-type']?.startsWith('text/csv') === true && isAscii(body))
    asciiBodies.set(request, body);
  // As UTF-8 always: a large body decoded as Latin-1 becomes an external string (outside the V8 heap),
  // which the store's own copies and slices of it would keep alive differently.
  done(null, body.toString('utf8'));
}

/**
 * The bytes of the request's body when they are all ASCII (the body string has a character a byte), handed
 * over once: the request no longer holds them (a keep-alive socket may hold its last request for long).
 */
export function asciiBody(request: FastifyRequest): Buffer | undefined {
  const bytes = asciiBodies.get(request);
  asciiBodies.delete(request);
  return bytes;
}
