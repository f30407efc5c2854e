// OAuth 2.0 client-credentials tokens with an expiry; revocable all at once (token-expiry fault).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { ZuoraClientCredentials } from '../emulator/options.js';

export class TokenStore {
  private readonly tokens = new Map<
    string,
    { clientId: string; expiresAt: number; entityIds: readonly string[] | undefined }
  >();

  constructor(
    private readonly clients: ZuoraClientCredentials[],
    private readonly ttlMs: () => number,
    private readonly now: () => Date,
  ) {}

  /** Issues a token for valid credentials; undefined otherwise (the secret is never echoed). */
  issue(clientId: string, clientSecret: string): { token: string; expiresInSeconds: number } | undefined {
    const client = this.clients.find((c) => c.clientId === clientId);
    if (client === undefined || !sameSecret(client.clientSecret, clientSecret)) return undefined;
    const token = randomBytes(24).toString('hex');
    this.tokens.set(token, {
      clientId,
      expiresAt: this.now().getTime() + this.ttlMs(),
      entityIds: client.entityIds,
    });
    return { token, expiresInSeconds: Math.max(0, Math.floor(this.ttlMs() / 1000) - 1) };
  }

  isValid(token: string): boolean {
    const entry = this.tokens.get(token);
    if (entry === undefined) return false;
    if (entry.expiresAt <= this.now().getTime()) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }

  /** The entities a valid token may act in; undefined = every entity of the tenant. */
  entitiesOf(token: string): readonly string[] | undefined {
    return this.tokens.get(token)?.entityIds;
  }

  /** The entities the client's tokens are valid for (undefined = every entity). */
  clientEntities(clientId: string): readonly string[] | undefined {
    return this.clients.find((c) => c.clientId === clientId)?.entityIds;
  }

  expireAll(): number {
    const n = this.tokens.size;
    this.tokens.clear();
    return n;
  }
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
