// The saved answers of idempotent requests: one entry per Idempotency-Key, in flight until the first
// request answers, then its status, headers and body for 24 hours after the key was first used.
// https://developer.zuora.com/docs/guides/idempotent-requests
import { createHash } from 'node:crypto';

export interface SavedResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

interface Entry {
  /** Method, URL and entity of the first request: another one with the same key is refused (422). */
  scope: string;
  /** Hash of the first request's parsed body, set once it reached its handler. */
  bodyHash?: string;
  createdAt: number;
  response?: SavedResponse;
  bytes: number;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'saved'; bodyHash: string | undefined; response: SavedResponse }
  | { kind: 'inFlight' }
  | { kind: 'mismatch' };

export const idempotencyTtlMs = 24 * 60 * 60 * 1000;

export function bodyHash(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

export class IdempotencyStore {
  // Insertion order is creation order, so expiry and eviction take from the front.
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxBytes = 256 * 1024 * 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  claim(key: string, scope: string): Claim {
    this.expire();
    const entry = this.entries.get(key);
    if (entry === undefined) {
      this.entries.set(key, { scope, createdAt: this.now(), bytes: 0 });
      return { kind: 'claimed' };
    }
    if (entry.scope !== scope) return { kind: 'mismatch' };
    if (entry.response === undefined) return { kind: 'inFlight' };
    return { kind: 'saved', bodyHash: entry.bodyHash, response: entry.response };
  }

  setBodyHash(key: string, hash: string): void {
    const entry = this.entries.get(key);
    if (entry !== undefined) entry.bodyHash = hash;
  }

  complete(key: string, response: SavedResponse): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    entry.response = response;
    entry.bytes = Buffer.byteLength(response.body) + 512;
    this.bytes += entry.bytes;
    this.evict();
  }

  /** Forgets a claim whose request never reached its handler (refused before processing, or aborted). */
  release(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined || entry.response !== undefined) return;
    this.entries.delete(key);
  }

  isInFlight(key: string): boolean {
    const entry = this.entries.get(key);
    return entry !== undefined && entry.response === undefined;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private expire(): void {
    const cutoff = this.now() - idempotencyTtlMs;
    for (const [key, entry] of this.entries) {
      if (entry.createdAt > cutoff) break;
      this.drop(key, entry);
    }
  }

  /** Bounds the emulator's memory: past maxBytes the oldest saved answers go first, before their 24 hours. */
  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (entry.response !== undefined) this.drop(key, entry);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
