// What a log line may say about an HTTP request: method, path, parameter names and the client address, never
// a secret. A token can come in a query string (`?access_token=...`, refused or not), the Authorization header
// or a cookie (the console's session), so query values are replaced and headers are not logged at all.
interface RequestLike {
  readonly method?: string;
  readonly url?: string;
  readonly hostname?: string;
  readonly ip?: string;
  readonly socket?: { readonly remotePort?: number };
}

export const redactedValue = '[redacted]';

/** `/v1/syncs?token=abc&limit=5` -> `/v1/syncs?token=[redacted]&limit=[redacted]`. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at === -1) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      return `${name.length > 64 ? `${name.slice(0, 64)}...` : name}=${redactedValue}`;
    });
  return `${url.slice(0, at)}?${names.join('&')}`;
}

export function serializeRequest(req: RequestLike): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.url ?? ''),
    host: req.hostname,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
