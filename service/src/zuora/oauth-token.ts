// Zuora OAuth 2.0 client credentials: POST /oauth/token (form-encoded) -> { access_token, expires_in }.
// https://developer.zuora.com/v1-api-reference/api/operation/createToken/
import { z } from 'zod';

export interface ZuoraCredentials {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface ZuoraToken {
  readonly accessToken: string;
  readonly expiresAt: number;
}

export class ZuoraAuthError extends Error {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.name = 'ZuoraAuthError';
    this.status = status;
  }
}

const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

export async function fetchZuoraToken(
  creds: ZuoraCredentials,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): Promise<ZuoraToken> {
  const url = new URL('/oauth/token', creds.baseUrl);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        client_id: creds.clientId,
        client_secret: creds.clientSecret,
        grant_type: 'client_credentials',
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new ZuoraAuthError(`Zuora is unreachable at ${url.origin}: ${(error as Error).message}`);
  }
  const text = await response.text();
  if (response.status >= 500 || response.status === 429) {
    throw new ZuoraAuthError(
      `Zuora's token endpoint at ${url.origin} answered HTTP ${response.status}; try again later`,
      response.status,
    );
  }
  if (!response.ok) {
    const reason = /invalid_client|invalid_grant|unauthorized/i.exec(text)?.[0] ?? `HTTP ${response.status}`;
    throw new ZuoraAuthError(
      `Zuora refused the client credentials at ${url.origin} (${reason}); check ZUORA_CLIENT_ID and ZUORA_CLIENT_SECRET`,
      response.status,
    );
  }
  const parsed = tokenResponse.safeParse(safeJson(text));
  if (!parsed.success)
    throw new ZuoraAuthError(`Zuora answered /oauth/token without an access_token at ${url.origin}`);
  return { accessToken: parsed.data.access_token, expiresAt: now() + parsed.data.expires_in * 1000 };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
