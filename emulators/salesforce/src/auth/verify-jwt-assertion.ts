import { compactVerify, importSPKI, importX509 } from 'jose';

// OAuth 2.0 JWT bearer flow: the assertion is signed RS256 by the connected app's private key,
// `iss` = consumer key, `sub` = username, `aud` = the login URL, `exp` the expiry in seconds since
// the epoch. Salesforce's own example writes `exp` as a string ("exp": "1333685628"), so a numeric
// string is accepted like a number (jose's claim checks would refuse it, hence the manual checks).
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm

export type JwtCheck =
  { ok: true; clientId: string; username: string; audience: string[] } | { ok: false; description: string };

/** Clock skew tolerated on `exp`, as token endpoints usually allow. */
const skewSeconds = 60;

function claims(payload: Uint8Array): Record<string, unknown> | null {
  try {
    const value = JSON.parse(new TextDecoder().decode(payload)) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function expiry(exp: unknown): number | null {
  if (typeof exp === 'number' && Number.isFinite(exp)) return exp;
  if (typeof exp === 'string' && /^\d{1,12}$/.test(exp)) return Number(exp);
  return null;
}

export async function verifyJwtAssertion(
  assertion: string,
  certificatePem: string | null,
  nowMs: number,
): Promise<JwtCheck> {
  if (!certificatePem || assertion === '') return { ok: false, description: 'invalid assertion' };
  let payload: Uint8Array;
  try {
    const key = certificatePem.includes('BEGIN CERTIFICATE')
      ? await importX509(certificatePem, 'RS256')
      : await importSPKI(certificatePem, 'RS256');
    ({ payload } = await compactVerify(assertion, key, { algorithms: ['RS256'] }));
  } catch {
    return { ok: false, description: 'invalid assertion' };
  }
  const c = claims(payload);
  const exp = expiry(c?.exp);
  if (!c || typeof c.iss !== 'string' || typeof c.sub !== 'string' || exp === null)
    return { ok: false, description: 'invalid assertion' };
  if (exp + skewSeconds < nowMs / 1000) return { ok: false, description: 'expired authorization code' };
  const aud = Array.isArray(c.aud) ? c.aud.filter((a): a is string => typeof a === 'string') : [c.aud];
  return {
    ok: true,
    clientId: c.iss,
    username: c.sub,
    audience: aud.filter((a): a is string => typeof a === 'string'),
  };
}
