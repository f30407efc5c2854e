import { randomBytes } from 'node:crypto';

// Access tokens the emulator issued. Salesforce tokens look like `00D...!AQ...`; an expired or
// revoked token makes every API call answer 401 INVALID_SESSION_ID.

export interface Session {
  token: string;
  userId: string;
  username: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
}

export class TokenStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly orgId: string,
    private ttlSeconds: number,
  ) {}

  issue(userId: string, username: string, clientId: string): Session {
    const issuedAt = Date.now();
    const token = `${this.orgId.slice(0, 15)}!${randomBytes(48).toString('base64url')}`;
    const session = {
      token,
      userId,
      username,
      clientId,
      issuedAt,
      expiresAt: issuedAt + this.ttlSeconds * 1000,
    };
    this.sessions.set(token, session);
    return session;
  }

  /** The live session for a bearer token, or null when unknown or expired. */
  verify(token: string): Session | null {
    const session = this.sessions.get(token);
    if (!session) return null;
    if (Date.now() >= session.expiresAt) {
      this.sessions.delete(token);
      return null;
    }
    return session;
  }

  revoke(token: string): void {
    this.sessions.delete(token);
  }

  /** Admin fault: every issued token stops working now. */
  expireAll(): number {
    const n = this.sessions.size;
    this.sessions.clear();
    return n;
  }

  setTtl(seconds: number): void {
    this.ttlSeconds = seconds;
  }

  get size(): number {
    return this.sessions.size;
  }
}
