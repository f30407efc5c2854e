// A typed client for the Zuora REST API over fetch: OAuth client credentials with refresh before expiry and
// on 401, the Zuora-Entity-Ids header for multi-entity tenants, and retries of 429 (honouring Retry-After)
// and 5xx with exponential backoff. Counts its calls for API accounting.
// Rate limits and Retry-After: https://developer.zuora.com/docs/guides/rate-limits/
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fetchZuoraToken, ZuoraAuthError, type ZuoraCredentials, type ZuoraToken } from './oauth-token.js';
import { errorFromBody, isUnsuccessful, ZuoraApiError } from './zuora-errors.js';

export interface ZuoraClientOptions extends ZuoraCredentials {
  readonly fetch?: typeof fetch;
  readonly maxRetries?: number;
  /** Base of the exponential backoff for 5xx and network errors. */
  readonly backoffMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
}

export interface RequestOptions {
  readonly query?: Readonly<Record<string, string | number | readonly string[]>>;
  readonly json?: unknown;
  readonly entityId?: string | undefined;
  /** Answer the raw text (file downloads) instead of parsed JSON. */
  readonly text?: boolean;
  /** How long the whole exchange may take (a streamed download included); 120 s unless told. */
  readonly timeoutMs?: number;
  /**
   * Makes a POST or PATCH safe to retry: Zuora answers a repeated key with the first answer for 24 hours.
   * https://developer.zuora.com/docs/guides/idempotency/
   */
  readonly idempotencyKey?: string;
}

export class ZuoraClient {
  readonly #opts: ZuoraClientOptions;
  readonly #fetch: typeof fetch;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #now: () => number;
  #token: Promise<ZuoraToken> | undefined;
  #calls = 0;

  constructor(options: ZuoraClientOptions) {
    this.#opts = options;
    this.#fetch = options.fetch ?? fetch;
    this.#sleep = options.sleep ?? ((ms) => sleep(ms));
    this.#now = options.now ?? Date.now;
  }

  /** Requests sent to Zuora, retries and token requests included. */
  get calls(): number {
    return this.#calls;
  }

  async #accessToken(forceRefresh = false): Promise<string> {
    const current = this.#token === undefined ? undefined : await this.#token.catch(() => undefined);
    if (forceRefresh || current === undefined || current.expiresAt - 60_000 <= this.#now()) {
      this.#token = this.#fetchTokenWithRetry();
    }
    return (await (this.#token as Promise<ZuoraToken>)).accessToken;
  }

  /** A network error, 429 or 5xx of the token endpoint is transient; refused credentials are not. */
  async #fetchTokenWithRetry(): Promise<ZuoraToken> {
    const maxRetries = this.#opts.maxRetries ?? 5;
    for (let attempt = 0; ; attempt += 1) {
      this.#calls += 1;
      try {
        return await fetchZuoraToken(this.#opts, this.#fetch, this.#now);
      } catch (error) {
        const status = error instanceof ZuoraAuthError ? error.status : undefined;
        const transient = status === undefined || status === 429 || status >= 500;
        if (!transient || attempt >= maxRetries) throw error;
        await this.#sleep((this.#opts.backoffMs ?? 500) * 2 ** attempt);
      }
    }
  }

  async request<T = unknown>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const { response, url } = await this.#send(method, path, options);
    const raw = await response.text();
    if (options.text === true && response.ok) return raw as T;
    const body = parseJson(raw);
    if (!response.ok || isUnsuccessful(body)) throw errorFromBody(response.status, url.pathname, body);
    return body as T;
  }

  /**
   * The body of a successful answer as a byte stream (file downloads), so a large file never sits in
   * memory; retries and token refresh happen before the body starts, an error answer throws as `request`.
   */
  async requestStream(method: string, path: string, options: RequestOptions = {}): Promise<Readable> {
    const { response, url } = await this.#send(method, path, options);
    if (!response.ok || response.body === null) {
      const body = parseJson(await response.text());
      throw errorFromBody(response.status, url.pathname, body);
    }
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async #send(
    method: string,
    path: string,
    options: RequestOptions,
  ): Promise<{ response: Response; url: URL }> {
    const url = new URL(path, this.#opts.baseUrl);
    for (const [k, v] of Object.entries(options.query ?? {})) {
      for (const item of [v].flat()) url.searchParams.append(k, String(item));
    }
    const maxRetries = this.#opts.maxRetries ?? 5;
    const backoff = this.#opts.backoffMs ?? 500;
    let refreshed = false;
    for (let attempt = 0; ; attempt += 1) {
      const token = await this.#accessToken();
      const headers: Record<string, string> = {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
      };
      if (options.json !== undefined) headers['content-type'] = 'application/json';
      if (options.entityId !== undefined) headers['zuora-entity-ids'] = options.entityId;
      if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
      let response: Response;
      try {
        this.#calls += 1;
        response = await this.#fetch(url, {
          method,
          headers,
          ...(options.json === undefined ? {} : { body: JSON.stringify(options.json) }),
          signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
        });
      } catch (error) {
        if (attempt >= maxRetries) {
          throw new ZuoraApiError(0, 'NETWORK', `unreachable: ${(error as Error).message}`, url.pathname);
        }
        await this.#sleep(backoff * 2 ** attempt);
        continue;
      }
      if (response.status === 401 && !refreshed) {
        // The token expired early (or was revoked): get a new one once, then retry.
        refreshed = true;
        await response.body?.cancel();
        await this.#accessToken(true);
        continue;
      }
      // 409 on a keyed request: the first request with this key (a crashed process's, or a timed-out one)
      // is still running; Zuora asks to retry with the same key once it finished.
      // https://developer.zuora.com/docs/guides/idempotency/
      const keyBusy = response.status === 409 && options.idempotencyKey !== undefined;
      if ((response.status === 429 || response.status >= 500 || keyBusy) && attempt < maxRetries) {
        await response.body?.cancel();
        await this.#sleep(retryDelayMs(response, backoff, attempt));
        continue;
      }
      return { response, url };
    }
  }
}

/** Retry-After (seconds or an HTTP date) when Zuora sends it, else exponential backoff with jitter. */
export function retryDelayMs(response: Response, backoffMs: number, attempt: number): number {
  const header = response.headers.get('retry-after');
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - Date.now());
  }
  return backoffMs * 2 ** attempt * (0.5 + Math.random() / 2);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}
