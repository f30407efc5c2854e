import { importSPKI, importX509, jwtVerify } from 'jose';

// OAuth 2.0 JWT bearer flow: the assertion is signed RS256 by the connected app's private key,
// `iss` = consumer key, `sub` = username, `aud` = login URL, `exp` within minutes.
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm

export type JwtCheck = { ok: true; clientId: string; username: string } | { ok: false; description: string };

export async function verifyJwtAssertion(
  assertion: string,
  certificatePem: string | null,
): Promise<JwtCheck> {
  if (!certificatePem) return { ok: false, description: 'invalid assertion' };
  try {
    const key = certificatePem.includes('BEGIN CERTIFICATE')
      ? await importX509(certificatePem, 'RS256')
      : await importSPKI(certificatePem, 'RS256');
    const { payload } = await jwtVerify(assertion, key, {
      algorithms: ['RS256'],
      requiredClaims: ['iss', 'sub', 'aud', 'exp'],
    });
    return { ok: true, clientId: String(payload.iss), username: String(payload.sub) };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return {
      ok: false,
      description: code === 'ERR_JWT_EXPIRED' ? 'expired authorization code' : 'invalid assertion',
    };
  }
}
