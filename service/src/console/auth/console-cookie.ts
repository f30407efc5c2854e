// The console's session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (no other site's page
// sends it), Path=/ (the console page and the /v1 API it calls), Secure when the request came over HTTPS.
// https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Set-Cookie
import type { FastifyRequest } from 'fastify';

export const cookieName = 'zsync_console';

export function readCookie(request: FastifyRequest, name = cookieName): string | undefined {
  const header = request.headers.cookie;
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${cookieName}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${String(Math.max(0, Math.floor(maxAgeSeconds)))}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedCookie(secure: boolean): string {
  return sessionCookie('', 0, secure);
}

export function isSecureRequest(request: FastifyRequest, setting: 'auto' | 'always'): boolean {
  return setting === 'always' || request.protocol === 'https';
}
