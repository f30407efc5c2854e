import type { FastifyRequest } from 'fastify';

// Client authentication at the token endpoint: HTTP Basic (`client_id:client_secret`, each
// form-urlencoded) or the same two parameters in the body (RFC 6749 section 2.3.1).
// https://datatracker.ietf.org/doc/html/rfc6749#section-2.3.1

export interface ClientCredentials {
  clientId: string;
  clientSecret: string | null;
}

function decodeForm(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/** The client's credentials; null when a Basic header is present but malformed. */
export function clientCredentials(
  request: FastifyRequest,
  params: URLSearchParams,
): ClientCredentials | null {
  const header = request.headers.authorization ?? '';
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const clientId = decodeForm(decoded.slice(0, colon));
    const clientSecret = decodeForm(decoded.slice(colon + 1));
    if (clientId === null || clientSecret === null) return null;
    return { clientId, clientSecret };
  }
  if (/^Basic\s/i.test(header)) return null;
  return { clientId: params.get('client_id') ?? '', clientSecret: params.get('client_secret') };
}
