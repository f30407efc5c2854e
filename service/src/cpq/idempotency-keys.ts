// Idempotency-Keys of the CPQ direction's Zuora writes. A create carries a key of what it creates and a hash
// of its body: a retry of the same request (after a timeout or a crash) replays Zuora's first answer, while
// a corrected request (the user fixed an address) is new and not refused with 422. Lookups before every
// create keep a changed body from making a second object. An order's key is its id, its version
// (SystemModstamp) and the attempt: a resumed attempt reuses the key stored in its checkpoint.
// Zuora keeps a key 24 hours, at most 255 characters: https://developer.zuora.com/docs/guides/idempotency/
import { createHash } from 'node:crypto';

export function bodyKey(kind: string, id: string, body: unknown): string {
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 16);
  return `cpq:${kind}:${id}:${hash}`.slice(0, 255);
}

export function orderKey(orderId: string, version: string, attempt: number): string {
  return `cpq:order:${orderId}:${version}:${String(attempt)}`.slice(0, 255);
}
