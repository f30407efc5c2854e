// OAuth 2.0 for callouts: Zuora can authenticate callouts with a token it obtains from an "OAuth 2.0 provider"
// (client credentials grant: client id, client secret, token endpoint), then sends as a bearer token:
// https://docs.zuora.com/zuora-platform/system-management/administrator-settings/add-an-oauth-2.0-provider
// The service is that provider for its own webhook: POST /v1/webhooks/zuora/oauth/token issues short-lived
// tokens signed with the client secret, so every service process sharing the configuration can check them
// without storing anything.
import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { CalloutOAuthClient } from '../config/realtime-settings.js';

export const calloutTokenTtlSeconds = 3600;

const mac = (client: CalloutOAuthClient, payload: string) =>
  createHmac('sha256', client.clientSecret).update(`${client.clientId}.${payload}`).digest('base64url');

const same = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

export function clientMatches(client: CalloutOAuthClient, id: string, secret: string): boolean {
  return same(id, client.clientId) && same(secret, client.clientSecret);
}

export function issueCalloutToken(client: CalloutOAuthClient, now: Date): string {
  const payload = `${String(now.getTime() + calloutTokenTtlSeconds * 1000)}.${randomBytes(12).toString('base64url')}`;
  return `${payload}.${mac(client, payload)}`;
}

/** Why the token is refused, or undefined when it is valid. */
export function calloutTokenProblem(
  client: CalloutOAuthClient,
  token: string,
  now: Date,
): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return 'malformed bearer token';
  const [expires, nonce, signature] = parts as [string, string, string];
  if (!same(signature, mac(client, `${expires}.${nonce}`))) return 'invalid bearer token';
  if (!(Number(expires) > now.getTime())) return 'expired bearer token: request a new one';
  return undefined;
}
