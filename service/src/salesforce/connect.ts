// Opens a jsforce connection: OAuth username-password when SF_USERNAME is set, client credentials otherwise.
// jsforce refreshes password-flow sessions by itself; for client credentials we give it a refreshFn.
// jsforce's core and the one API module the service uses (Bulk API 2.0), which registers itself on every
// Connection: the package's index also loads analytics, apex, bulk, chatter, metadata, soap, streaming and tooling,
// about 9 MB of the process's memory that a sync never touches (issue 19).
import jsforce from 'jsforce/lib/core.js';
import 'jsforce/lib/api/bulk2.js';

export interface SalesforceCredentials {
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  readonly apiVersion: string;
}

export class SalesforceAuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SalesforceAuthError';
  }
}

export async function connectSalesforce(creds: SalesforceCredentials): Promise<jsforce.Connection> {
  const oauth2 = { loginUrl: creds.loginUrl, clientId: creds.clientId, clientSecret: creds.clientSecret };
  try {
    if (creds.username !== undefined && creds.password !== undefined) {
      const conn = new jsforce.Connection({ loginUrl: creds.loginUrl, version: creds.apiVersion, oauth2 });
      await conn.login(creds.username, creds.password);
      return conn;
    }
    const conn: jsforce.Connection = new jsforce.Connection({
      loginUrl: creds.loginUrl,
      version: creds.apiVersion,
      oauth2,
      refreshFn: (_conn, callback) => {
        clientCredentialsToken(creds).then(
          (t) => {
            callback(null, t.accessToken, t.raw);
          },
          (error: unknown) => {
            callback(error as Error);
          },
        );
      },
    });
    const token = await clientCredentialsToken(creds);
    conn.accessToken = token.accessToken;
    conn.instanceUrl = token.instanceUrl;
    return conn;
  } catch (error) {
    if (error instanceof SalesforceAuthError) throw error;
    const e = error as { name?: string; message?: string };
    throw new SalesforceAuthError(
      `Salesforce refused the login at ${creds.loginUrl} (${e.name ?? 'error'}: ${e.message ?? 'unknown'}); check SF_CLIENT_ID, SF_CLIENT_SECRET and, for the password flow, SF_USERNAME and SF_PASSWORD`,
    );
  }
}

interface CcToken {
  accessToken: string;
  instanceUrl: string;
  raw: jsforce.TokenResponse;
}

async function clientCredentialsToken(creds: SalesforceCredentials): Promise<CcToken> {
  const url = new URL('/services/oauth2/token', creds.loginUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: creds.clientId,
        client_secret: creds.clientSecret,
      }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new SalesforceAuthError(`Salesforce is unreachable at ${url.origin}: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, string>;
  if (!response.ok || typeof body.access_token !== 'string' || typeof body.instance_url !== 'string') {
    throw new SalesforceAuthError(
      `Salesforce refused the client credentials at ${url.origin} (${body.error ?? `HTTP ${response.status}`}: ${body.error_description ?? 'no description'}); check SF_CLIENT_ID and SF_CLIENT_SECRET`,
    );
  }
  return {
    accessToken: body.access_token,
    instanceUrl: body.instance_url,
    raw: body as unknown as jsforce.TokenResponse,
  };
}
